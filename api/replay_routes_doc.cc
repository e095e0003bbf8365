// The OpenAPI operation objects of the replay and audit routes
// (replay_routes.cc). Their schemas are inline: only these routes use them.
#include "api/openapi_doc.h"

namespace dealstream::api {
namespace {

using doc::json;

json Integer(int64_t minimum = 0) { return {{"type", "integer"}, {"minimum", minimum}}; }
json Text() { return {{"type", "string"}}; }
json NullableTime() {
  return {{"type", {"string", "null"}}, {"format", "date-time"}};
}

json ForgetResultSchema() {
  return {{"type", "object"},
          {"required", {"contact_id", "already_forgotten", "forgotten_at", "events", "sealed_events"}},
          {"properties",
           {{"contact_id", Text()},
            {"already_forgotten", {{"type", "boolean"}}},
            {"forgotten_at", {{"type", "string"}, {"format", "date-time"}}},
            {"events", Integer()},
            {"sealed_events", Integer()}}}};
}

json VerifyOutcomeSchema() {
  json head = {{"type", "object"},
               {"required", {"position", "hash", "text"}},
               {"properties",
                {{"position", Integer()},
                 {"hash", {{"type", "string"}, {"pattern", "^[0-9a-f]{64}$"}}},
                 {"text", {{"type", "string"}, {"description", "POSITION:HASH, for expect_head"}}}}}};
  json check = {{"type", "object"},
                {"required", {"name", "position", "ok", "detail"}},
                {"properties",
                 {{"name", Text()}, {"position", Integer()}, {"ok", {{"type", "boolean"}}}, {"detail", Text()}}}};
  return {{"type", "object"},
          {"required", {"ok", "events_checked", "head", "projections"}},
          {"properties",
           {{"ok", {{"type", "boolean"}}},
            {"events_checked", Integer()},
            {"head", head},
            {"projections", {{"type", "array"}, {"items", check}}},
            {"first_bad_position",
             {{"type", "integer"}, {"minimum", 0}, {"description", "the first damaged position"}}},
            {"problem", Text()}}}};
}

json RebuildProgressSchema() {
  return {{"type", "object"},
          {"required", {"state", "run", "done", "total", "events_per_second", "generation",
                        "eta_seconds", "started_at", "finished_at"}},
          {"properties",
           {{"state", {{"enum", {"idle", "running", "done", "failed"}}}},
            {"run", Integer()},
            {"done", Integer()},
            {"total", Integer()},
            {"events_per_second", {{"type", "number"}, {"minimum", 0}}},
            {"eta_seconds", {{"type", {"number", "null"}}}},
            {"started_at", NullableTime()},
            {"finished_at", NullableTime()},
            {"generation", Integer()},
            {"error", Text()}}}};
}

}  // namespace

json ForgetDoc() {
  using namespace doc;
  json request = {{"type", "object"},
                  {"required", {"subject"}},
                  {"additionalProperties", false},
                  {"properties",
                   {{"subject", {{"type", "string"},
                                 {"pattern", "^[A-Za-z0-9_.-]{1,64}$"},
                                 {"description", "the contact whose personal data is forgotten"}}}}}};
  json responses = {{"200", JsonBody("the key is deleted (or was already); personal fields of the "
                                     "contact now read as [redacted] everywhere",
                                     ForgetResultSchema())}};
  AddProblems(responses, {404, 413, 415, 503});
  return {{"summary", "Forget a contact's personal data (crypto-shredding)"},
          {"operationId", "forgetContact"},
          {"tags", {"admin"}},
          {"requestBody", {{"required", true}, {"content", {{"application/json", {{"schema", request}}}}}}},
          {"responses", responses}};
}

json VerifyDoc() {
  using namespace doc;
  json responses = {{"200", JsonBody("the verification ran: ok, or the first problem and its position",
                                     VerifyOutcomeSchema())}};
  AddProblems(responses, {503});
  return {{"summary", "Verify the log's hash chain and the read models against a fresh rebuild"},
          {"operationId", "verify"},
          {"tags", {"audit"}},
          {"parameters",
           {QueryParam("expect_head", "a head exported earlier (POSITION:HASH): the log must still hold it",
                       {{"type", "string"}, {"pattern", "^[0-9]{1,19}:[0-9a-f]{64}$"}}),
            QueryParam("projections", "compare the read models too (default true)",
                       {{"type", "string"}, {"enum", {"true", "false"}}})}},
          {"responses", responses}};
}

json StartRebuildDoc() {
  using namespace doc;
  json responses = {{"202", JsonBody("the rebuild started; follow it at GET /v1/admin/rebuild",
                                     RebuildProgressSchema())}};
  responses["202"]["headers"] = {{"Location", {{"schema", {{"type", "string"}}}}}};
  AddProblems(responses, {409});
  return {{"summary", "Rebuild the projections beside the live ones, then switch"},
          {"operationId", "startRebuild"},
          {"tags", {"admin"}},
          {"responses", responses}};
}

json RebuildProgressDoc() {
  using namespace doc;
  json responses = {{"200", JsonBody("the latest rebuild: state, progress, rate and ETA",
                                     RebuildProgressSchema())}};
  return {{"summary", "Progress of the projection rebuild"},
          {"operationId", "rebuildProgress"},
          {"tags", {"admin"}},
          {"responses", responses}};
}

json ExportDoc() {
  using namespace doc;
  json page_headers = {
      {"X-Head-Position", {{"description", "the log's head when the page was read"},
                           {"schema", {{"type", "string"}}}}},
      {"X-Next-Position", {{"description", "the `from` of the next page; absent at the head"},
                           {"schema", {{"type", "string"}}}}}};
  json responses = {
      {"200",
       {{"description", "one page of the log: CloudEvents JSON Lines, or CSV with a header line"},
        {"headers", page_headers},
        {"content",
         {{"application/x-ndjson", {{"schema", {{"type", "string"}}}}},
          {"text/csv", {{"schema", {{"type", "string"}}}}}}}}}};
  AddProblems(responses, {503});
  return {{"summary", "Export the log as CloudEvents JSON Lines or CSV, page by page"},
          {"operationId", "exportLog"},
          {"tags", {"audit"}},
          {"parameters",
           {json{{"name", "format"}, {"in", "query"}, {"required", true},
                 {"schema", {{"type", "string"}, {"enum", {"jsonl", "csv"}}}}},
            QueryParam("from", "first position (default 1)",
                       {{"type", "integer"}, {"minimum", 1}, {"maximum", INT64_MAX}}),
            QueryParam("limit", "most events (default 1000)",
                       {{"type", "integer"}, {"minimum", 1}, {"maximum", 10000}}),
            QueryParam("sealed",
                       "payloads as stored, personal fields sealed: a backup that imports into an "
                       "identical log (admins only)",
                       {{"type", "string"}, {"enum", {"true", "false"}}})}},
          {"responses", responses}};
}

}  // namespace dealstream::api
