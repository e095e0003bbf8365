// GET /v1/customers/{id}/360: one customer's contacts, opportunities,
// contracts, service requests and recent activities as of any instant
// (DESIGN §3.9). Data scope as the record routes: a customer outside the
// caller's scope answers 404 like an unknown one (no existence leak).
#include "api/openapi_doc.h"
#include "api/projection_routes.h"
#include "api/query_params.h"
#include "projections/views_json.h"

namespace dealstream::api {
namespace {

Response Customer360(const projections::ReadModels& models, const RouteContext& ctx) {
  QueryParams query(ctx, {"as_of", "known_at"});
  projections::AsOf at;
  for (const char* name : {"as_of", "known_at"}) {
    if (auto text = query.String(name)) {
      auto time = ParseTimestamp(*text);
      if (!time.ok()) query.Fail(name, std::string(name) + ": " + time.error().message());
      else (std::string_view(name) == "as_of" ? at.as_of : at.known_at) = *time;
    }
  }
  if (!query.ok()) return query.Problem();
  const std::string& id = ctx.Param("id");
  if (!eventstore::StreamName::Make("customer", id).ok()) {
    return ctx.Problem(400, "bad_id", "id must be 1-64 characters from [A-Za-z0-9_.-]", "id");
  }
  const std::string missing = "no customer with id '" + id + "'";
  if (!ctx.scope->AllowsRecord("customer", id)) return ctx.Problem(404, "not_found", missing);
  auto view = models.Customer360(at, id);
  if (!view.ok()) {
    Response r = ctx.Problem(503, "read_model_unavailable", view.error().message());
    r.headers.Set("Retry-After", "1");
    return r;
  }
  if (!*view) return ctx.Problem(404, "not_found", missing + " at the requested instant");
  return JsonResponse(200, projections::ToJson(**view));
}

nlohmann::json Customer360Doc() {
  using namespace doc;
  json responses = {
      {"200", JsonBody("{position, customer_id, name, status, lifecycle, owner_id, department_id, "
                       "region, industry, contacts: [{contact_id, title, department, status, "
                       "added_date}], opportunities: [{opportunity_id, status, stage, amount, "
                       "expected_close_date, closed_date, owner_id, product_ids}], contracts: "
                       "[{contract_id, status, total, signed_date, received, owner_id}], "
                       "service_requests: [{request_id, type, status, priority, opened_date}], "
                       "activities_total, activities: [{activity_id, opportunity_id, type, "
                       "subject, state, date, assignee_id}]}",
                       {{"type", "object"},
                        {"required",
                         {"customer_id", "contacts", "opportunities", "contracts",
                          "service_requests", "activities"}}})}};
  AddProblems(responses, {400, 404, 503});
  return {{"summary",
           "Customer 360: contacts, opportunities, contracts, service requests and recent "
           "activities of one customer as of any instant"},
          {"operationId", "customer_360"},
          {"tags", {"records"}},
          {"parameters",
           {PathParam("id", "the customer's id",
                      {{"type", "string"}, {"pattern", "^[A-Za-z0-9_.-]{1,64}$"}}),
            QueryParam("as_of", "business time: RFC 3339, or a date meaning the end of that day",
                       {{"type", "string"}}),
            QueryParam("known_at", "recorded time: RFC 3339 or a date", {{"type", "string"}})}},
          {"responses", responses}};
}

}  // namespace

RouteGroup Customer360Routes(const projections::ReadModels& models) {
  RouteGroup group;
  group.push_back(Route{.method = "GET",
                        .pattern = "/v1/customers/{id}/360",
                        .permission = Permission::kRecords,
                        .handler = Sync([&models](const RouteContext& ctx) {
                          return Customer360(models, ctx);
                        }),
                        .openapi = Customer360Doc()});
  return group;
}

}  // namespace dealstream::api
