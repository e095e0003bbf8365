// Roles, the permission each route group needs, and who is calling.
//
// The permission table (RoleAllows) is the single place that says which
// role may use which route group; DESIGN §6 and api/README.md list it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/http_message.h"

namespace dealstream::api {

enum class Role { kAdmin, kManager, kSales, kAuditor, kAnalyst, kIntegrator };

// "admin", "manager", "sales", "auditor", "analyst", "integrator".
std::optional<Role> ParseRole(std::string_view name);
std::string_view RoleName(Role role);
// Every role, in the order above.
inline constexpr Role kAllRoles[] = {Role::kAdmin,   Role::kManager, Role::kSales,
                                     Role::kAuditor, Role::kAnalyst, Role::kIntegrator};

// What a route needs from its caller. Each route group declares one.
enum class Permission {
  kPublic,       // no token needed: /healthz
  kDescribe,     // any valid token: /readyz, /openapi.json
  kCommands,     // POST /v1/commands/…
  kRecords,      // record views, lists, decision trees
  kProjections,  // /v1/projections/…
  kHistory,      // per-record history and /v1/streams/…
  kEventFeed,    // /v1/events, /v1/events/live
  kExport,       // bulk exports
  kVerify,       // log verification
  kMonitor,      // /metrics
  kAdmin,        // token administration
};
std::string_view PermissionName(Permission permission);

// The permission table:
//                 admin manager sales auditor analyst integrator
//   commands        x     x      x
//   records         x     x      x      x       x
//   projections     x     x      x      x       x
//   history         x     x      x      x
//   event feed      x     x      x      x       x        x
//   export          x                   x       x
//   verify          x                   x
//   monitor         x                   x       x
//   admin           x
// kPublic and kDescribe allow every role. Data scopes (data_scope.h)
// further narrow what manager and sales see and change.
bool RoleAllows(Role role, Permission permission);

// The authenticated caller.
struct Principal {
  std::string employee_id;  // the employee the token was granted to
  Role role = Role::kIntegrator;
  std::string token_id;     // SHA-256 hex of the token (never the token)
};

// The credentials of "Authorization: Bearer <token>": nullopt when the
// header is absent, not the Bearer scheme, or the token is not token68.
std::optional<std::string_view> BearerToken(const Headers& headers);

}  // namespace dealstream::api
