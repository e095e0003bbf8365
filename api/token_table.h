// TokenTable: the in-memory view of every token grant and revocation,
// kept current by a CatchUpSubscription on the token events (so that a
// grant made by any process — the CLI, another node — is honoured here).
//
// Grants and revocations are applied commutatively (a revocation wins over
// its grant whatever the order they are applied in), so a writer may apply
// its own event at once, for read-your-writes, before the subscription
// delivers it again.
//
// Thread-safety: all methods may be called concurrently.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "api/auth.h"
#include "api/token_format.h"
#include "base/time.h"
#include "eventstore/event_log.h"
#include "eventstore/subscription.h"

namespace dealstream::api {

struct TokenInfo {
  std::string token_id;
  std::string employee_id;
  Role role = Role::kIntegrator;
  std::string granted_by;
  Timestamp granted_at;  // when the log recorded the grant
  bool revoked = false;
  std::string revoked_by;
};

class TokenTable {
 public:
  // Starts following `log`'s token events from the first one. `log` must
  // outlive the table.
  explicit TokenTable(const eventstore::EventLog& log);
  ~TokenTable();
  TokenTable(const TokenTable&) = delete;
  TokenTable& operator=(const TokenTable&) = delete;

  // The caller a token stands for; nullopt for unknown or revoked tokens.
  std::optional<Principal> Authenticate(std::string_view token) const;
  std::optional<TokenInfo> Find(std::string_view token_id) const;
  // Every granted token (process tokens excluded), oldest grant first.
  std::vector<TokenInfo> List() const;
  // True if some unrevoked stored token has `role`.
  bool HasActiveRole(Role role) const;

  // True once every token event stored at start-up has been applied.
  bool caught_up() const;
  // Waits for caught_up(); false on timeout.
  bool WaitCaughtUp(std::chrono::milliseconds timeout) const;

  // Idempotent and commutative (see above).
  void ApplyGrant(const TokenGranted& grant, Timestamp recorded_time);
  void ApplyRevoke(const TokenRevoked& revoke);

  // A token valid only inside this process and never stored: the
  // credential a local `dealstream token create` uses to reach this
  // server's admin API while the server holds the database lock.
  void AddProcessToken(std::string_view token, Principal principal);

 private:
  void OnEvent(const eventstore::RecordedEvent& event);

  struct Entry {
    std::optional<TokenInfo> grant;
    bool revoked = false;
    std::string revoked_by;
  };
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Entry> entries_;  // by token id
  std::unordered_map<std::string, Principal> process_tokens_;  // by token id
  // Last: stops (and joins) before the maps above are destroyed.
  std::unique_ptr<eventstore::CatchUpSubscription> subscription_;
};

}  // namespace dealstream::api
