// Follower: keeps a read replica's own log copy in step with the topic a
// leader's Relay publishes (DESIGN §7.2). Projections and read endpoints on
// the replica read that copy like any log.
//
// Every message is untrusted input: it is parsed by the codec
// (codec::FromKafkaMessage), its key must be its stream, and the copy
// accepts it only if it continues the hash chain with the next position and
// the next stream version (RocksEventLog::AppendReplicated). Positions
// already applied are dropped after checking they are the same event;
// events that arrive early (other partitions, a relay rewind) wait for the
// missing ones. The follower stops, with an error naming the position, on a
// message that does not parse, a hash or version that does not fit, two
// different events for one position, or a position that is still missing
// gap_timeout after later ones arrived.
//
// Its place in the topic (offset per partition) is stored in the copy with
// the events, so a restart resumes where the copy ends.
//
// Thread-safety: stats() and status() may be called from any thread. The
// log must outlive the follower, and nothing else may write to it.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "eventstore/rocks_event_log.h"
#include "kafka/follow_target.h"

namespace dealstream::kafka {

struct FollowerOptions {
  // Bootstrap servers, "host:port[,host:port…]". Required.
  std::string brokers;
  // Default: "crm.events".
  std::string topic = kDefaultTopic;
  // How long a missing position may stay missing while later positions have
  // arrived before the follower gives up. Default: 30 s.
  std::chrono::milliseconds gap_timeout{30000};
  // Most events waiting for a missing position before the follower gives up.
  // Past half of it, partitions already beyond the missing position are
  // paused until the others catch up. Default: 200,000.
  size_t max_buffered_events = 200000;
  // Most events written to the copy in one atomic write. Default: 4,096.
  size_t max_batch_events = 4096;
  // Longest time the broker holds a fetch waiting for new messages: the
  // floor of the follower's lag when events trickle in. Default: 10 ms.
  std::chrono::milliseconds fetch_wait{10};
  // Extra librdkafka properties (security.protocol, sasl.*, …), applied last.
  std::vector<std::pair<std::string, std::string>> librdkafka;
};

// For /metrics and /readyz.
struct FollowerStats {
  uint64_t applied_position = 0;  // head of the log copy
  // Messages in the topic not applied yet (from the partitions' high
  // watermarks as last seen, plus events waiting for a missing position).
  uint64_t lag_events = 0;
  // 0 when lag_events is 0; otherwise how long ago the oldest known
  // unapplied event was recorded by the leader (or, before any unapplied
  // event was read, how long the follower has been behind).
  int64_t lag_ms = 0;
  // Leader record → copy, for the newest applied event.
  int64_t last_apply_latency_ms = 0;
  uint64_t messages_read = 0;
  uint64_t duplicates_dropped = 0;
  uint64_t buffered = 0;
  // Pauses and resumes of partitions that ran ahead of a missing position.
  uint64_t pauses = 0;
  // Every partition was read to its end at least once since start.
  bool caught_up_once = false;
  // The cluster answered the latest metadata request (made at least every
  // 5 s) and has not reported every broker down since.
  bool connected = false;
  // The follower stopped; `error` says why. A stopped follower serves the
  // copy as it is but applies nothing more.
  bool stopped = false;
  std::string error;
  std::string last_client_error;  // newest transient client error
};

class Follower {
 public:
  // Starts following; returns at once (an unreachable broker or a topic
  // that does not exist yet shows as lag). InvalidArgument for bad options;
  // Corruption when the stored cursor cannot be read.
  static Result<std::unique_ptr<Follower>> Start(FollowerOptions options,
                                                 eventstore::RocksEventLog& log);
  ~Follower();  // stops the consumer thread
  Follower(const Follower&) = delete;
  Follower& operator=(const Follower&) = delete;

  FollowerStats stats() const;
  // OK while following; the error that stopped it otherwise.
  Status status() const;

 private:
  class Impl;
  explicit Follower(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealstream::kafka
