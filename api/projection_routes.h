// GET /v1/projections/{funnel|forecast|pipeline|employees|lifecycle|
// competition|receivables|expenses|service}: the read models of DESIGN §3
// for any instant, filtered, within the caller's data scope. Receivables
// and service count days past due to the as_of day, else the known_at day,
// else today.
//
// Query parameters (all optional): as_of and known_at (RFC 3339 or a date,
// which means the end of that day UTC), department, owner, region, product,
// period ("2017", "2017-Q1", "2017-03"), currency; forecast also takes
// granularity (month|quarter|year).
//
// Data scopes narrow the filters: a sales caller's figures cover only what
// they own (owner = themselves); a manager's cover their department's
// subtree (the department filter defaults to theirs, and a department or
// owner outside it is refused with 403).
#pragma once

#include "api/router.h"
#include "projections/read_models.h"

namespace dealstream::api {

// `models` must outlive the routes.
RouteGroup ProjectionRoutes(const projections::ReadModels& models);

// GET /v1/customers/{id}/360 (customer_360_routes.cc); ProjectionRoutes
// includes it.
RouteGroup Customer360Routes(const projections::ReadModels& models);

}  // namespace dealstream::api
