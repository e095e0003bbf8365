#include "api/record_routes.h"

#include <algorithm>

#include "api/openapi_doc.h"
#include "api/query_params.h"
#include "api/route_groups.h"
#include "replay/history.h"

namespace dealstream::api {
namespace {

constexpr std::string_view kCollections[] = {
    "budgets",     "campaigns",   "care-plans", "competing-products", "competitors",
    "contacts",    "contracts",   "customers",  "departments",        "employees",
    "expenses",    "knowledge-articles", "leads", "opportunities", "partners", "products",
    "sales-targets", "service-requests"};

std::string NotFound(std::string_view category, std::string_view id) {
  return "no " + std::string(category) + " with id '" + std::string(id) + "'";
}

Response FromStatus(const RouteContext& ctx, const Status& s, std::string_view category,
                    std::string_view id) {
  switch (s.code()) {
    case StatusCode::kNotFound:
      return ctx.Problem(404, "not_found", NotFound(category, id));
    case StatusCode::kInvalidArgument:
      return ctx.Problem(400, "invalid", s.message());
    case StatusCode::kCorruption:
      // Stored data failed an integrity check: the server's fault, not the request's.
      return ctx.Problem(500, "corrupt_record", s.message());
    default: {
      Response r = ctx.Problem(503, "storage_unavailable", s.message());
      r.headers.Set("Retry-After", "1");
      return r;
    }
  }
}

// The record's stream when the id is valid and the record is in scope.
std::optional<eventstore::StreamName> Resolve(const RouteContext& ctx, std::string_view category,
                                              std::optional<Response>* problem) {
  const std::string& id = ctx.Param("id");
  auto stream = eventstore::StreamName::Make(category, id);
  if (!stream.ok()) {
    *problem = ctx.Problem(400, "bad_id", "id must be 1-64 characters from [A-Za-z0-9_.-]", "id");
    return std::nullopt;
  }
  if (!ctx.scope->AllowsRecord(category, id)) {
    *problem = ctx.Problem(404, "not_found", NotFound(category, id));
    return std::nullopt;
  }
  return *stream;
}

Response State(const eventstore::EventLog& log, std::string_view category, const RouteContext& ctx) {
  QueryParams query(ctx, {"as_of", "known_at"});
  replay::StateBounds bounds;
  for (const char* name : {"as_of", "known_at"}) {
    if (auto text = query.String(name)) {
      auto time = ParseTimestamp(*text);
      if (!time.ok()) query.Fail(name, std::string(name) + ": " + time.error().message());
      else (std::string_view(name) == "as_of" ? bounds.as_of : bounds.known_at) = *time;
    }
  }
  if (!query.ok()) return query.Problem();
  std::optional<Response> problem;
  auto stream = Resolve(ctx, category, &problem);
  if (!stream) return *problem;
  auto state = replay::LoadStateAsOf(log, *stream, bounds);
  if (!state.ok()) return FromStatus(ctx, state.error(), category, ctx.Param("id"));
  if (!state->exists) {
    return ctx.Problem(404, "not_found",
                       NotFound(category, ctx.Param("id")) + " at the requested instant");
  }
  Response r = JsonResponse(200, replay::ToJson(*state));
  r.headers.Set("ETag", "\"" + std::to_string(state->version) + "\"");
  return r;
}

Response History(const eventstore::EventLog& log, std::string_view category,
                 const RouteContext& ctx) {
  QueryParams query(ctx, {"from", "limit", "include_states"});
  replay::HistoryOptions options;
  options.from_version = std::max<uint64_t>(query.Uint("from", 1, 0, INT64_MAX), 1);
  options.limit = std::min(query.Uint("limit", kDefaultPageSize, 1, INT64_MAX), kMaxPageSize);
  const std::string states = query.String("include_states").value_or("false");
  if (states != "true" && states != "false") {
    query.Fail("include_states", "include_states must be true or false, not '" + states + "'");
  }
  options.include_states = states == "true";
  if (!query.ok()) return query.Problem();
  std::optional<Response> problem;
  auto stream = Resolve(ctx, category, &problem);
  if (!stream) return *problem;
  auto history = replay::LoadHistory(log, *stream, options);
  if (!history.ok()) return FromStatus(ctx, history.error(), category, ctx.Param("id"));
  Response r = JsonResponse(200, replay::ToJson(*history));
  r.headers.Set("ETag", "\"" + std::to_string(history->version) + "\"");
  return r;
}

nlohmann::json IdParam(std::string_view category) {
  return doc::PathParam("id", "the " + std::string(category) + "'s id",
                        {{"type", "string"}, {"pattern", "^[A-Za-z0-9_.-]{1,64}$"}});
}

nlohmann::json StateDoc(std::string_view collection, std::string_view category) {
  using namespace doc;
  json responses = {{"200", JsonBody("the record's state: {stream, state_mode, as_of, known_at, "
                                     "exists, version, position, events_counted, events_later, "
                                     "state}",
                                     {{"type", "object"}})}};
  AddProblems(responses, {404, 503});
  return {{"summary", "A " + std::string(category) + " as of any instant"},
          {"operationId", "get_" + std::string(category)},
          {"tags", {"records"}},
          {"parameters",
           {IdParam(category),
            QueryParam("as_of", "business time: RFC 3339, or a date meaning the end of that day",
                       {{"type", "string"}}),
            QueryParam("known_at", "recorded time: RFC 3339 or a date", {{"type", "string"}})}},
          {"responses", responses}};
}

nlohmann::json HistoryDoc(std::string_view category) {
  using namespace doc;
  json responses = {{"200", JsonBody("every step: position, version, times, actor, command, "
                                     "correlation, payload and field changes; next_version pages",
                                     {{"type", "object"}})}};
  AddProblems(responses, {404, 503});
  return {{"summary", "The step-through history of a " + std::string(category)},
          {"operationId", "history_" + std::string(category)},
          {"tags", {"records"}},
          {"parameters",
           {IdParam(category),
            QueryParam("from", "first version listed (default 1)",
                       {{"type", "integer"}, {"minimum", 0}, {"maximum", INT64_MAX}}),
            QueryParam("limit", "most steps (default 100; above 1000 means 1000)",
                       {{"type", "integer"}, {"minimum", 1}, {"maximum", INT64_MAX}}),
            QueryParam("include_states", "add the full state after each step",
                       {{"type", "string"}, {"enum", {"true", "false"}}})}},
          {"responses", responses}};
}

}  // namespace

RouteGroup RecordRoutes(const eventstore::EventLog& log) {
  RouteGroup group;
  for (std::string_view collection : kCollections) {
    std::optional<std::string_view> category = replay::CategoryOfCollection(collection);
    if (!category) continue;  // the replay module no longer lists it
    const std::string base = "/v1/" + std::string(collection) + "/{id}";
    group.push_back(Route{.method = "GET",
                          .pattern = base,
                          .permission = Permission::kRecords,
                          .handler = Sync([&log, category = *category](const RouteContext& ctx) {
                            return State(log, category, ctx);
                          }),
                          .openapi = StateDoc(collection, *category)});
    group.push_back(Route{.method = "GET",
                          .pattern = base + "/history",
                          .permission = Permission::kHistory,
                          .handler = Sync([&log, category = *category](const RouteContext& ctx) {
                            return History(log, category, ctx);
                          }),
                          .openapi = HistoryDoc(*category)});
  }
  return group;
}

}  // namespace dealstream::api
