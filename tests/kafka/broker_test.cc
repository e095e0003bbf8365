// Relay and follower against a real Apache Kafka broker (scripts/kafka,
// started by the CTest fixture `kafka_broker`): read back by kcat, an
// independent client; the broker killed with SIGKILL and restarted during
// relay, and its answers held past the producer's request timeout (R9); a
// follower converging to the leader's log.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "kafka/follower.h"
#include "kafka/relay.h"
#include "kafka/relay_checkpoint.h"
#include "kafka_testing.h"
#include "log_fixture.h"
#include "stalling_proxy.h"

namespace dealstream::kafka {
namespace {

using eventstore::Durability;
using eventstore::GlobalPosition;
using eventstore::RecordedEvent;
using eventstore::testing::OpenRocks;
using eventstore::testing::TempDir;
using namespace std::chrono_literals;
using namespace testing;

std::string Describe(const RelayStats& s) {
  return "relay published " + std::to_string(s.published_position) + " of " +
         std::to_string(s.log_head) + ", rewinds " + std::to_string(s.rewinds) +
         ", last error: " + s.last_error;
}

std::string Describe(const FollowerStats& s) {
  return "follower applied " + std::to_string(s.applied_position) + ", lag " +
         std::to_string(s.lag_events) + ", read " + std::to_string(s.messages_read) +
         ", buffered " + std::to_string(s.buffered) + ", stopped: " + s.error +
         ", client error: " + s.last_client_error;
}

class KafkaBrokerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(FixtureBrokerDir().empty())
        << "DEALSTREAM_KAFKA_DIR is not set: run through ctest, whose fixture starts the broker";
    brokers_ = FixtureBrokers();
    ASSERT_FALSE(brokers_.empty()) << "no bootstrap file in " << FixtureBrokerDir();
  }

  RelayOptions RelayTo(const std::string& topic, const TempDir& dir) const {
    RelayOptions o;
    o.brokers = brokers_;
    o.topic = topic;
    o.checkpoint_path = RelayCheckpointPath(dir.path(), topic);
    return o;
  }

  static bool WaitForCopy(const Follower& follower, uint64_t head, std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      const FollowerStats s = follower.stats();
      if (s.applied_position >= head || s.stopped) return s.applied_position >= head;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }

  std::string brokers_;
};

TEST_F(KafkaBrokerTest, RelayedEventsReadBackWithKcatAreTheLog) {
  const std::string topic = UniqueTopic("kcat");
  ASSERT_EQ(CreateTopic(brokers_, topic, 3).message(), "");
  TempDir dir;
  auto leader = OpenRocks(dir.path(), Durability::kOs);
  const uint64_t head = AppendEvents(*leader, 2000, 50, 2);
  auto relay = Relay::Start(RelayTo(topic, dir), *leader);
  ASSERT_TRUE(relay.ok()) << relay.error().message();
  ASSERT_TRUE((*relay)->WaitForPublished(GlobalPosition{head}, 60s)) << Describe((*relay)->stats());

  const std::vector<Consumed> messages = ReadTopicWithKcat(brokers_, topic);
  const std::vector<RecordedEvent> log_events = ReadLog(*leader);
  ASSERT_EQ(messages.size(), head);
  uint64_t duplicates = 0;
  // Per message: key = stream, CloudEvents JSON identical to the log's
  // export of that event; per stream: versions in order; nothing missing.
  EXPECT_EQ(CheckDeliveryContract(messages, log_events, &duplicates), "");
  EXPECT_EQ(duplicates, 0u);
  const Consumed& first = messages.front();
  auto header = [&](const std::string& name) {
    for (const auto& h : first.headers) {
      if (h.name == name) return h.value;
    }
    return std::string("<absent>");
  };
  EXPECT_EQ(header("ce_specversion"), "1.0");
  EXPECT_EQ(header("content-type"), "application/json");
  EXPECT_EQ(header("ce_stream"), first.key);
}

