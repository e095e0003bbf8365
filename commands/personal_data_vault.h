// PersonalDataVault: the hook through which personal data is sealed on the
// way into the log and opened on the way out (DESIGN §5, crypto-shredding).
//
// Events keep a record's personal fields apart from its business facts (for
// contacts: the nested `personal` object of ContactAdded / ContactUpdated).
// A vault encrypts those fields with a key of their own per subject (the
// record the event is about) before the event is appended, so the log — and
// its hash chain — only ever holds ciphertext. Reading decrypts them, or,
// once the subject's key was forgotten, replaces them with a redacted form
// ("[redacted]"), while every business fact of the payload stays as stored.
//
// The command service and the read side never call a vault directly: they
// run over a VaultedEventLog (vaulted_event_log.h), which applies Seal to
// every appended event and Open to every event read. The implementation
// (keys, cipher) lives in replay/ (replay/personal_vault.h).
//
// Thread-safety: implementations must allow concurrent calls.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace dealstream::commands {

class PersonalDataVault {
 public:
  virtual ~PersonalDataVault() = default;

  // True if events of `type` can carry personal fields; other payloads are
  // never touched, so callers may skip Seal/Open for them.
  virtual bool Covers(std::string_view type) const = 0;

  // Write path: `data` (the payload of an event of `type` about `subject`)
  // with its personal fields encrypted under the subject's key, created on
  // first use. Payloads without personal fields come back unchanged.
  // Errors: InvalidArgument (payload is not the JSON object the type
  // promises), Unavailable (the key store failed; nothing may be appended).
  virtual Result<std::string> Seal(std::string_view type, std::string_view subject,
                                   std::string_view data) = 0;

  // Read path: the stored payload with its personal fields decrypted, or
  // redacted when the subject's key has been forgotten. Payloads holding no
  // sealed fields come back unchanged. Errors: Corruption (a sealed field
  // fails authentication under an existing key), Unavailable (key store).
  virtual Result<std::string> Open(std::string_view type, std::string_view subject,
                                   std::string_view data) const = 0;
};

}  // namespace dealstream::commands
