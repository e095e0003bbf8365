// ChainVerifier: checks a sequence of recorded events, fed in position order,
// against every integrity rule of the log: positions gap-free from 1, stream
// versions contiguous from 1, each prev_hash equal to the previous event's
// hash, and each hash equal to SHA-256(prev_hash || canonical bytes).
//
// Used by `verify`, by the logs on open, and by Kafka followers that must
// treat incoming events as untrusted.
#pragma once

#include <string>
#include <unordered_map>

#include "base/status.h"
#include "eventstore/types.h"

namespace dealstream::eventstore {

class ChainVerifier {
 public:
  // Starts after `head`: the next event must have position head.position+1
  // and prev_hash == head.hash. Stream versions are learnt as events are fed;
  // pass `known_versions` when starting mid-log.
  ChainVerifier() = default;
  ChainVerifier(GlobalPosition after, const Sha256& hash_at_after)
      : last_position_(after), last_hash_(hash_at_after) {}

  // Corruption naming the position and the broken rule, or OK.
  Status Feed(const RecordedEvent& e);

  // Set the version a stream had before the first event fed (mid-log start).
  void SetStreamVersion(const std::string& stream, uint64_t version) {
    stream_versions_[stream] = version;
  }

  GlobalPosition last_position() const { return last_position_; }
  const Sha256& last_hash() const { return last_hash_; }

 private:
  GlobalPosition last_position_;
  Sha256 last_hash_{};
  std::unordered_map<std::string, uint64_t> stream_versions_;
};

}  // namespace dealstream::eventstore
