// The route groups this module serves. Each is a function returning a
// RouteGroup; the application adds the ones it has the services for:
//
//   api.AddRoutes(CommandRoutes(command_service, metrics));
//   api.AddRoutes(EventRoutes(log, feeds));
//   …
//   api.AddRoutes(OpenApiRoutes(api, options));   // last: describes the others
//
// Record, list, projection and decision-tree routes are groups of the same
// shape built by the modules that own those read models.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "api/api.h"
#include "api/live_feeds.h"
#include "api/metrics.h"
#include "api/router.h"
#include "api/token_issuer.h"
#include "api/token_table.h"
#include "commands/command_service.h"
#include "eventstore/event_log.h"

namespace dealstream::api {

// Page sizes of /v1/events and /v1/streams: default 100, larger requests
// are lowered to kMaxPageSize.
inline constexpr uint64_t kDefaultPageSize = 100;
inline constexpr uint64_t kMaxPageSize = 1000;

// POST /v1/commands/{type}. `service` must outlive the routes.
RouteGroup CommandRoutes(commands::CommandService& service, Metrics& metrics);

// GET /v1/events and GET /v1/events/live.
RouteGroup EventRoutes(const eventstore::EventLog& log, LiveFeeds& feeds);

// GET /v1/streams/{stream}.
RouteGroup StreamRoutes(const eventstore::EventLog& log,
                        const codec::CloudEventsOptions& cloudevents = {});

// POST/GET /v1/admin/tokens, DELETE /v1/admin/tokens/{token_id}.
RouteGroup AdminRoutes(TokenTable& tokens, TokenIssuer& issuer);

// One condition of /readyz, e.g. "token table caught up".
struct ReadinessCheck {
  std::string name;
  std::function<bool()> ready;
  // Optional: why the check fails, shown under "reasons" while it does.
  std::function<std::string()> reason;
};

// GET /healthz, /readyz, /metrics.
RouteGroup OpsRoutes(std::vector<ReadinessCheck> checks, const Metrics& metrics);

struct OpenApiOptions {
  std::string title = "Dealstream API";
  std::string version = "1";
  // Directory of the command JSON Schemas ("<CommandType>.json"); those
  // present are included as request bodies. Default: "schemas/commands".
  std::string command_schema_dir = "schemas/commands";
  // Command types to document (CommandService::CommandTypes()).
  std::vector<std::string> command_types;
};

// GET /openapi.json: every route added to `api` (including itself).
RouteGroup OpenApiRoutes(const Api& api, OpenApiOptions options);

}  // namespace dealstream::api
