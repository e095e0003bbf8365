// GET /v1/streams/{stream}: the events of one stream, forward or backward
// from a version, within the caller's data scope.
#include <algorithm>

#include "api/json_util.h"
#include "api/openapi_doc.h"
#include "api/query_params.h"
#include "api/route_groups.h"

namespace dealstream::api {
namespace {

Response Unavailable(const RouteContext& ctx, const Status& status) {
  Response r = ctx.Problem(503, "storage_unavailable", status.message());
  r.headers.Set("Retry-After", "1");
  return r;
}

Response ReadOneStream(const eventstore::EventLog& log,
                       const codec::CloudEventsOptions& cloudevents, const RouteContext& ctx) {
  auto stream = eventstore::StreamName::Parse(ctx.Param("stream"));
  if (!stream.ok()) {
    return ctx.Problem(400, "bad_stream_name", stream.error().message(), "stream");
  }
  QueryParams query(ctx, {"from", "limit", "direction"});
  const std::string direction_name = query.String("direction").value_or("forward");
  if (direction_name != "forward" && direction_name != "backward") {
    query.Fail("direction", "direction must be 'forward' or 'backward', not '" + direction_name + "'");
  }
  const bool forward = direction_name == "forward";
  // Backward from 0 means "from the last event".
  const uint64_t from = query.Uint("from", forward ? 1 : 0, 0, INT64_MAX);
  const uint64_t limit = std::min(query.Uint("limit", kDefaultPageSize, 1, INT64_MAX), kMaxPageSize);
  if (!query.ok()) return query.Problem();

  const std::string not_found = "no stream '" + stream->str() + "'";
  if (!ctx.scope->AllowsStream(*stream)) return ctx.Problem(404, "stream_not_found", not_found);
  auto version = log.CurrentVersion(*stream);
  if (!version.ok()) return Unavailable(ctx, version.error());
  if (version->value == 0) return ctx.Problem(404, "stream_not_found", not_found);

  auto events = log.ReadStream(*stream, eventstore::StreamVersion{forward ? std::max<uint64_t>(from, 1) : from},
                               forward ? eventstore::Direction::kForward
                                       : eventstore::Direction::kBackward,
                               limit);
  if (!events.ok()) return Unavailable(ctx, events.error());
  std::string body = "{\"stream\":" + DumpJson(stream->str()) +
                     ",\"version\":" + std::to_string(version->value) + ",\"events\":[";
  for (size_t i = 0; i < events->size(); ++i) {
    if (i > 0) body.push_back(',');
    body += codec::ToCloudEventJson((*events)[i], cloudevents);
  }
  std::string next = "null";
  if (events->size() == limit && !events->empty()) {
    const uint64_t last = events->back().version.value;
    if (forward && last < version->value) next = std::to_string(last + 1);
    if (!forward && last > 1) next = std::to_string(last - 1);
  }
  body += "],\"next\":" + next + "}";
  Response r = JsonResponse(200, std::move(body));
  r.headers.Set("ETag", "\"" + std::to_string(version->value) + "\"");
  return r;
}

nlohmann::json StreamDoc() {
  using namespace doc;
  json responses = {{"200", JsonBody("events of the stream", Ref("StreamPage"))}};
  responses["200"]["headers"] = {
      {"ETag", {{"schema", {{"type", "string"}}}, {"description", "the stream's version, quoted"}}}};
  AddProblems(responses, {400, 404, 503});
  return {{"summary", "Read one stream"},
          {"operationId", "readStream"},
          {"tags", {"events"}},
          {"parameters",
           {PathParam("stream", "\"<category>-<id>\", e.g. opportunity-7f3a",
                      {{"type", "string"},
                       {"pattern", "^[a-z][a-z0-9_]{0,31}-[A-Za-z0-9_.-]{1,64}$"}}),
            QueryParam("from", "first version (forward default 1; backward default 0 = last)",
                       {{"type", "integer"}, {"minimum", 0}, {"maximum", INT64_MAX}}),
            QueryParam("limit", "most events (default 100; above 1000 means 1000)",
                       {{"type", "integer"}, {"minimum", 1}, {"maximum", INT64_MAX}}),
            QueryParam("direction", "forward (default) or backward",
                       {{"type", "string"}, {"enum", {"forward", "backward"}}})}},
          {"responses", responses}};
}

}  // namespace

RouteGroup StreamRoutes(const eventstore::EventLog& log,
                        const codec::CloudEventsOptions& cloudevents) {
  RouteGroup group;
  group.push_back(Route{.method = "GET",
                        .pattern = "/v1/streams/{stream}",
                        .permission = Permission::kHistory,
                        .handler = Sync([&log, cloudevents](const RouteContext& ctx) {
                          return ReadOneStream(log, cloudevents, ctx);
                        }),
                        .openapi = StreamDoc()});
  return group;
}

}  // namespace dealstream::api
