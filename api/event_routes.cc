// The event feed: GET /v1/events (pages by global position) and
// GET /v1/events/live (Server-Sent Events), both filtered by the caller's
// data scope and optional category/type filters.
#include <algorithm>

#include "api/json_util.h"
#include "api/openapi_doc.h"
#include "api/query_params.h"
#include "api/route_groups.h"

namespace dealstream::api {
namespace {

// Most events one page request scans while skipping filtered-out events;
// `next` then tells the client where to go on.
constexpr uint64_t kMaxScan = 20000;
constexpr size_t kMaxTypeLength = 128;

bool IsCategory(std::string_view s) { return eventstore::StreamName::IsValidCategory(s); }

bool IsEventType(std::string_view s) {
  if (s.empty() || s.size() > kMaxTypeLength) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '-';
  });
}

eventstore::ReadFilter Filter(QueryParams& query) {
  eventstore::ReadFilter filter;
  filter.categories = query.List("category", IsCategory, "a stream category");
  filter.types = query.List("type", IsEventType, "an event type");
  return filter;
}

Response ReadPage(const eventstore::EventLog& log, const codec::CloudEventsOptions& cloudevents,
                  const RouteContext& ctx) {
  QueryParams query(ctx, {"from", "limit", "category", "type"});
  const uint64_t from = std::max<uint64_t>(query.Uint("from", 1, 0, INT64_MAX), 1);
  const uint64_t limit = std::min(query.Uint("limit", kDefaultPageSize, 1, INT64_MAX), kMaxPageSize);
  eventstore::ReadFilter filter = Filter(query);
  if (!query.ok()) return query.Problem();

  std::string events;
  uint64_t count = 0;
  eventstore::GlobalPosition next{from};
  const uint64_t head = log.Head().position.value;
  while (count < limit && next.value <= head && next.value - from < kMaxScan) {
    auto read = log.ReadAll(next, limit - count, filter);
    if (!read.ok()) {
      Response r = ctx.Problem(503, "storage_unavailable", read.error().message());
      r.headers.Set("Retry-After", "1");
      return r;
    }
    for (const eventstore::RecordedEvent& event : read->events) {
      if (!ctx.scope->AllowsEvent(event)) continue;
      if (count++ > 0) events.push_back(',');
      events += codec::ToCloudEventJson(event, cloudevents);
    }
    if (read->next.value <= next.value) break;
    next = read->next;
  }
  return JsonResponse(200, "{\"events\":[" + events + "],\"next\":" + std::to_string(next.value) + "}");
}

void OpenLive(const eventstore::EventLog& log, LiveFeeds& feeds, const RouteContext& ctx,
              Respond respond) {
  QueryParams query(ctx, {"from", "category", "type"});
  // Default: only what happens from now on.
  uint64_t from = query.Uint("from", log.Head().position.value + 1, 0, INT64_MAX);
  eventstore::ReadFilter filter = Filter(query);
  if (!query.ok()) return respond(query.Problem());
  if (ctx.request.headers.Count("Last-Event-ID") > 1) {
    return respond(ctx.Problem(400, "bad_last_event_id", "give Last-Event-ID once", "Last-Event-ID"));
  }
  if (auto last = ctx.request.headers.Get("Last-Event-ID")) {
    std::optional<uint64_t> position = ParseUint(*last);
    if (!position || *position >= static_cast<uint64_t>(INT64_MAX)) {
      return respond(ctx.Problem(400, "bad_last_event_id",
                                 "Last-Event-ID must be the position of the last event received",
                                 "Last-Event-ID"));
    }
    from = *position + 1;  // resume right after it; wins over ?from=
  }
  std::shared_ptr<ResponseStream> stream =
      feeds.Open(eventstore::GlobalPosition{std::max<uint64_t>(from, 1)}, std::move(filter), *ctx.scope);
  if (!stream) {
    Response r = ctx.Problem(503, "too_many_feeds",
                             "the server has as many live feeds open as it allows; retry later");
    r.headers.Set("Retry-After", "5");
    return respond(std::move(r));
  }
  Response r;
  r.headers.Set("Content-Type", "text/event-stream");
  r.headers.Set("Cache-Control", "no-cache");
  r.headers.Set("X-Accel-Buffering", "no");
  r.stream = std::move(stream);
  respond(std::move(r));
}

nlohmann::json FilterParams() {
  using namespace doc;
  return {QueryParam("category", "comma-separated stream categories, e.g. opportunity,contract",
                     {{"type", "string"}, {"pattern", "^[a-z][a-z0-9_]{0,31}(,[a-z][a-z0-9_]{0,31})*$"}}),
          QueryParam("type", "comma-separated event types",
                     {{"type", "string"},
                      {"pattern", "^[A-Za-z0-9._-]{1,128}(,[A-Za-z0-9._-]{1,128})*$"}})};
}

nlohmann::json PageDoc() {
  using namespace doc;
  json params = {QueryParam("from", "first global position to read (default 1)",
                            {{"type", "integer"}, {"minimum", 0}, {"maximum", INT64_MAX}}),
                 QueryParam("limit", "most events to return (default 100; above 1000 means 1000)",
                            {{"type", "integer"}, {"minimum", 1}, {"maximum", INT64_MAX}})};
  for (const json& p : FilterParams()) params.push_back(p);
  json responses = {{"200", JsonBody("a page of events in position order", Ref("EventPage"))}};
  AddProblems(responses, {400, 503});
  return {{"summary", "Read the event log by global position"},
          {"operationId", "readEvents"},
          {"tags", {"events"}},
          {"parameters", params},
          {"responses", responses}};
}

nlohmann::json LiveDoc() {
  using namespace doc;
  json params = {QueryParam("from", "first position to send (default: the next new event)",
                            {{"type", "integer"}, {"minimum", 0}, {"maximum", INT64_MAX}}),
                 HeaderParam("Last-Event-ID", "resume after this position (wins over from)",
                             {{"type", "string"}, {"pattern", "^[0-9]{1,18}$"}})};
  for (const json& p : FilterParams()) params.push_back(p);
  json responses = {
      {"200",
       {{"description",
         "Server-Sent Events: `id: <position>`, `event: <type>`, `data: <CloudEvent JSON>`; "
         "comment lines as heartbeats"},
        {"content", {{"text/event-stream", {{"schema", {{"type", "string"}}}}}}}}}};
  AddProblems(responses, {400, 503});
  return {{"summary", "Follow the event log live (SSE)"},
          {"operationId", "followEvents"},
          {"tags", {"events"}},
          {"parameters", params},
          {"responses", responses}};
}

}  // namespace

RouteGroup EventRoutes(const eventstore::EventLog& log, LiveFeeds& feeds) {
  RouteGroup group;
  const codec::CloudEventsOptions cloudevents = feeds.options().cloudevents;
  group.push_back(Route{.method = "GET",
                        .pattern = "/v1/events",
                        .permission = Permission::kEventFeed,
                        .handler = Sync([&log, cloudevents](const RouteContext& ctx) {
                          return ReadPage(log, cloudevents, ctx);
                        }),
                        .openapi = PageDoc()});
  group.push_back(Route{.method = "GET",
                        .pattern = "/v1/events/live",
                        .permission = Permission::kEventFeed,
                        .handler = [&log, &feeds](const RouteContext& ctx, Respond respond) {
                          OpenLive(log, feeds, ctx, std::move(respond));
                        },
                        .openapi = LiveDoc()});
  return group;
}

}  // namespace dealstream::api
