// PersonalVault: the product's PersonalDataVault (commands/personal_data_vault.h).
//
// Which fields are personal: the top-level member `personal` of every event
// type whose struct declares such a field (today ContactAdded and
// ContactUpdated; see domain/contact/contact_events.h). The codec registry
// says which types those are and what shape the member has.
//
// Stored form of a sealed member (the rest of the payload is left byte for
// byte as the codec wrote it):
//   "personal": {"$sealed": "<base64>", "$redacted": <redacted form>}
// where <base64> is version(1) key_id(16) nonce(12) ciphertext tag(16):
// AES-256-GCM of the member's original JSON text under the subject's key,
// with associated data "dealstream.personal.v1\0<event type>\0<subject>".
// The redacted form (redaction.h) is computed at sealing time and reveals
// only which personal attributes were present, never their values.
//
// Opening: with the subject's live key of the same key id, the original
// JSON text comes back exactly; without it (forgotten, or an imported copy
// without the key store) the redacted form takes its place.
//
// Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "codec/type_info.h"
#include "commands/personal_data_vault.h"
#include "replay/key_store.h"

namespace dealstream::replay {

inline constexpr std::string_view kPersonalField = "personal";

class PersonalVault final : public commands::PersonalDataVault {
 public:
  // `keys` must outlive the vault.
  explicit PersonalVault(KeyStore& keys);

  bool Covers(std::string_view type) const override;
  Result<std::string> Seal(std::string_view type, std::string_view subject,
                           std::string_view data) override;
  Result<std::string> Open(std::string_view type, std::string_view subject,
                           std::string_view data) const override;

  KeyStore& keys() { return keys_; }

 private:
  KeyStore& keys_;
  // Event type -> the value description of its `personal` member.
  std::unordered_map<std::string_view, const codec::ValueInfo*> personal_;
};

// True if the payload's personal member is in sealed form (for reports).
bool IsSealed(std::string_view data);

}  // namespace dealstream::replay
