// Relay: publishes every event of the log to a Kafka topic (DESIGN §7.1).
//
// - In position order, keyed by stream (so one record's events stay in order
//   on one partition), CloudEvents Kafka binding in binary content mode
//   (codec::ToKafkaMessage: `ce_` headers, payload as the value).
// - Idempotent producer with acks=all; messages are retried until the
//   broker takes them (no timeout by default), and the producer's gapless
//   guarantee turns anything that could leave a hole into a fatal error,
//   after which the relay builds a new producer and rewinds.
// - The published position moves only over a contiguous run of successful
//   delivery reports and is checkpointed in a file (RelayCheckpointPath).
//   After a restart, a broker outage or a failed delivery it resumes from
//   there: no event is lost; events after the checkpoint may be published
//   again, and consumers drop those duplicates by `ce_position`.
// - The log is read by a CatchUpSubscription on the relay's own thread, so
//   publishing never holds up appends or their acknowledgement.
//
// Thread-safety: stats() and WaitForPublished() may be called from any
// thread. The log must outlive the relay.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "base/result.h"
#include "codec/cloudevents.h"
#include "eventstore/event_log.h"
#include "kafka/follow_target.h"

namespace dealstream::kafka {

struct RelayOptions {
  // Bootstrap servers, "host:port[,host:port…]". Required.
  std::string brokers;
  // Default: "crm.events".
  std::string topic = kDefaultTopic;
  // The checkpoint file; RelayCheckpointPath(data_dir, topic) by
  // convention. Required.
  std::string checkpoint_path;
  codec::CloudEventsOptions cloudevents;
  // How long the producer retries one message before reporting it failed
  // (the relay then rewinds to it). 0 retries forever, which keeps
  // per-partition order even across long outages. Default: 0.
  std::chrono::milliseconds message_timeout{0};
  // Longest time the producer waits to fill a batch. Default: 5 ms.
  std::chrono::milliseconds linger{5};
  // How often the checkpoint file is rewritten while the position moves.
  // More often means fewer duplicates after a crash. Default: 200 ms.
  std::chrono::milliseconds checkpoint_interval{200};
  // On destruction, how long to wait for outstanding deliveries. Default: 5 s.
  std::chrono::milliseconds shutdown_timeout{5000};
  // Extra librdkafka properties (security.protocol, sasl.*, …), applied
  // last. The relay's guarantees need enable.idempotence and acks=all: do
  // not override them.
  std::vector<std::pair<std::string, std::string>> librdkafka;
};

// For /metrics.
struct RelayStats {
  uint64_t published_position = 0;  // every event up to here is in Kafka
  uint64_t log_head = 0;
  uint64_t lag_events = 0;          // log_head - published_position
  int64_t lag_ms = 0;               // age of the oldest unpublished event; 0 when none
  uint64_t messages_delivered = 0;  // successful delivery reports, duplicates included
  uint64_t delivery_failures = 0;
  uint64_t rewinds = 0;    // times production restarted from the checkpoint
  std::string last_error;  // newest delivery or client error; empty if none
};

class Relay {
 public:
  // Reads the checkpoint, checks it against the log (its position must be
  // in the log and the event's hash must match), and starts publishing from
  // the next position. Does not wait for the broker: an unreachable broker
  // shows as lag, not as an error. Errors: InvalidArgument (options),
  // Corruption / FailedPrecondition (checkpoint), Unavailable (storage).
  static Result<std::unique_ptr<Relay>> Start(RelayOptions options,
                                              const eventstore::EventLog& log);
  // Stops reading the log, waits up to shutdown_timeout for outstanding
  // deliveries and writes the final checkpoint.
  ~Relay();
  Relay(const Relay&) = delete;
  Relay& operator=(const Relay&) = delete;

  RelayStats stats() const;
  // True once everything up to `position` is delivered (and checkpointed in
  // memory; the file follows within checkpoint_interval).
  bool WaitForPublished(eventstore::GlobalPosition position,
                        std::chrono::milliseconds timeout) const;

 private:
  class Impl;
  explicit Relay(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealstream::kafka
