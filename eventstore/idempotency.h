// Idempotency keys: what "the same request" means, and the stored form of
// the remembered outcome.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "eventstore/types.h"

namespace dealstream::eventstore {

// The fingerprint used when the caller supplies none: a hex SHA-256 over the
// stream, the expected version and each event's type, subject, schema
// version and data (not ids or times, which a retry may regenerate).
std::string DefaultFingerprint(const AppendRequest& request);

std::string EncodeIdempotencyRecord(const IdempotencyRecord& record);
Result<IdempotencyRecord> DecodeIdempotencyRecord(std::string_view bytes);

}  // namespace dealstream::eventstore
