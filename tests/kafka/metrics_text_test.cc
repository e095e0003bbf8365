#include "kafka/metrics_text.h"

#include <gtest/gtest.h>

namespace dealstream::kafka {
namespace {

TEST(KafkaMetricsTextTest, RelayFamiliesCarryTheStats) {
  std::string out;
  AppendRelayMetrics(
      {.published_position = 120, .log_head = 130, .lag_events = 10, .lag_ms = 2500, .rewinds = 3},
      &out);
  EXPECT_NE(out.find("# TYPE dealstream_kafka_relay_lag_events gauge\n"
                     "dealstream_kafka_relay_lag_events 10\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\ndealstream_kafka_relay_lag_seconds 2.5\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\ndealstream_kafka_relay_published_position 120\n"), std::string::npos);
  EXPECT_NE(out.find("# TYPE dealstream_kafka_relay_rewinds_total counter\n"
                     "dealstream_kafka_relay_rewinds_total 3\n"),
            std::string::npos);
}

TEST(KafkaMetricsTextTest, FollowerFamiliesAndReadiness) {
  FollowerStats s{.applied_position = 7, .lag_events = 2, .lag_ms = 40, .stopped = false};
  std::string out;
  AppendFollowerMetrics(s, &out);
  EXPECT_NE(out.find("\ndealstream_kafka_follower_applied_position 7\n"), std::string::npos);
  EXPECT_NE(out.find("\ndealstream_kafka_follower_lag_seconds 0.04\n"), std::string::npos);
  EXPECT_NE(out.find("\ndealstream_kafka_follower_stopped 0\n"), std::string::npos);

  EXPECT_NE(out.find("\ndealstream_kafka_follower_connected 0\n"), std::string::npos);

  s.last_client_error = "Local: All broker connections are down";
  EXPECT_FALSE(FollowerReady(s));
  EXPECT_EQ(FollowerNotReadyReason(s),
            "no answer from the Kafka cluster: Local: All broker connections are down "
            "(copy at position 7, 2 events behind)");
  s.connected = true;
  s.last_client_error.clear();
  EXPECT_FALSE(FollowerReady(s));  // never caught up yet
  EXPECT_EQ(FollowerNotReadyReason(s),
            "has not yet read every partition of the topic to its end since start "
            "(copy at position 7, 2 events behind)");
  s.caught_up_once = true;
  EXPECT_TRUE(FollowerReady(s));
  EXPECT_EQ(FollowerNotReadyReason(s), "");
  s.lag_ms = 6000;
  EXPECT_FALSE(FollowerReady(s));
  EXPECT_EQ(FollowerNotReadyReason(s),
            "6000 ms behind the topic, more than the 5000 ms allowed "
            "(copy at position 7, 2 events behind)");
  EXPECT_TRUE(FollowerReady(s, std::chrono::milliseconds(10000)));
  s.stopped = true;
  s.error = "position 8 is missing";
  EXPECT_FALSE(FollowerReady(s, std::chrono::milliseconds(10000)));
  EXPECT_EQ(FollowerNotReadyReason(s),
            "the follower stopped and applies nothing more: position 8 is missing");
}

}  // namespace
}  // namespace dealstream::kafka
