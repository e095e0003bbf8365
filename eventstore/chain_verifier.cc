#include "eventstore/chain_verifier.h"

#include "eventstore/record_codec.h"

namespace dealstream::eventstore {
namespace {

Status Bad(uint64_t position, const std::string& rule) {
  return Status::Corruption("position " + std::to_string(position) + ": " + rule);
}

}  // namespace

Status ChainVerifier::Feed(const RecordedEvent& e) {
  const uint64_t expected = last_position_.value + 1;
  if (e.position.value != expected) {
    return Bad(expected, "expected this position next but found position " +
                             std::to_string(e.position.value) + " (an event is missing or out of order)");
  }
  if (e.prev_hash != last_hash_) {
    return Bad(expected, "prev_hash does not equal the hash of the previous event");
  }
  std::string canonical;
  EncodeCanonical(e, &canonical);
  if (ChainHash(e.prev_hash, canonical) != e.hash) {
    return Bad(expected, "hash does not match the event's contents (the event was altered)");
  }
  uint64_t& version = stream_versions_[e.stream.str()];
  if (e.version.value != version + 1) {
    return Bad(expected, "stream " + e.stream.str() + " jumps from version " +
                             std::to_string(version) + " to " + std::to_string(e.version.value));
  }
  version = e.version.value;
  last_position_ = e.position;
  last_hash_ = e.hash;
  return Status::Ok();
}

}  // namespace dealstream::eventstore
