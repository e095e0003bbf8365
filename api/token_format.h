// Bearer tokens and their events.
//
// A token is "ds_" + 43 base64url characters: 256 random bits from
// OpenSSL's CSPRNG. It is shown once; only SHA-256(token) — the token id,
// 64 lower-case hex digits — is ever stored. Grants and revocations are
// events in the system stream "system-tokens", so that every node and
// follower authorizes the same tokens and every access change is audited:
//
//   crm.token.granted.v1  {"token_hash", "employee_id", "role", "granted_by"}
//   crm.token.revoked.v1  {"token_hash", "revoked_by"}
//
// These are system events of the API, not domain events, so this module
// maps them to and from JSON itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "api/auth.h"
#include "base/result.h"
#include "eventstore/stream_name.h"
#include "eventstore/types.h"

namespace dealstream::api {

inline constexpr char kTokenGrantedType[] = "crm.token.granted.v1";
inline constexpr char kTokenRevokedType[] = "crm.token.revoked.v1";

// "system-tokens".
const eventstore::StreamName& TokenStream();

// A fresh random token. Unavailable if the CSPRNG fails.
Result<std::string> NewToken();
// The token id: hex SHA-256 of the token's bytes.
std::string HashToken(std::string_view token);
// True for 64 lower-case hex digits.
bool IsTokenId(std::string_view text);

struct TokenGranted {
  std::string token_hash;
  std::string employee_id;
  Role role = Role::kIntegrator;
  std::string granted_by;
};
struct TokenRevoked {
  std::string token_hash;
  std::string revoked_by;
};

eventstore::ProposedEvent GrantedEvent(const TokenGranted& grant);
eventstore::ProposedEvent RevokedEvent(const TokenRevoked& revoke);

// Decodes a token event; InvalidArgument for other types or bad payloads.
Result<std::variant<TokenGranted, TokenRevoked>> DecodeTokenEvent(
    const eventstore::RecordedEvent& event);

}  // namespace dealstream::api
