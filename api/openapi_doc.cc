#include "api/openapi_doc.h"

#include "api/http_message.h"

namespace dealstream::api::doc {
namespace {

json StringSchema() { return {{"type", "string"}}; }

json CloudEventSchema() {
  json properties = json::object();
  for (const char* name : {"specversion", "id", "source", "type", "subject", "time",
                           "datacontenttype", "dataschema", "recordedtime", "stream",
                           "streamversion", "position", "schemaversion", "actor",
                           "correlationid", "causationid", "command", "prevhash", "hash",
                           "data_base64"}) {
    properties[name] = StringSchema();
  }
  properties["data"] = json::object();  // any JSON value
  return {{"type", "object"},
          {"description",
           "A recorded event in CloudEvents 1.0 structured JSON form. Numbers "
           "(streamversion, position, schemaversion) are decimal strings."},
          {"required", {"specversion", "id", "source", "type", "time", "stream",
                        "streamversion", "position", "hash"}},
          {"properties", properties}};
}

}  // namespace

json PathParam(const std::string& name, const std::string& description, json schema) {
  return {{"name", name}, {"in", "path"}, {"required", true},
          {"description", description}, {"schema", std::move(schema)}};
}

json QueryParam(const std::string& name, const std::string& description, json schema) {
  return {{"name", name}, {"in", "query"}, {"required", false},
          {"description", description}, {"schema", std::move(schema)}};
}

json HeaderParam(const std::string& name, const std::string& description, json schema,
                 bool required) {
  return {{"name", name}, {"in", "header"}, {"required", required},
          {"description", description}, {"schema", std::move(schema)}};
}

json Ref(const std::string& schema_name) {
  return {{"$ref", "#/components/schemas/" + schema_name}};
}

json JsonBody(const std::string& description, json schema) {
  return {{"description", description},
          {"content", {{"application/json", {{"schema", std::move(schema)}}}}}};
}

void AddProblems(json& responses, std::initializer_list<int> statuses) {
  for (int status : statuses) {
    responses[std::to_string(status)] = {
        {"description", std::string(ReasonPhrase(status))},
        {"content", {{"application/problem+json", {{"schema", Ref("Problem")}}}}}};
  }
}

json Components() {
  json schemas = {
      {"Problem",
       {{"type", "object"},
        {"description", "RFC 9457 problem details."},
        {"required", {"type", "title", "status", "detail", "instance", "code"}},
        {"properties",
         {{"type", {{"type", "string"}, {"description", "urn:dealstream:problem:<code>"}}},
          {"title", StringSchema()},
          {"status", {{"type", "integer"}}},
          {"detail", StringSchema()},
          {"instance", StringSchema()},
          {"code", {{"type", "string"}, {"description", "stable snake_case rule name"}}},
          {"field", {{"type", "string"}, {"description", "JSON path or parameter at fault"}}},
          {"current_version", {{"type", "integer"}, {"minimum", 0}}}}}}},
      {"CloudEvent", CloudEventSchema()},
      {"EventPage",
       {{"type", "object"},
        {"required", {"events", "next"}},
        {"properties",
         {{"events", {{"type", "array"}, {"items", Ref("CloudEvent")}}},
          {"next", {{"type", "integer"}, {"minimum", 1},
                    {"description", "the `from` of the next page"}}}}}}},
      {"StreamPage",
       {{"type", "object"},
        {"required", {"stream", "version", "events"}},
        {"properties",
         {{"stream", StringSchema()},
          {"version", {{"type", "integer"}, {"minimum", 0}}},
          {"events", {{"type", "array"}, {"items", Ref("CloudEvent")}}},
          {"next", {{"type", {"integer", "null"}},
                    {"description", "the `from` of the next page; null at the end"}}}}}}},
      {"CommandResult",
       {{"type", "object"},
        {"required", {"id", "stream", "version", "position", "event_ids"}},
        {"properties",
         {{"id", StringSchema()},
          {"stream", StringSchema()},
          {"version", {{"type", "integer"}, {"minimum", 1}}},
          {"position", {{"type", "integer"}, {"minimum", 1}}},
          {"event_ids", {{"type", "array"}, {"items", StringSchema()}}}}}}},
      {"TokenRequest",
       {{"type", "object"},
        {"required", {"employee_id", "role"}},
        {"additionalProperties", false},
        {"properties",
         {{"employee_id", {{"type", "string"}, {"pattern", "^[A-Za-z0-9_.-]{1,64}$"}}},
          {"role", {{"enum", {"admin", "manager", "sales", "auditor", "analyst", "integrator"}}}}}}}},
      {"IssuedToken",
       {{"type", "object"},
        {"required", {"token", "token_id"}},
        {"properties", {{"token", StringSchema()}, {"token_id", StringSchema()}}}}},
      {"TokenInfo",
       {{"type", "object"},
        {"required", {"token_id", "employee_id", "role", "granted_by", "granted_at", "revoked"}},
        {"properties",
         {{"token_id", StringSchema()},
          {"employee_id", StringSchema()},
          {"role", StringSchema()},
          {"granted_by", StringSchema()},
          {"granted_at", {{"type", "string"}, {"format", "date-time"}}},
          {"revoked", {{"type", "boolean"}}},
          {"revoked_by", StringSchema()}}}}},
  };
  return {{"schemas", schemas},
          {"securitySchemes",
           {{"bearer", {{"type", "http"}, {"scheme", "bearer"},
                        {"description", "a token from `dealstream token create` or "
                                        "POST /v1/admin/tokens"}}}}}};
}

}  // namespace dealstream::api::doc
