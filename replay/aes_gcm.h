// AES-256-GCM (OpenSSL EVP) for the sealed personal fields: a random 96-bit
// nonce per message, a 128-bit tag, and associated data that binds the
// ciphertext to its subject and event type (so it cannot be moved to
// another record).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace dealstream::replay {

using AesKey = std::array<uint8_t, 32>;

// nonce(12) || ciphertext || tag(16). Errors: Internal (OpenSSL failed).
Result<std::string> AesGcmSeal(const AesKey& key, std::string_view aad, std::string_view plaintext);

// Errors: Corruption when the bytes are too short or fail authentication
// (wrong key, wrong associated data, altered bytes).
Result<std::string> AesGcmOpen(const AesKey& key, std::string_view aad, std::string_view sealed);

}  // namespace dealstream::replay
