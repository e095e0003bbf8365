#include "api/projection_routes.h"

#include "api/openapi_doc.h"
#include "api/query_params.h"
#include "projections/views_json.h"

namespace dealstream::api {
namespace {

using projections::AsOf;
using projections::Filters;

constexpr std::string_view kFilterNames[] = {"department", "owner",  "region",
                                             "product",    "period", "currency"};

// Reads as_of, known_at and the filters; records problems in `query`.
void ReadCommon(QueryParams& query, AsOf* at, Filters* filters) {
  for (const char* name : {"as_of", "known_at"}) {
    std::optional<std::string> text = query.String(name);
    if (!text) continue;
    auto time = ParseTimestamp(*text);
    if (!time.ok()) {
      query.Fail(name, std::string(name) + ": " + time.error().message());
      continue;
    }
    (std::string_view(name) == "as_of" ? at->as_of : at->known_at) = *time;
  }
  filters->department = query.String("department");
  filters->owner = query.String("owner");
  filters->region = query.String("region");
  filters->product = query.String("product");
  filters->period = query.String("period");
  filters->currency = query.String("currency");
}

// Narrows `filters` to the caller's data scope; a problem response when
// the caller asked for more than the scope covers.
std::optional<Response> Narrow(const RouteContext& ctx, Filters* filters) {
  const DataScope& scope = *ctx.scope;
  if (scope.kind() == DataScope::Kind::kAll) return std::nullopt;
  const std::string& self = ctx.principal->employee_id;
  if (filters->owner && !scope.CoversEmployee(*filters->owner)) {
    return ctx.Problem(403, "out_of_scope",
                       "owner '" + *filters->owner + "' is outside your data scope", "owner");
  }
  if (scope.kind() == DataScope::Kind::kOwn) {
    filters->owner = self;
    return std::nullopt;
  }
  if (filters->department && !scope.CoversDepartment(*filters->department)) {
    return ctx.Problem(403, "out_of_scope",
                       "department '" + *filters->department + "' is outside your data scope",
                       "department");
  }
  if (!filters->department) filters->department = scope.department_id();
  return std::nullopt;
}

// The parameter a read-model error names ("period: …"), if any.
std::string FieldOf(const std::string& message) {
  for (std::string_view name : kFilterNames) {
    if (message.rfind(std::string(name), 0) == 0) return std::string(name);
  }
  return "";
}

template <typename View>
Response Render(const RouteContext& ctx, const Result<View>& view) {
  if (view.ok()) return JsonResponse(200, projections::ToJson(*view));
  const Status& s = view.error();
  if (s.code() == StatusCode::kInvalidArgument) {
    return ctx.Problem(400, "bad_query_parameter", s.message(), FieldOf(s.message()));
  }
  Response r = ctx.Problem(503, "read_model_unavailable", s.message());
  r.headers.Set("Retry-After", "1");
  return r;
}

// A handler for one read model: `query(at, filters, query_params)`.
template <typename Query>
Handler ModelHandler(std::initializer_list<std::string_view> extra, Query query) {
  std::vector<std::string> allowed = {"as_of", "known_at"};
  for (std::string_view f : kFilterNames) allowed.emplace_back(f);
  for (std::string_view e : extra) allowed.emplace_back(e);
  return Sync([allowed, query](const RouteContext& ctx) -> Response {
    QueryParams params(ctx, allowed);
    AsOf at;
    Filters filters;
    ReadCommon(params, &at, &filters);
    auto result = query(ctx, params, at, filters);
    return result;
  });
}

nlohmann::json Doc(const std::string& name, const std::string& summary, const std::string& shape,
                   bool granularity = false) {
  using namespace doc;
  json params = {
      QueryParam("as_of", "business time: RFC 3339, or a date meaning the end of that day UTC",
                 {{"type", "string"}}),
      QueryParam("known_at", "recorded time: what the system knew then (RFC 3339 or a date)",
                 {{"type", "string"}}),
      QueryParam("department", "a department id: it and its whole subtree", {{"type", "string"}}),
      QueryParam("owner", "an employee id", {{"type", "string"}}),
      QueryParam("region", "a customer region", {{"type", "string"}}),
      QueryParam("product", "a product id", {{"type", "string"}}),
      QueryParam("period", "2017, 2017-Q1 or 2017-03",
                 {{"type", "string"}, {"pattern", "^[0-9]{4}(-Q[1-4]|-[0-9]{2})?$"}}),
      QueryParam("currency", "report in this ISO 4217 currency",
                 {{"type", "string"}, {"pattern", "^[A-Z]{3}$"}})};
  if (granularity) {
    params.push_back(QueryParam("granularity", "forecast buckets (default quarter)",
                                {{"type", "string"}, {"enum", {"month", "quarter", "year"}}}));
  }
  json responses = {{"200", JsonBody(shape, {{"type", "object"}})}};
  AddProblems(responses, {400, 403, 503});
  return {{"summary", summary},
          {"operationId", "projection_" + name},
          {"tags", {"projections"}},
          {"parameters", params},
          {"responses", responses}};
}

}  // namespace

RouteGroup ProjectionRoutes(const projections::ReadModels& models) {
  RouteGroup group;
  auto add = [&](const std::string& name, Handler handler, nlohmann::json doc) {
    group.push_back(Route{.method = "GET",
                          .pattern = "/v1/projections/" + name,
                          .permission = Permission::kProjections,
                          .handler = std::move(handler),
                          .openapi = std::move(doc)});
  };
  // Each handler: parameters → scope → query → JSON.
  auto simple = [&models](auto method) {
    return ModelHandler({}, [&models, method](const RouteContext& ctx, QueryParams& params,
                                              const AsOf& at, Filters filters) -> Response {
      if (!params.ok()) return params.Problem();
      if (auto refused = Narrow(ctx, &filters)) return *refused;
      return Render(ctx, (models.*method)(at, filters));
    });
  };
  add("funnel", simple(&projections::ReadModels::Funnel),
      Doc("funnel", "Sales funnel: per stage count, amount and weighted amount",
          "{position, currency, stages: [{stage, probability, forecast_category, closed, count, "
          "amount, weighted_amount}], open, won, lost, abandoned, other_currencies}"));
  add("pipeline", simple(&projections::ReadModels::PipelineAnalysis),
      Doc("pipeline", "Stage conversion, days in stage, win rate and cycle length",
          "{position, won, lost, win_rate, won_cycle_days, lost_cycle_days, conversions, "
          "days_in_stage}"));
  add("employees", simple(&projections::ReadModels::Employees),
      Doc("employees", "Employee and department performance, ranked",
          "{position, currency, employees: [{employee_id, name, department_id, won_count, "
          "lost_count, win_rate, won_amount, …}], departments, other_currencies}"));
  add("lifecycle", simple(&projections::ReadModels::Lifecycle),
      Doc("lifecycle", "Customer lifecycle pipeline",
          "{position, customers, states: [{state, customers, reached, conversion}], "
          "transitions: [{from, to, count}]}"));
  add("competition", simple(&projections::ReadModels::Competition),
      Doc("competition",
          "Competition: per competitor and per loss reason, our prices beside theirs per product",
          "{position, currency, deals, competitors: [{competitor_id, name, deals, open_count, "
          "open_amount, won_count, won_amount, lost_count, lost_amount, win_rate, loss_reasons, "
          "average_quoted_price}], loss_reasons: [{reason, count, amount, to_competitor}], "
          "products: [{product_id, name, list_price, quoted, competitors}], other_currencies}"));
  add("expenses", simple(&projections::ReadModels::Expenses),
      Doc("expenses", "Expenses: budget vs actual per budget, department and month",
          "{position, currency, totals, budgets: [{budget_id, scope, scope_id, period, budget, "
          "actual, pending, remaining, utilisation, over_budget}], departments, periods, "
          "other_currencies}"));
  // Receivables and service count days past due to the as_of day, else
  // the known_at day, else today.
  auto dated = [&models](auto method) {
    return ModelHandler({}, [&models, method](const RouteContext& ctx, QueryParams& params,
                                              const AsOf& at, Filters filters) -> Response {
      if (!params.ok()) return params.Problem();
      if (auto refused = Narrow(ctx, &filters)) return *refused;
      return Render(ctx, (models.*method)(at, filters, domain::Date::Of(Now())));
    });
  };
  add("receivables", dated(&projections::ReadModels::Receivables),
      Doc("receivables", "Contract execution and receivables with aging buckets",
          "{position, currency, aging_date, totals: {contracts, total, invoiced, received, "
          "outstanding, overdue, unscheduled, written_off, aging: {current, days_1_30, "
          "days_31_60, days_61_90, over_90}, deliveries: {batches, shipped, accepted, overdue}}, customers, contracts: [{contract_id, …, "
          "instalments}], other_currencies}"));
  add("service", dated(&projections::ReadModels::Service),
      Doc("service", "Service requests by status, priority, queue and assignee; care plans due",
          "{position, open, resolved, closed, overdue, open_by_priority, open_by_queue, "
          "open_by_type, resolutions, average_days_to_resolve, rated, average_satisfaction, "
          "assignees, care_overdue, care_due}"));
  add("customer-value", dated(&projections::ReadModels::CustomerValue),
      Doc("customer_value",
          "Customer value: revenue per customer and its trend, ABC segments, value / changing / "
          "problem flags",
          "{position, currency, period: {start, end}, previous_period, reference_date, "
          "total_revenue, previous_total_revenue, segments: [{segment, customers, revenue}], "
          "customers: [{customer_id, name, owner_id, rank, revenue, won_count, previous_revenue, "
          "change, change_ratio, trend, share, cumulative_share, segment, lost_count, "
          "complaints, overdue_instalments, value_customer, changing_value, problem_customer, "
          "problems}], other_currencies}"));
  add("products", simple(&projections::ReadModels::ProductPerformance),
      Doc("products",
          "Product performance per product and product line: won revenue, win rate, discount "
          "depth, competitor pressure",
          "{position, currency, products: [{product_id, name, product_line, deals, open_count, "
          "won_count, lost_count, win_rate, won_revenue, quoted_lines, quoted_net, quoted_list, "
          "discount_depth, competed_deals, competitor_pressure}], product_lines: [{product_line, "
          "products, …the same figures}], unattributed: {won_count, won_revenue}, "
          "other_currencies}"));
  add("forecast",
      ModelHandler({"granularity"},
                   [&models](const RouteContext& ctx, QueryParams& params, const AsOf& at,
                             Filters filters) -> Response {
                     const std::string text = params.String("granularity").value_or("quarter");
                     std::optional<projections::Granularity> granularity =
                         projections::ParseGranularity(text);
                     if (!granularity) {
                       params.Fail("granularity",
                                   "granularity must be month, quarter or year, not '" + text + "'");
                     }
                     if (!params.ok()) return params.Problem();
                     if (auto refused = Narrow(ctx, &filters)) return *refused;
                     return Render(ctx, models.Forecast(at, filters, *granularity));
                   }),
      Doc("forecast", "Forecast per period and forecast category",
          "{position, currency, granularity, rows: [{period, category, count, amount, "
          "weighted_amount}], won_lost, other_currencies}",
          true));
  for (Route& r : Customer360Routes(models)) group.push_back(std::move(r));
  return group;
}

}  // namespace dealstream::api
