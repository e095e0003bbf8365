// Helpers shared by the Kafka tests: leader logs with many streams, a plain
// librdkafka reader for whole topics, topic creation, the per-stream order
// and duplicate checks of R9, and the real broker of the CTest fixture.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "codec/cloudevents.h"
#include "eventstore/rocks_event_log.h"

namespace dealstream::kafka::testing {

// Appends `count` events spread over `streams` streams, `per_append` events
// per append, each with a distinct JSON payload. Returns the last position.
uint64_t AppendEvents(eventstore::EventLog& log, int count, int streams, int per_append = 1,
                      const std::string& stream_prefix = "deal");

// Every event of the log, in position order.
std::vector<eventstore::RecordedEvent> ReadLog(const eventstore::EventLog& log);

// One consumed message, decoded with the codec.
struct Consumed {
  int32_t partition = 0;
  int64_t offset = 0;
  std::string key;
  std::vector<codec::KafkaHeader> headers;
  std::string value;
  std::optional<eventstore::RecordedEvent> event;  // empty if it does not parse
};

// Reads every partition of `topic` from the beginning until each is at its
// end and at least `min_messages` were read, or `timeout_ms` passes.
std::vector<Consumed> ReadTopic(const std::string& brokers, const std::string& topic,
                                size_t min_messages, int timeout_ms = 60000);

// The same, read by kcat (`kcat -C -e -J`), an independent client: used
// where a test must not trust our own librdkafka code to read what it wrote.
std::vector<Consumed> ReadTopicWithKcat(const std::string& brokers, const std::string& topic);

// Creates `topic` with `partitions` partitions (replication factor 1).
Status CreateTopic(const std::string& brokers, const std::string& topic, int partitions);

// Produces `messages` to `partition` of `topic`, in order, and waits for
// every delivery. False if any failed.
bool ProduceRaw(const std::string& brokers, const std::string& topic, int32_t partition,
                const std::vector<codec::KafkaMessage>& messages);

// A topic name no other test run uses.
std::string UniqueTopic(const std::string& name);

// What consumers of R9 can rely on, checked on messages in partition and
// offset order: every position of 1..`head` is present; a message whose
// position is not above every position seen before in its partition is a
// duplicate of an event already delivered (same hash); the first
// occurrences of each stream come in version order. Returns an empty string
// when all hold, else the first violation. Counts duplicates.
std::string CheckDeliveryContract(const std::vector<Consumed>& messages,
                                  const std::vector<eventstore::RecordedEvent>& log_events,
                                  uint64_t* duplicates);

// The real broker started by the CTest fixture (scripts/kafka start):
// DEALSTREAM_KAFKA_DIR names its directory. Empty when not set.
std::string FixtureBrokerDir();
// The address in that directory's `bootstrap` file.
std::string FixtureBrokers();
// A port scripts/kafka kept in the fixture's server.properties as
// "# NAME=PORT" (broker-port, proxied-port, proxy-port); 0 if absent.
int FixturePort(const std::string& name);
// Runs `scripts/kafka ARGS --dir <fixture dir>`; returns its exit status.
int RunKafkaScript(const std::string& args);

}  // namespace dealstream::kafka::testing
