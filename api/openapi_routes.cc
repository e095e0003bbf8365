// GET /openapi.json: an OpenAPI 3.1 document generated from the routes
// actually served, so that it cannot drift from them. Each route brings its
// own operation object; this adds security, the auth problems every
// protected route can answer, and the command bodies' JSON Schemas.
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include <spdlog/spdlog.h>

#include "api/json_util.h"
#include "api/openapi_doc.h"
#include "api/query_params.h"
#include "api/route_groups.h"

namespace dealstream::api {
namespace {

using nlohmann::json;

constexpr char kCommandPattern[] = "/v1/commands/{type}";

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Re-roots a schema's local references ("#/$defs/Money") under the place
// where it is embedded ("#/components/schemas/OpenOpportunity/$defs/Money").
void Reroot(json& schema, const std::string& base) {
  if (schema.is_object()) {
    for (auto& [key, value] : schema.items()) {
      if (key == "$ref" && value.is_string()) {
        const std::string ref = value.get<std::string>();
        if (ref.rfind("#/", 0) == 0) value = base + ref.substr(1);
        else if (ref == "#") value = base;
      } else {
        Reroot(value, base);
      }
    }
  } else if (schema.is_array()) {
    for (json& item : schema) Reroot(item, base);
  }
}

// The command's JSON Schema from `dir`, made embeddable; null if absent.
json LoadCommandSchema(const std::string& dir, const std::string& type) {
  const std::filesystem::path path = std::filesystem::path(dir) / (type + ".json");
  std::ifstream in(path);
  if (!in) return nullptr;
  std::stringstream text;
  text << in.rdbuf();
  json schema = ParseJson(text.str());
  if (!schema.is_object()) {
    spdlog::warn("openapi: {} is not a JSON Schema object; documenting a plain object", path.string());
    return nullptr;
  }
  schema.erase("$id");
  schema.erase("$schema");
  Reroot(schema, "#/components/schemas/" + type);
  return schema;
}

void Secure(json& op, Permission permission) {
  json& responses = op["responses"];
  if (!responses.contains("400")) doc::AddProblems(responses, {400});
  if (permission == Permission::kPublic) {
    op["security"] = json::array();
    return;
  }
  op["security"] = json::array({{{"bearer", json::array()}}});
  doc::AddProblems(responses, {401});
  if (permission != Permission::kDescribe) doc::AddProblems(responses, {403});
  op["x-permission"] = std::string(PermissionName(permission));
}

json BuildDocument(const Api& api, const OpenApiOptions& options) {
  json paths = json::object();
  json components = doc::Components();
  for (const Route* route : api.router().routes()) {
    json op = route->openapi;
    Secure(op, route->permission);
    if (route->pattern == kCommandPattern && !options.command_types.empty()) {
      for (const std::string& type : options.command_types) {
        json typed = op;
        typed["summary"] = type;
        typed["operationId"] = "command" + type;
        json params = json::array();
        for (const json& p : typed["parameters"]) {
          if (p.value("in", "") != "path") params.push_back(p);
        }
        typed["parameters"] = params;
        json schema = LoadCommandSchema(options.command_schema_dir, type);
        if (!schema.is_null()) {
          components["schemas"][type] = std::move(schema);
          typed["requestBody"]["content"]["application/json"]["schema"] = doc::Ref(type);
        }
        paths["/v1/commands/" + type]["post"] = std::move(typed);
      }
      continue;
    }
    paths[route->pattern][Lower(route->method)] = std::move(op);
  }
  return {{"openapi", "3.1.0"},
          {"info",
           {{"title", options.title},
            {"version", options.version},
            {"description",
             "Event-sourced CRM for complex B2B sales. Errors are application/problem+json "
             "(RFC 9457); every endpoint except /healthz needs a bearer token."}}},
          {"paths", paths},
          {"components", components}};
}

}  // namespace

RouteGroup OpenApiRoutes(const Api& api, OpenApiOptions options) {
  struct Cache {
    std::once_flag once;
    std::string text;
  };
  auto cache = std::make_shared<Cache>();
  json responses = {{"200", doc::JsonBody("the OpenAPI 3.1 description of this server",
                                          {{"type", "object"}})}};
  RouteGroup group;
  group.push_back(Route{
      .method = "GET",
      .pattern = "/openapi.json",
      .permission = Permission::kDescribe,
      .handler = Sync([&api, options = std::move(options), cache](const RouteContext& ctx) {
        QueryParams query(ctx, {});
        if (!query.ok()) return query.Problem();
        // Built on first use: every route group has been added by then.
        std::call_once(cache->once, [&] { cache->text = DumpJson(BuildDocument(api, options)); });
        return JsonResponse(200, cache->text);
      }),
      .openapi = {{"summary", "This API's OpenAPI document"},
                  {"operationId", "openapi"},
                  {"tags", {"operations"}},
                  {"responses", responses}}});
  return group;
}

}  // namespace dealstream::api
