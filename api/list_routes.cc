#include "api/list_routes.h"

#include <algorithm>
#include <vector>

#include "api/list_cursor.h"
#include "api/json_util.h"
#include "api/list_rows_json.h"
#include "api/openapi_doc.h"
#include "api/query_params.h"

namespace dealstream::api {
namespace {

using projections::ListCollection;
using projections::ListRow;

// What each collection's list takes.
struct ListSpec {
  ListCollection collection;
  std::string_view status_param;  // "status", or "lifecycle" for customers
  std::vector<std::string_view> statuses;
  bool customer = false;
  bool opportunity = false;
  bool stage = false;
  bool name_prefix = false;
  std::string_view period_of;  // which date `period` filters on
};

const std::vector<ListSpec>& Specs() {
  static const std::vector<ListSpec> specs = {
      {ListCollection::kOpportunities, "status", {"open", "won", "lost", "abandoned"},
       true, false, true, true, "the expected close date"},
      {ListCollection::kCustomers, "lifecycle",
       {"target", "potential", "opportunity", "signed", "loyal", "churned"},
       false, false, false, true, "the registration date"},
      {ListCollection::kContacts, "status", {"active", "left_company"},
       true, false, false, false, "the date the contact was added"},
      {ListCollection::kContracts, "status",
       {"draft", "pending_approval", "approved", "rejected", "signed", "completed", "terminated"},
       true, true, false, true, "the signing date (unsigned contracts never match)"},
      {ListCollection::kQuotes, "status",
       {"draft", "pending_approval", "approved", "rejected", "superseded"},
       true, true, false, true, "the last day of validity"},
  };
  return specs;
}

bool IsId(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::vector<std::string_view> AllowedParams(const ListSpec& spec) {
  std::vector<std::string_view> allowed = {"limit", "cursor", "owner", "department",
                                           "period", spec.status_param, "as_of", "known_at"};
  if (spec.customer) allowed.push_back("customer");
  if (spec.opportunity) allowed.push_back("opportunity");
  if (spec.stage) allowed.push_back("stage");
  if (spec.name_prefix) allowed.push_back("name_prefix");
  return allowed;
}

// Whether the caller's scope covers the row: contacts and contracts follow
// their customer, quotes their opportunity (scope_resolver.h).
bool Visible(const DataScope& scope, ListCollection c, const ListRow& row) {
  switch (c) {
    case ListCollection::kOpportunities: return scope.AllowsRecord("opportunity", row.id);
    case ListCollection::kCustomers: return scope.AllowsRecord("customer", row.id);
    case ListCollection::kContacts:
    case ListCollection::kContracts: return scope.AllowsRecord("customer", row.customer_id);
    case ListCollection::kQuotes: return scope.AllowsRecord("opportunity", row.opportunity_id);
  }
  return false;
}

Response List(const projections::RecordLists& lists, const ScopeResolver& resolver,
              const ListSpec& spec, const RouteContext& ctx) {
  QueryParams params(ctx, AllowedParams(spec));
  for (const char* name : {"as_of", "known_at"}) {
    if (params.String(name)) {
      params.Fail(name, std::string(name) +
                            " is not supported on lists, which answer the present; the record "
                            "views (/v1/{collection}/{id}?as_of=) answer for any instant");
    }
  }
  projections::ListQuery q{.collection = spec.collection};
  q.limit = params.Uint("limit", kDefaultListLimit, 1, kMaxListLimit);
  // Canonical form of the filters, which the cursor is bound to.
  std::string list(projections::CollectionName(spec.collection));
  auto id_param = [&](std::string_view name, std::optional<std::string>* out) {
    *out = params.String(name);
    if (*out && !IsId(**out)) {
      params.Fail(name, std::string(name) + " must be an id: 1-64 characters from [A-Za-z0-9_.-]");
    }
    list += "|" + std::string(name) + "=" + out->value_or("");
  };
  id_param("owner", &q.owner);
  id_param("department", &q.department);
  id_param("customer", &q.customer);
  id_param("opportunity", &q.opportunity);
  q.state = params.String(spec.status_param);
  if (q.state && std::find(spec.statuses.begin(), spec.statuses.end(), *q.state) ==
                     spec.statuses.end()) {
    std::string names;
    for (std::string_view s : spec.statuses) names += (names.empty() ? "" : ", ") + std::string(s);
    params.Fail(spec.status_param, std::string(spec.status_param) + " must be one of " + names +
                                       ", not '" + *q.state + "'");
  }
  list += "|state=" + q.state.value_or("");
  q.stage = params.String("stage");
  if (q.stage && (q.stage->empty() || q.stage->size() > 200)) {
    params.Fail("stage", "stage must be a stage name of 1-200 characters");
  }
  list += "|stage=" + q.stage.value_or("");
  if (std::optional<std::string> period = params.String("period")) {
    q.period = domain::Period::Parse(*period);
    if (!q.period) {
      params.Fail("period", "period must be a year (2017), a quarter (2017-Q1) or a month "
                            "(2017-03), not '" + *period + "'");
    }
    list += "|period=" + *period;
  }
  q.name_prefix = params.String("name_prefix");
  if (q.name_prefix && (q.name_prefix->empty() || q.name_prefix->size() > 200)) {
    params.Fail("name_prefix", "name_prefix must be 1-200 characters");
  }
  list += "|name=" + q.name_prefix.value_or("");
  if (std::optional<std::string> cursor = params.String("cursor")) {
    std::optional<uint64_t> after = DecodeListCursor(list, *cursor);
    if (!after) {
      params.Fail("cursor", "cursor is malformed, was altered, or belongs to another list or "
                            "other filters; start again without it");
    } else {
      q.after = *after;
    }
  }
  if (!params.ok()) return params.Problem();

  const DataScope& scope = *ctx.scope;
  const projections::DepartmentTree tree{
      .within = [&resolver](std::string_view d, std::string_view a) {
        return resolver.IsWithinDepartment(d, a);
      },
      .department_of = [&resolver](std::string_view e) { return resolver.DepartmentOf(e); }};
  projections::ListPage page = lists.List(
      q, [&scope](ListCollection c, const ListRow& row) { return Visible(scope, c, row); }, tree);

  nlohmann::json items = nlohmann::json::array();
  for (const ListRow& row : page.rows) items.push_back(ListRowJson(spec.collection, row));
  nlohmann::json body = {{"items", std::move(items)}, {"limit", q.limit}};
  body["next_cursor"] =
      page.next_after ? nlohmann::json(EncodeListCursor(list, *page.next_after)) : nullptr;
  return JsonResponse(200, DumpJson(body));
}

nlohmann::json ListDoc(const ListSpec& spec) {
  using namespace doc;
  const std::string name(projections::CollectionName(spec.collection));
  std::vector<std::string> statuses(spec.statuses.begin(), spec.statuses.end());
  const json id_schema = {{"type", "string"}, {"pattern", "^[A-Za-z0-9_.-]{1,64}$"}};
  json params = {
      QueryParam("limit", "rows per page: 1-200, default 50",
                 {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxListLimit}}),
      QueryParam("cursor", "next_cursor of the previous page (same filters)",
                 {{"type", "string"}, {"pattern", "^c1[0-9a-f]{32}$"}}),
      QueryParam("owner", "owner's employee id", id_schema),
      QueryParam("department", "a department id: it and its whole subtree", id_schema),
      QueryParam("period", "2017, 2017-Q1 or 2017-03, on " + std::string(spec.period_of),
                 {{"type", "string"}, {"pattern", "^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$"}}),
      QueryParam(std::string(spec.status_param), "only rows in this state",
                 {{"type", "string"}, {"enum", statuses}})};
  if (spec.customer) params.push_back(QueryParam("customer", "customer id", id_schema));
  if (spec.opportunity) params.push_back(QueryParam("opportunity", "opportunity id", id_schema));
  if (spec.stage) {
    params.push_back(QueryParam("stage", "sales stage name",
                                {{"type", "string"}, {"minLength", 1}, {"maxLength", 200}}));
  }
  if (spec.name_prefix) {
    params.push_back(QueryParam("name_prefix", "case-insensitive prefix of the name or title",
                                {{"type", "string"}, {"minLength", 1}, {"maxLength", 200}}));
  }
  json responses = {
      {"200", JsonBody("a page: {items: [...], limit, next_cursor (null on the last page)}",
                       {{"type", "object"},
                        {"required", {"items", "limit", "next_cursor"}},
                        {"properties",
                         {{"items", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                          {"limit", {{"type", "integer"}}},
                          {"next_cursor", {{"type", {"string", "null"}}}}}}})}};
  AddProblems(responses, {400});
  return {{"summary", "List " + name + ", newest last, with filters and cursor paging"},
          {"operationId", "list_" + name},
          {"tags", {"lists"}},
          {"parameters", params},
          {"responses", responses}};
}

}  // namespace

RouteGroup ListRoutes(const projections::RecordLists& lists, const ScopeResolver& resolver) {
  RouteGroup group;
  for (const ListSpec& spec : Specs()) {
    group.push_back(Route{
        .method = "GET",
        .pattern = "/v1/" + std::string(projections::CollectionName(spec.collection)),
        .permission = Permission::kRecords,
        .handler = Sync([&lists, &resolver, &spec](const RouteContext& ctx) {
          return List(lists, resolver, spec, ctx);
        }),
        .openapi = ListDoc(spec)});
  }
  return group;
}

}  // namespace dealstream::api
