#include "api/token_format.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>

#include "api/json_util.h"

namespace dealstream::api {
namespace {

constexpr std::string_view kTokenPrefix = "ds_";
constexpr size_t kTokenBytes = 32;

std::string Base64Url(const unsigned char* data, size_t size) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (size_t i = 0; i < size; ++i) {
    buffer = (buffer << 8) | data[i];
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(buffer >> bits) & 63]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (6 - bits)) & 63]);
  return out;
}

std::optional<std::string> StringField(const nlohmann::json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace

const eventstore::StreamName& TokenStream() {
  static const eventstore::StreamName stream = *eventstore::StreamName::Make("system", "tokens");
  return stream;
}

Result<std::string> NewToken() {
  std::array<unsigned char, kTokenBytes> bytes;
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    return Status::Unavailable("the random number generator failed; no token was created");
  }
  return std::string(kTokenPrefix) + Base64Url(bytes.data(), bytes.size());
}

std::string HashToken(std::string_view token) {
  eventstore::Sha256 digest{};
  unsigned int size = 0;
  EVP_Digest(token.data(), token.size(), digest.data(), &size, EVP_sha256(), nullptr);
  return eventstore::HexOf(digest);
}

bool IsTokenId(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

eventstore::ProposedEvent GrantedEvent(const TokenGranted& grant) {
  eventstore::ProposedEvent event;
  event.type = kTokenGrantedType;
  event.subject = std::string(TokenStream().id());
  event.data = DumpJson({{"token_hash", grant.token_hash},
                         {"employee_id", grant.employee_id},
                         {"role", std::string(RoleName(grant.role))},
                         {"granted_by", grant.granted_by}});
  event.metadata.actor = grant.granted_by;
  return event;
}

eventstore::ProposedEvent RevokedEvent(const TokenRevoked& revoke) {
  eventstore::ProposedEvent event;
  event.type = kTokenRevokedType;
  event.subject = std::string(TokenStream().id());
  event.data = DumpJson({{"token_hash", revoke.token_hash}, {"revoked_by", revoke.revoked_by}});
  event.metadata.actor = revoke.revoked_by;
  return event;
}

Result<std::variant<TokenGranted, TokenRevoked>> DecodeTokenEvent(
    const eventstore::RecordedEvent& event) {
  const nlohmann::json data = ParseJson(event.data);
  if (!data.is_object()) {
    return Status::InvalidArgument("token event at position " +
                                   std::to_string(event.position.value) + " is not a JSON object");
  }
  auto hash = StringField(data, "token_hash");
  if (!hash || !IsTokenId(*hash)) {
    return Status::InvalidArgument("token event at position " +
                                   std::to_string(event.position.value) + " has no valid token_hash");
  }
  if (event.type == kTokenGrantedType) {
    auto employee = StringField(data, "employee_id");
    auto role_name = StringField(data, "role");
    std::optional<Role> role = role_name ? ParseRole(*role_name) : std::nullopt;
    if (!employee || !role) {
      return Status::InvalidArgument("token grant at position " +
                                     std::to_string(event.position.value) +
                                     " lacks a valid employee_id or role");
    }
    return std::variant<TokenGranted, TokenRevoked>(TokenGranted{
        *hash, *employee, *role, StringField(data, "granted_by").value_or("")});
  }
  if (event.type == kTokenRevokedType) {
    return std::variant<TokenGranted, TokenRevoked>(
        TokenRevoked{*hash, StringField(data, "revoked_by").value_or("")});
  }
  return Status::InvalidArgument("not a token event: " + event.type);
}

}  // namespace dealstream::api
