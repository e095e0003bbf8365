#include "kafka/metrics_text.h"

#include <cstdio>

namespace dealstream::kafka {
namespace {

void Family(std::string* out, const char* name, const char* type, const char* help, double value) {
  char line[512];
  std::snprintf(line, sizeof line, "# HELP %s %s\n# TYPE %s %s\n%s %.15g\n", name, help, name, type,
                name, value);
  out->append(line);
}

double Seconds(int64_t ms) { return static_cast<double>(ms) / 1000.0; }

}  // namespace

void AppendRelayMetrics(const RelayStats& s, std::string* out) {
  Family(out, "dealstream_kafka_relay_published_position", "gauge",
         "Every event up to this log position is in Kafka.",
         static_cast<double>(s.published_position));
  Family(out, "dealstream_kafka_relay_lag_events", "gauge",
         "Events in the log not yet acknowledged by Kafka.", static_cast<double>(s.lag_events));
  Family(out, "dealstream_kafka_relay_lag_seconds", "gauge",
         "Age of the oldest event not yet acknowledged by Kafka.", Seconds(s.lag_ms));
  Family(out, "dealstream_kafka_relay_messages_delivered_total", "counter",
         "Successful delivery reports, repeats included.",
         static_cast<double>(s.messages_delivered));
  Family(out, "dealstream_kafka_relay_delivery_failures_total", "counter",
         "Failed delivery reports.", static_cast<double>(s.delivery_failures));
  Family(out, "dealstream_kafka_relay_rewinds_total", "counter",
         "Times the relay restarted production from its checkpoint.",
         static_cast<double>(s.rewinds));
}

void AppendFollowerMetrics(const FollowerStats& s, std::string* out) {
  Family(out, "dealstream_kafka_follower_applied_position", "gauge",
         "Head position of the follower's log copy.", static_cast<double>(s.applied_position));
  Family(out, "dealstream_kafka_follower_lag_events", "gauge",
         "Messages in the topic not yet applied to the copy.", static_cast<double>(s.lag_events));
  Family(out, "dealstream_kafka_follower_lag_seconds", "gauge",
         "Age of the oldest known event not yet applied; 0 when caught up.", Seconds(s.lag_ms));
  Family(out, "dealstream_kafka_follower_apply_latency_seconds", "gauge",
         "From the leader recording the newest applied event to its being readable here.",
         Seconds(s.last_apply_latency_ms));
  Family(out, "dealstream_kafka_follower_messages_read_total", "counter",
         "Messages read from the topic since start.", static_cast<double>(s.messages_read));
  Family(out, "dealstream_kafka_follower_duplicates_dropped_total", "counter",
         "Repeated positions dropped since start.", static_cast<double>(s.duplicates_dropped));
  Family(out, "dealstream_kafka_follower_buffered_events", "gauge",
         "Events waiting for a missing earlier position.", static_cast<double>(s.buffered));
  Family(out, "dealstream_kafka_follower_stopped", "gauge",
         "1 when the follower stopped on an error (see /readyz), else 0.", s.stopped ? 1 : 0);
  Family(out, "dealstream_kafka_follower_connected", "gauge",
         "1 when the Kafka cluster answered the follower's latest request, else 0.",
         s.connected ? 1 : 0);
}

bool FollowerReady(const FollowerStats& s, std::chrono::milliseconds max_lag) {
  return FollowerNotReadyReason(s, max_lag).empty();
}

std::string FollowerNotReadyReason(const FollowerStats& s, std::chrono::milliseconds max_lag) {
  const std::string where = " (copy at position " + std::to_string(s.applied_position) + ", " +
                            std::to_string(s.lag_events) + " events behind)";
  if (s.stopped) return "the follower stopped and applies nothing more: " + s.error;
  if (!s.connected) {
    return "no answer from the Kafka cluster" +
           (s.last_client_error.empty() ? std::string() : ": " + s.last_client_error) + where;
  }
  if (!s.caught_up_once) {
    return "has not yet read every partition of the topic to its end since start" +
           (s.last_client_error.empty() ? std::string() : " (last client error: " +
                                                              s.last_client_error + ")") +
           where;
  }
  if (s.lag_ms > max_lag.count()) {
    return std::to_string(s.lag_ms) + " ms behind the topic, more than the " +
           std::to_string(max_lag.count()) + " ms allowed" + where;
  }
  return "";
}

}  // namespace dealstream::kafka
