// Record views and histories (DESIGN §5, §10), one pair of routes per
// collection (customers, contacts, opportunities, contracts, employees,
// departments, competitors, products, service-requests, …):
//
//   GET /v1/{collection}/{id}[?as_of=TIME][&known_at=TIME]
//       the record's state as of an instant (replay::LoadStateAsOf)
//   GET /v1/{collection}/{id}/history[?from=VERSION][&limit=N][&include_states=true]
//       every step with actor, times, command, correlation and the field
//       changes (replay::LoadHistory)
//
// A record outside the caller's data scope answers exactly like a missing
// one (404).
#pragma once

#include "api/router.h"
#include "eventstore/event_log.h"

namespace dealstream::api {

// `log` (the vaulted view, so personal fields read opened or redacted) must
// outlive the routes.
RouteGroup RecordRoutes(const eventstore::EventLog& log);

}  // namespace dealstream::api