TEST_F(KafkaBrokerTest, BrokerKilledAndRestartedDuringRelayLosesNothing) {
  const std::string topic = UniqueTopic("kill9");
  ASSERT_EQ(CreateTopic(brokers_, topic, 2).message(), "");
  TempDir dir, copy_dir;
  auto leader = OpenRocks(dir.path(), Durability::kOs);
  auto copy = OpenRocks(copy_dir.path(), Durability::kOs);
  auto relay = Relay::Start(RelayTo(topic, dir), *leader);
  ASSERT_TRUE(relay.ok()) << relay.error().message();
  auto follower = Follower::Start({.brokers = brokers_, .topic = topic}, *copy);
  ASSERT_TRUE(follower.ok()) << follower.error().message();

  std::atomic<bool> broker_down{false};
  std::atomic<uint64_t> appends_while_down{0}, failed_appends{0};
  std::jthread writer([&](std::stop_token stop) {
    while (!stop.stop_requested()) {
      if (AppendEvents(*leader, 20, 40, 2) == 0) ++failed_appends;
      if (broker_down) ++appends_while_down;
      std::this_thread::sleep_for(5ms);
    }
  });
  ASSERT_TRUE((*relay)->WaitForPublished(GlobalPosition{1000}, 60s)) << Describe((*relay)->stats());
  broker_down = true;
  ASSERT_EQ(RunKafkaScript("kill"), 0);
  // The follower notices (for /readyz) that the cluster is gone.
  const auto noticed_by = std::chrono::steady_clock::now() + 60s;
  while ((*follower)->stats().connected && std::chrono::steady_clock::now() < noticed_by) {
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_FALSE((*follower)->stats().connected) << Describe((*follower)->stats());
  ASSERT_EQ(RunKafkaScript("start"), 0);
  broker_down = false;
  std::this_thread::sleep_for(1s);
  writer.request_stop();
  writer.join();

  // Publishing never held up the log: appends went on while Kafka was gone.
  EXPECT_GT(appends_while_down.load(), 0u);
  EXPECT_EQ(failed_appends.load(), 0u);
  const uint64_t head = leader->Head().position.value;
  ASSERT_TRUE((*relay)->WaitForPublished(GlobalPosition{head}, 90s)) << Describe((*relay)->stats());

  const std::vector<Consumed> messages = ReadTopicWithKcat(brokers_, topic);
  uint64_t duplicates = 0;
  EXPECT_EQ(CheckDeliveryContract(messages, ReadLog(*leader), &duplicates), "");
  RecordProperty("events", std::to_string(head));
  RecordProperty("duplicates", std::to_string(duplicates));
  RecordProperty("rewinds", std::to_string((*relay)->stats().rewinds));

  ASSERT_TRUE(WaitForCopy(**follower, head, 60s)) << Describe((*follower)->stats());
  EXPECT_EQ(copy->Head().hash, leader->Head().hash);
  EXPECT_TRUE((*follower)->stats().connected) << Describe((*follower)->stats());
}

// The relay's producer times out on requests the broker has carried out:
// the proxy in front of the broker's PROXIED listener holds the broker's
// answers for 2.5 s, four times, against a request timeout of 1 s
// (socket.timeout.ms; librdkafka's request.timeout.ms is the broker's). The
// producer gives up on the connection, reconnects and sends again what it
// does not know to be stored; the broker's idempotence (sequence numbers)
// must keep every stream in order with nothing lost (R9). This is the case
// librdkafka's mock cluster does not model (mock_cluster_test.cc).
TEST_F(KafkaBrokerTest, AnswersHeldPastTheRequestTimeoutLoseNothingAndKeepOrder) {
  const int proxied_port = FixturePort("proxied-port");
  const int proxy_port = FixturePort("proxy-port");
  ASSERT_GT(proxied_port, 0) << "no PROXIED listener in " << FixtureBrokerDir();
  auto proxy = StallingProxy::Start(proxy_port, proxied_port);
  ASSERT_TRUE(proxy.ok()) << proxy.error().message();

  const std::string topic = UniqueTopic("stall");
  ASSERT_EQ(CreateTopic(brokers_, topic, 2).message(), "");
  TempDir dir;
  auto leader = OpenRocks(dir.path(), Durability::kOs);
  RelayOptions options = RelayTo(topic, dir);
  options.brokers = "127.0.0.1:" + std::to_string(proxy_port);
  options.librdkafka = {{"socket.timeout.ms", "1000"}};
  auto relay = Relay::Start(options, *leader);
  ASSERT_TRUE(relay.ok()) << relay.error().message();

  std::atomic<uint64_t> failed_appends{0};
  std::jthread writer([&](std::stop_token stop) {
    while (!stop.stop_requested()) {
      if (AppendEvents(*leader, 20, 40, 2) == 0) ++failed_appends;
      std::this_thread::sleep_for(5ms);
    }
  });
  ASSERT_TRUE((*relay)->WaitForPublished(GlobalPosition{500}, 60s)) << Describe((*relay)->stats());
  const int connections_before = (*proxy)->connections();
  for (int stall = 0; stall < 4; ++stall) {
    (*proxy)->Stall(true);
    std::this_thread::sleep_for(2500ms);
    (*proxy)->Stall(false);
    std::this_thread::sleep_for(1500ms);
  }
  writer.request_stop();
  writer.join();
  EXPECT_EQ(failed_appends.load(), 0u);
  const uint64_t head = leader->Head().position.value;
  ASSERT_TRUE((*relay)->WaitForPublished(GlobalPosition{head}, 90s)) << Describe((*relay)->stats());
  // The producer did time out: it dropped its connections and made new ones.
  EXPECT_GE((*proxy)->connections() - connections_before, 2) << Describe((*relay)->stats());

  // Read straight from the broker, not through the proxy.
  const std::vector<Consumed> messages = ReadTopicWithKcat(brokers_, topic);
  uint64_t duplicates = 0;
  EXPECT_EQ(CheckDeliveryContract(messages, ReadLog(*leader), &duplicates), "");
  // Resending after a timeout duplicates nothing: the broker recognises the
  // batches it stored by their sequence numbers. (Only a rewind — a new
  // producer starting again from the checkpoint — may publish events again.)
  if ((*relay)->stats().rewinds == 0) EXPECT_EQ(duplicates, 0u);
  RecordProperty("events", std::to_string(head));
  RecordProperty("duplicates", std::to_string(duplicates));
  RecordProperty("rewinds", std::to_string((*relay)->stats().rewinds));
  RecordProperty("reconnections", std::to_string((*proxy)->connections() - connections_before));
}

TEST_F(KafkaBrokerTest, FollowerConvergesToTheLeadersLogAndResumes) {
  const std::string topic = UniqueTopic("follow");
  ASSERT_EQ(CreateTopic(brokers_, topic, 3).message(), "");
  TempDir dir, copy_dir;
  auto leader = OpenRocks(dir.path(), Durability::kOs);
  AppendEvents(*leader, 3000, 60, 3);
  // The largest event the log takes (1 MiB payload) fits through Kafka too.
  eventstore::AppendRequest big{.stream = *eventstore::StreamName::Parse("deal-big")};
  big.events.push_back({.type = "crm.test.big.v1",
                        .data = R"({"blob":")" + std::string((1 << 20) - 16, 'b') + R"("})"});
  auto appended = leader->Append(big);
  ASSERT_TRUE(appended.ok()) << appended.error().message;
  uint64_t head = appended->last_position.value;
  auto relay = Relay::Start(RelayTo(topic, dir), *leader);
  ASSERT_TRUE(relay.ok());
  {
    auto copy = OpenRocks(copy_dir.path());
    auto follower = Follower::Start({.brokers = brokers_, .topic = topic}, *copy);
    ASSERT_TRUE(follower.ok());
    ASSERT_TRUE(WaitForCopy(**follower, head, 60s)) << Describe((*follower)->stats());
    EXPECT_EQ(copy->Head().hash, leader->Head().hash);
    const FollowerStats stats = (*follower)->stats();
    EXPECT_EQ(stats.lag_events, 0u);
    EXPECT_EQ(stats.duplicates_dropped, 0u);
  }
  head = AppendEvents(*leader, 300, 60, 3);
  auto copy = OpenRocks(copy_dir.path());
  auto follower = Follower::Start({.brokers = brokers_, .topic = topic}, *copy);
  ASSERT_TRUE(follower.ok());
  ASSERT_TRUE(WaitForCopy(**follower, head, 60s)) << Describe((*follower)->stats());
  // Resumed from the cursor stored in the copy, not from the topic's start.
  EXPECT_LE((*follower)->stats().messages_read, 300u);

  const std::vector<RecordedEvent> original = ReadLog(*leader);
  const std::vector<RecordedEvent> replica = ReadLog(*copy);
  ASSERT_EQ(replica.size(), original.size());
  for (size_t i = 0; i < original.size(); ++i) {
    ASSERT_EQ(codec::ToCloudEventJson(replica[i]), codec::ToCloudEventJson(original[i])) << i;
  }
  const eventstore::VerifyReport report = copy->Verify();
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(copy->Head().hash, leader->Head().hash);
}

}  // namespace
}  // namespace dealstream::kafka
