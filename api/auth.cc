#include "api/auth.h"

#include <cctype>

namespace dealstream::api {

std::optional<Role> ParseRole(std::string_view name) {
  for (Role role : kAllRoles) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kManager: return "manager";
    case Role::kSales: return "sales";
    case Role::kAuditor: return "auditor";
    case Role::kAnalyst: return "analyst";
    case Role::kIntegrator: return "integrator";
  }
  return "unknown";
}

std::string_view PermissionName(Permission permission) {
  switch (permission) {
    case Permission::kPublic: return "public";
    case Permission::kDescribe: return "describe";
    case Permission::kCommands: return "commands";
    case Permission::kRecords: return "records";
    case Permission::kProjections: return "projections";
    case Permission::kHistory: return "history";
    case Permission::kEventFeed: return "event feed";
    case Permission::kExport: return "export";
    case Permission::kVerify: return "verify";
    case Permission::kMonitor: return "monitor";
    case Permission::kAdmin: return "admin";
  }
  return "unknown";
}

bool RoleAllows(Role role, Permission permission) {
  if (role == Role::kAdmin) return true;
  switch (permission) {
    case Permission::kPublic:
    case Permission::kDescribe:
    case Permission::kEventFeed:
      return true;
    case Permission::kCommands:
      return role == Role::kManager || role == Role::kSales;
    case Permission::kRecords:
    case Permission::kProjections:
      return role != Role::kIntegrator;
    case Permission::kHistory:
      return role == Role::kManager || role == Role::kSales || role == Role::kAuditor;
    case Permission::kExport:
    case Permission::kMonitor:
      return role == Role::kAuditor || role == Role::kAnalyst;
    case Permission::kVerify:
      return role == Role::kAuditor;
    case Permission::kAdmin:
      return false;
  }
  return false;
}

std::optional<std::string_view> BearerToken(const Headers& headers) {
  if (headers.Count("Authorization") != 1) return std::nullopt;
  std::string_view value = *headers.Get("Authorization");
  constexpr std::string_view kScheme = "bearer ";
  if (value.size() <= kScheme.size() || !EqualsIgnoreCase(value.substr(0, kScheme.size()), kScheme)) {
    return std::nullopt;
  }
  value.remove_prefix(kScheme.size());
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  // token68 (RFC 7235): ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/", then "=" padding.
  size_t i = 0;
  for (; i < value.size(); ++i) {
    const char c = value[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
          c == '~' || c == '+' || c == '/')) {
      break;
    }
  }
  while (i < value.size() && value[i] == '=') ++i;
  if (i != value.size() || value.front() == '=') return std::nullopt;
  return value;
}

}  // namespace dealstream::api
