// GET /v1/opportunities/{id}/decision-tree and
// GET /v1/customers/{id}/decision-tree (DESIGN §3.8, §10).
#include "api/json_util.h"
#include "api/list_routes.h"
#include "api/list_rows_json.h"
#include "api/openapi_doc.h"
#include "api/query_params.h"

namespace dealstream::api {
namespace {

using projections::ListCollection;

struct TreeSpec {
  std::string_view collection;  // "opportunities"
  std::string_view category;    // "opportunity"
  ListCollection list;
};

constexpr TreeSpec kTrees[] = {
    {"opportunities", "opportunity", ListCollection::kOpportunities},
    {"customers", "customer", ListCollection::kCustomers},
};

Response Tree(const projections::RecordLists& lists, const TreeSpec& spec,
              const RouteContext& ctx) {
  QueryParams params(ctx, {});
  if (!params.ok()) return params.Problem();
  const std::string& id = ctx.Param("id");
  if (!eventstore::StreamName::Make(spec.category, id).ok()) {
    return ctx.Problem(400, "bad_id", "id must be 1-64 characters from [A-Za-z0-9_.-]", "id");
  }
  const std::string missing = "no " + std::string(spec.category) + " with id '" + id + "'";
  // Out of scope and unknown answer alike (no existence leak).
  if (!ctx.scope->AllowsRecord(spec.category, id) || !lists.Find(spec.list, id)) {
    return ctx.Problem(404, "not_found", missing);
  }
  projections::DecisionTreeView tree = spec.list == ListCollection::kOpportunities
                                           ? lists.OpportunityTree(id)
                                           : lists.CustomerTree(id);
  return JsonResponse(200, DumpJson(DecisionTreeJson(spec.category, id, tree)));
}

nlohmann::json TreeDoc(const TreeSpec& spec) {
  using namespace doc;
  const std::string category(spec.category);
  json responses = {{"200", JsonBody("{" + category + "_id, customer_id, contacts: [{contact_id, "
                                     "title, role, influence, stance, reports_to, active, "
                                     "stance_history}], edges: [{from, to}]}",
                                     {{"type", "object"},
                                      {"required", {"contacts", "edges"}}})}};
  AddProblems(responses, {404});
  return {{"summary", "The buying committee of a " + category +
                          ": contacts with role, influence, stance over time, reports-to"},
          {"operationId", "decision_tree_" + category},
          {"tags", {"records"}},
          {"parameters",
           {PathParam("id", "the " + category + "'s id",
                      {{"type", "string"}, {"pattern", "^[A-Za-z0-9_.-]{1,64}$"}})}},
          {"responses", responses}};
}

}  // namespace

RouteGroup DecisionTreeRoutes(const projections::RecordLists& lists) {
  RouteGroup group;
  for (const TreeSpec& spec : kTrees) {
    group.push_back(Route{.method = "GET",
                          .pattern = "/v1/" + std::string(spec.collection) + "/{id}/decision-tree",
                          .permission = Permission::kRecords,
                          .handler = Sync([&lists, &spec](const RouteContext& ctx) {
                            return Tree(lists, spec, ctx);
                          }),
                          .openapi = TreeDoc(spec)});
  }
  return group;
}

}  // namespace dealstream::api
