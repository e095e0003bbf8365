// Token administration for admins: grant (the token is shown once), list,
// revoke. Every change is an event in "system-tokens".
#include "api/json_util.h"
#include "api/openapi_doc.h"
#include "api/query_params.h"
#include "api/route_groups.h"

namespace dealstream::api {
namespace {

Response FromStatus(const RouteContext& ctx, const Status& status, const std::string& field) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
      return ctx.Problem(400, "invalid_field", status.message(), field);
    case StatusCode::kNotFound:
      return ctx.Problem(404, "not_found", status.message(), field);
    case StatusCode::kUnavailable: {
      Response r = ctx.Problem(503, "storage_unavailable", status.message());
      r.headers.Set("Retry-After", "1");
      return r;
    }
    default:
      return ctx.Problem(500, "internal_error", status.message());
  }
}

void Grant(TokenIssuer& issuer, const RouteContext& ctx, Respond respond) {
  QueryParams query(ctx, {});
  if (!query.ok()) return respond(query.Problem());
  auto content_type = ctx.request.headers.Get("Content-Type");
  if (!content_type || !MediaTypeIs(*content_type, "application/json")) {
    return respond(ctx.Problem(415, "unsupported_media_type",
                               "send Content-Type: application/json", "Content-Type"));
  }
  const nlohmann::json body = ParseJson(ctx.request.body);
  if (body.is_discarded()) return respond(ctx.Problem(400, "malformed_json", "the body is not valid JSON"));
  if (!body.is_object()) return respond(ctx.Problem(400, "malformed_json", "the body must be a JSON object"));
  for (const auto& [key, value] : body.items()) {
    if (key != "employee_id" && key != "role") {
      return respond(ctx.Problem(400, "unknown_field", "unknown field '" + key + "'", key));
    }
  }
  auto employee = body.find("employee_id");
  if (employee == body.end() || !employee->is_string()) {
    return respond(ctx.Problem(400, "invalid_field", "employee_id: required, a string", "employee_id"));
  }
  auto role_field = body.find("role");
  std::optional<Role> role = role_field != body.end() && role_field->is_string()
                                 ? ParseRole(role_field->get<std::string>())
                                 : std::nullopt;
  if (!role) {
    return respond(ctx.Problem(
        400, "invalid_field",
        "role: required, one of admin, manager, sales, auditor, analyst, integrator", "role"));
  }
  GrantRequest request{.employee_id = employee->get<std::string>(),
                       .role = *role,
                       .granted_by = ctx.principal->employee_id,
                       .correlation_id = ctx.correlation_id};
  issuer.GrantAsync(request, [&ctx, respond = std::move(respond)](Result<IssuedToken> issued) {
    if (!issued.ok()) return respond(FromStatus(ctx, issued.error(), "employee_id"));
    Response r = JsonResponse(
        201, DumpJson({{"token", issued->token}, {"token_id", issued->token_id}}));
    r.headers.Set("Cache-Control", "no-store");
    respond(std::move(r));
  });
}

Response List(const TokenTable& tokens, const RouteContext& ctx) {
  QueryParams query(ctx, {});
  if (!query.ok()) return query.Problem();
  nlohmann::json list = nlohmann::json::array();
  for (const TokenInfo& info : tokens.List()) {
    nlohmann::json item = {{"token_id", info.token_id},
                           {"employee_id", info.employee_id},
                           {"role", std::string(RoleName(info.role))},
                           {"granted_by", info.granted_by},
                           {"granted_at", FormatTimestamp(info.granted_at)},
                           {"revoked", info.revoked}};
    if (info.revoked) item["revoked_by"] = info.revoked_by;
    list.push_back(std::move(item));
  }
  return JsonResponse(200, DumpJson({{"tokens", list}}));
}

void Revoke(TokenIssuer& issuer, const RouteContext& ctx, Respond respond) {
  QueryParams query(ctx, {});
  if (!query.ok()) return respond(query.Problem());
  const std::string& id = ctx.Param("token_id");
  if (!IsTokenId(id)) {
    return respond(ctx.Problem(400, "bad_token_id", "token_id must be 64 lower-case hex digits",
                               "token_id"));
  }
  issuer.RevokeAsync(id, ctx.principal->employee_id, [&ctx, respond = std::move(respond)](Status s) {
    if (!s.ok()) return respond(FromStatus(ctx, s, "token_id"));
    Response r;
    r.status = 204;
    respond(std::move(r));
  });
}

nlohmann::json GrantDoc() {
  using namespace doc;
  json responses = {{"201", JsonBody("the new token; shown only this once", Ref("IssuedToken"))}};
  AddProblems(responses, {400, 404, 413, 415, 503});
  return {{"summary", "Create a bearer token"},
          {"operationId", "createToken"},
          {"tags", {"admin"}},
          {"requestBody",
           {{"required", true},
            {"content", {{"application/json", {{"schema", Ref("TokenRequest")}}}}}}},
          {"responses", responses}};
}

nlohmann::json ListDoc() {
  using namespace doc;
  json responses = {{"200", JsonBody("every token grant, oldest first",
                                     {{"type", "object"},
                                      {"required", {"tokens"}},
                                      {"properties",
                                       {{"tokens", {{"type", "array"}, {"items", Ref("TokenInfo")}}}}}})}};
  return {{"summary", "List token grants"},
          {"operationId", "listTokens"},
          {"tags", {"admin"}},
          {"responses", responses}};
}

nlohmann::json RevokeDoc() {
  using namespace doc;
  json responses = {{"204", {{"description", "revoked"}}}};
  AddProblems(responses, {400, 404, 503});
  return {{"summary", "Revoke a token"},
          {"operationId", "revokeToken"},
          {"tags", {"admin"}},
          {"parameters", {PathParam("token_id", "SHA-256 hex of the token",
                                    {{"type", "string"}, {"pattern", "^[0-9a-f]{64}$"}})}},
          {"responses", responses}};
}

}  // namespace

RouteGroup AdminRoutes(TokenTable& tokens, TokenIssuer& issuer) {
  RouteGroup group;
  group.push_back(Route{.method = "POST",
                        .pattern = "/v1/admin/tokens",
                        .permission = Permission::kAdmin,
                        .handler = [&issuer](const RouteContext& ctx, Respond respond) {
                          Grant(issuer, ctx, std::move(respond));
                        },
                        .openapi = GrantDoc()});
  group.push_back(Route{.method = "GET",
                        .pattern = "/v1/admin/tokens",
                        .permission = Permission::kAdmin,
                        .handler = Sync([&tokens](const RouteContext& ctx) { return List(tokens, ctx); }),
                        .openapi = ListDoc()});
  group.push_back(Route{.method = "DELETE",
                        .pattern = "/v1/admin/tokens/{token_id}",
                        .permission = Permission::kAdmin,
                        .handler = [&issuer](const RouteContext& ctx, Respond respond) {
                          Revoke(issuer, ctx, std::move(respond));
                        },
                        .openapi = RevokeDoc()});
  return group;
}

}  // namespace dealstream::api
