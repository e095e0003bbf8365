// Relay and follower statistics as Prometheus text (exposition format
// 0.0.4), for the API's /metrics collectors, and the follower's readiness
// rule for /readyz. Kept here so that the metric names live beside the
// numbers they describe; no HTTP or API types are involved.
//
//   dealstream_kafka_relay_published_position       gauge
//   dealstream_kafka_relay_lag_events               gauge
//   dealstream_kafka_relay_lag_seconds              gauge
//   dealstream_kafka_relay_messages_delivered_total counter
//   dealstream_kafka_relay_delivery_failures_total  counter
//   dealstream_kafka_relay_rewinds_total            counter
//   dealstream_kafka_follower_applied_position      gauge
//   dealstream_kafka_follower_lag_events            gauge
//   dealstream_kafka_follower_lag_seconds           gauge
//   dealstream_kafka_follower_apply_latency_seconds gauge (newest event)
//   dealstream_kafka_follower_messages_read_total   counter
//   dealstream_kafka_follower_duplicates_dropped_total counter
//   dealstream_kafka_follower_buffered_events       gauge
//   dealstream_kafka_follower_stopped               gauge, 1 when stopped
//   dealstream_kafka_follower_connected             gauge, 1 when the cluster answers
#pragma once

#include <chrono>
#include <string>

#include "kafka/follower.h"
#include "kafka/relay.h"

namespace dealstream::kafka {

void AppendRelayMetrics(const RelayStats& stats, std::string* out);
void AppendFollowerMetrics(const FollowerStats& stats, std::string* out);

// Ready to serve reads: not stopped, connected to the cluster, caught up
// with the topic at least once since start, and no more than `max_lag`
// behind.
bool FollowerReady(const FollowerStats& stats,
                   std::chrono::milliseconds max_lag = std::chrono::milliseconds(5000));
// Why FollowerReady is false, in one sentence for /readyz (the first rule
// that fails, in the order above); empty when it is true.
std::string FollowerNotReadyReason(
    const FollowerStats& stats, std::chrono::milliseconds max_lag = std::chrono::milliseconds(5000));

}  // namespace dealstream::kafka
