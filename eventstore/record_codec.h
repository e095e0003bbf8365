// The stored form of an event, and the canonical bytes the hash chain covers.
//
// Layout (all integers LEB128 varints, strings length-prefixed, times zigzag):
//   format(1) position stream version id type subject time recorded_time
//   schema_version actor correlation_id causation_id command data
//   prev_hash(32) hash(32)
// The canonical bytes are everything before prev_hash; the event's hash is
// SHA-256(prev_hash || canonical bytes). The encoding is deterministic, so the
// same event always hashes the same on every node.
//
// Decoding treats its input as untrusted: any malformed input yields
// Corruption, never a crash or an over-read.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "eventstore/types.h"

namespace dealstream::eventstore {

// Appends the canonical bytes of `e` (without hashes) to `out`.
void EncodeCanonical(const RecordedEvent& e, std::string* out);
// The full stored record: canonical bytes, prev_hash, hash.
std::string EncodeRecord(const RecordedEvent& e);
Result<RecordedEvent> DecodeRecord(std::string_view bytes);
// As DecodeRecord, into an existing event whose strings are reused: decoding
// a run of records into the same few events allocates nothing once their
// buffers are large enough. On Corruption `*out` is unchanged.
Status DecodeRecordInto(std::string_view bytes, RecordedEvent* out);

// SHA-256(prev_hash || canonical).
Sha256 ChainHash(const Sha256& prev_hash, std::string_view canonical);
Sha256 Sha256Of(std::string_view bytes);

// Big-endian fixed-width u64, so that byte order equals numeric order in
// RocksDB keys.
void PutBigEndian64(std::string* out, uint64_t v);
uint64_t GetBigEndian64(std::string_view bytes);  // precondition: size >= 8

}  // namespace dealstream::eventstore
