// TokenIssuer: creates and revokes tokens by appending token events.
//
// An admin token needs no existing employee (the first admin of a fresh
// installation); every other role takes its data scope from its employee,
// so the employee must exist, i.e. stream "employee-<id>" has events.
//
// Thread-safety: all methods may be called concurrently.
#pragma once

#include <functional>
#include <string>

#include "api/auth.h"
#include "api/token_table.h"
#include "base/result.h"
#include "eventstore/event_log.h"

namespace dealstream::api {

// Stream category of employees (the domain's employee aggregate).
inline constexpr std::string_view kEmployeeCategory = "employee";

struct GrantRequest {
  std::string employee_id;
  Role role = Role::kIntegrator;
  std::string granted_by;      // employee id of the admin, or "cli" / "serve"
  std::string correlation_id;  // optional
};

struct IssuedToken {
  std::string token;     // shown once, never stored
  std::string token_id;  // SHA-256 hex, how the token is listed and revoked
  uint64_t position = 0;  // of the grant event
};

class TokenIssuer {
 public:
  // `table`, when not null, applies each successful grant or revocation at
  // once (read-your-writes). Both must outlive the issuer.
  TokenIssuer(eventstore::EventLog& log, TokenTable* table) : log_(log), table_(table) {}

  using GrantCallback = std::function<void(Result<IssuedToken>)>;
  // Errors: InvalidArgument (malformed employee id), NotFound (a non-admin
  // role for an employee that does not exist), Unavailable (storage).
  // `done` runs on the log's writer thread (or at once on validation
  // errors) and must not block.
  void GrantAsync(const GrantRequest& request, GrantCallback done);
  // As GrantAsync, blocking.
  Result<IssuedToken> Grant(const GrantRequest& request);

  // Revokes token `token_id`. Errors: NotFound (no such grant; needs the
  // table), Unavailable (storage).
  void RevokeAsync(const std::string& token_id, const std::string& revoked_by,
                   std::function<void(Status)> done);

 private:
  Status CheckEmployee(const GrantRequest& request) const;

  eventstore::EventLog& log_;
  TokenTable* table_;
};

}  // namespace dealstream::api
