// Lists with cursor paging and filters (DESIGN §6, §10), served from the
// list read model (projections/record_lists.h), and decision trees (§3.8):
//
//   GET /v1/{opportunities|customers|contacts|contracts|quotes}
//       ?limit=&cursor=&owner=&department=&status=|lifecycle=&period=…
//   GET /v1/opportunities/{id}/decision-tree
//   GET /v1/customers/{id}/decision-tree
//
// Paging: rows come in a stable order (when each record was created); a
// page answers {"items": [...], "next_cursor": "…" | null}. The cursor is
// opaque and bound to its collection and filters: a malformed, altered or
// reused-with-other-filters cursor is a 400 naming `cursor`. `limit` is
// 1–200 (default 50); anything else is a 400 naming `limit`.
//
// Data scopes: only rows the caller may see are listed (a sales user their
// own and team records, a manager their department subtree); contacts and
// contracts follow their customer, quotes their opportunity. A decision
// tree of an out-of-scope or unknown record is a 404.
//
// Lists answer the present: `as_of` / `known_at` are refused with a 400
// pointing at the record views, which answer for any instant.
#pragma once

#include "api/router.h"
#include "api/scope_resolver.h"
#include "projections/record_lists.h"

namespace dealstream::api {

// Most rows per page, and the default.
inline constexpr uint64_t kMaxListLimit = 200;
inline constexpr uint64_t kDefaultListLimit = 50;

// `lists` and `resolver` (department subtrees) must outlive the routes.
RouteGroup ListRoutes(const projections::RecordLists& lists, const ScopeResolver& resolver);

// GET /v1/{opportunities,customers}/{id}/decision-tree.
RouteGroup DecisionTreeRoutes(const projections::RecordLists& lists);

}  // namespace dealstream::api
