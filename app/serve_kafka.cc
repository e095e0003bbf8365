#include "app/serve_kafka.h"

#include "kafka/metrics_text.h"

namespace dealstream::app {

std::string ReadOnlyDetail(const kafka::FollowTarget& target) {
  return "this node is a read-only replica: it follows " + target.topic + " at " +
         target.brokers + "; send commands and token changes to the leader that publishes " +
         target.topic;
}

Status CheckNotReplica(const eventstore::RocksEventLog& log, const std::string& data_dir,
                       const std::string& what) {
  auto cursor = log.ReplicaCursor();
  if (!cursor.ok()) return cursor.error();
  if (cursor->empty()) return Status::Ok();
  // The stored cursor starts with its topic's name (kafka/reorder_buffer.h).
  const std::string topic = cursor->substr(0, cursor->find('\n'));
  return Status::FailedPrecondition(
      data_dir + " is a read replica of Kafka topic " + topic + " (written by serve --follow): " +
      what + " is refused, since a write here would fork it from the leader's log. Write on the "
      "leader, and serve this directory only with --follow HOST:PORT/" + topic);
}

void AddRelayMetrics(api::Metrics& metrics, const kafka::Relay& relay) {
  metrics.AddCollector(
      [&relay](std::string* out) { kafka::AppendRelayMetrics(relay.stats(), out); });
}

void AddFollowerMetrics(api::Metrics& metrics, const kafka::Follower& follower) {
  metrics.AddCollector(
      [&follower](std::string* out) { kafka::AppendFollowerMetrics(follower.stats(), out); });
}

api::ReadinessCheck FollowerReadiness(const kafka::Follower& follower) {
  return {.name = "kafka follower caught up",
          .ready = [&follower] { return kafka::FollowerReady(follower.stats()); },
          .reason = [&follower] { return kafka::FollowerNotReadyReason(follower.stats()); }};
}

}  // namespace dealstream::app
