// `dealstream serve --follow` end to end: real processes, real HTTP over
// loopback, the real broker of the CTest fixture. A leader serves commands
// and relays its log; a follower with its own data directory converges to
// the same events, projections and records, honours a token created on the
// leader, refuses writes naming the leader's topic, and reports its lag on
// /metrics and /readyz.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "api/json_util.h"
#include "kafka_testing.h"
#include "log_fixture.h"
#include "serve_process.h"

namespace dealstream::kafka {
namespace {

using eventstore::testing::TempDir;
using namespace std::chrono_literals;
using namespace testing;

constexpr auto kStartTimeout = 120s;
constexpr auto kConvergeTimeout = 180s;

// Every event the server's feed shows, as JSON texts in position order.
std::vector<std::string> AllEvents(const ServeProcess& server, const std::string& token) {
  std::vector<std::string> events;
  uint64_t from = 1;
  for (;;) {
    api::Response r = server.Call("GET", "/v1/events?limit=1000&from=" + std::to_string(from), token);
    if (r.status != 200) return {"HTTP " + std::to_string(r.status) + ": " + r.body};
    const nlohmann::json page = api::ParseJson(r.body);
    if (page["events"].empty()) return events;
    for (const auto& e : page["events"]) events.push_back(e.dump());
    from = page["next"].get<uint64_t>();
  }
}

// The server's event count once it has not grown for a second: process
// managers append their follow-up events after the command's reply.
size_t SettledEventCount(const ServeProcess& server, const std::string& token) {
  size_t last = AllEvents(server, token).size();
  const auto deadline = std::chrono::steady_clock::now() + kConvergeTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(1s);
    const size_t now = AllEvents(server, token).size();
    if (now == last) break;
    last = now;
  }
  return last;
}

// What must be equal on leader and follower.
struct ReadSide {
  std::vector<std::string> events;
  std::string funnel, customer, opportunity;
  bool operator==(const ReadSide&) const = default;
};

ReadSide Read(const ServeProcess& server, const std::string& token) {
  auto body = [&](const std::string& target) {
    api::Response r = server.Call("GET", target, token);
    return std::to_string(r.status) + " " + r.body;
  };
  return {.events = AllEvents(server, token),
          .funnel = body("/v1/projections/funnel"),
          .customer = body("/v1/customers/c1"),
          .opportunity = body("/v1/opportunities/o1")};
}

// Polls until the follower reads what the leader reads (and the leader has
// at least `min_events`); returns the last pair seen.
std::pair<ReadSide, ReadSide> AwaitSameReads(const ServeProcess& leader,
                                             const ServeProcess& follower,
                                             const std::string& token, size_t min_events) {
  std::pair<ReadSide, ReadSide> seen;
  const auto deadline = std::chrono::steady_clock::now() + kConvergeTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    seen = {Read(leader, token), Read(follower, token)};
    if (seen.first.events.size() >= min_events && seen.first == seen.second) return seen;
    std::this_thread::sleep_for(200ms);
  }
  return seen;
}

// The value of an unlabelled sample in Prometheus text; -1 when absent.
double Sample(const std::string& metrics, const std::string& name) {
  const std::string line = "\n" + name + " ";
  const size_t at = metrics.find(line);
  if (at == std::string::npos) return -1;
  return std::stod(metrics.substr(at + line.size()));
}

class FollowerNodeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(FixtureBrokerDir().empty())
        << "DEALSTREAM_KAFKA_DIR is not set: run through ctest, whose fixture starts the broker";
    brokers_ = FixtureBrokers();
    ASSERT_FALSE(brokers_.empty());
    topic_ = UniqueTopic("node");
    ASSERT_EQ(CreateTopic(brokers_, topic_, 3).message(), "");
  }

  std::string Logs(const std::string& name) const { return logs_.path() + "/" + name; }

  std::string brokers_, topic_;
  TempDir logs_;
};

TEST_F(FollowerNodeTest, FollowerServesTheLeadersReadsAndRefusesWrites) {
  TempDir leader_dir, follower_dir;
  ServeProcess leader({"serve", "--data", leader_dir.path(), "--listen", "127.0.0.1:0",
                       "--durability", "os", "--kafka-brokers", brokers_, "--kafka-topic", topic_},
                      Logs("leader"));
  ASSERT_TRUE(leader.WaitListening(kStartTimeout)) << leader.Stdout() << leader.StderrTail();
  const std::string banner = leader.Stdout();
  const size_t at = banner.find("Admin token: ");
  ASSERT_NE(at, std::string::npos) << banner;
  const std::string admin = banner.substr(at + 13, banner.find('\n', at) - at - 13);

  auto post = [&](const std::string& type, const std::string& body) {
    api::Response r = leader.Call("POST", "/v1/commands/" + type, admin, body);
    EXPECT_EQ(r.status, 201) << type << ": " << r.body;
  };
  post("CreateDepartment", R"({"id":"hq","name":"HQ"})");
  post("HireEmployee", R"({"id":"e1","name":"Ann","department_id":"hq","role":"sales"})");
  for (int i = 1; i <= 12; ++i) {
    const std::string n = std::to_string(i);
    post("RegisterCustomer", R"({"id":"c)" + n + R"(","name":"Customer )" + n +
                                 R"(","owner_id":"e1"})");
    post("OpenOpportunity", R"({"id":"o)" + n + R"(","customer_id":"c)" + n +
                                R"(","title":"Deal )" + n + R"(","owner_id":"e1",
        "amount":{"amount":")" + n + R"(000.00","currency":"USD"},
        "expected_close_date":"2030-06-30"})");
  }
  // A token created on the leader: an event of "system-tokens".
  api::Response granted = leader.Call("POST", "/v1/admin/tokens", admin,
                                      R"({"employee_id":"e1","role":"analyst"})");
  ASSERT_EQ(granted.status, 201) << granted.body;
  const std::string analyst = api::ParseJson(granted.body)["token"];
  const size_t written = SettledEventCount(leader, admin);
  ASSERT_GE(written, 27u);

  ServeProcess follower({"serve", "--data", follower_dir.path(), "--listen", "127.0.0.1:0",
                         "--durability", "os", "--follow", brokers_ + "/" + topic_},
                        Logs("follower"));
  ASSERT_TRUE(follower.WaitListening(kStartTimeout)) << follower.Stdout() << follower.StderrTail();
  // No admin token of its own: tokens come from the leader.
  EXPECT_EQ(follower.Stdout().find("Admin token"), std::string::npos) << follower.Stdout();
  EXPECT_NE(follower.Stdout().find("Read-only replica of Kafka topic " + topic_), std::string::npos)
      << follower.Stdout();

  auto [on_leader, on_follower] = AwaitSameReads(leader, follower, admin, written);
  ASSERT_EQ(on_follower.events.size(), on_leader.events.size()) << follower.StderrTail();
  EXPECT_EQ(on_follower.events, on_leader.events);
  EXPECT_EQ(on_follower.funnel, on_leader.funnel);
  EXPECT_EQ(on_follower.customer, on_leader.customer);
  EXPECT_EQ(on_follower.opportunity, on_leader.opportunity);
  EXPECT_EQ(on_leader.funnel.substr(0, 4), "200 ") << on_leader.funnel;
  EXPECT_EQ(on_leader.opportunity.substr(0, 4), "200 ") << on_leader.opportunity;
  // The leader's analyst token works here too.
  EXPECT_EQ(follower.Call("GET", "/v1/projections/funnel", analyst).status, 200);

  // Writes are refused, naming the topic and brokers the leader publishes to.
  api::Response refused = follower.Call("POST", "/v1/commands/RegisterCustomer", admin,
                                        R"({"id":"c99","name":"Nope","owner_id":"e1"})");
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.headers.Get("Content-Type").value_or(""), "application/problem+json");
  const nlohmann::json problem = api::ParseJson(refused.body);
  EXPECT_EQ(problem["code"], "read_only_replica") << refused.body;
  EXPECT_NE(problem["detail"].get<std::string>().find("follows " + topic_ + " at " + brokers_),
            std::string::npos) << refused.body;
  EXPECT_NE(problem["detail"].get<std::string>().find("leader"), std::string::npos);
  EXPECT_EQ(follower.Call("POST", "/v1/admin/tokens", admin,
                          R"({"employee_id":"e1","role":"analyst"})").status,
            503);

  // Lag on /readyz and /metrics: ready, and every event applied.
  api::Response ready = follower.Call("GET", "/readyz", admin);
  const auto ready_by = std::chrono::steady_clock::now() + kConvergeTimeout;
  while (ready.status != 200 && std::chrono::steady_clock::now() < ready_by) {
    std::this_thread::sleep_for(200ms);
    ready = follower.Call("GET", "/readyz", admin);
  }
  EXPECT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(api::ParseJson(ready.body)["checks"]["kafka follower caught up"], true) << ready.body;
  // The gauges are sampled, not pushed: give them until the converge timeout.
  std::string metrics = follower.Call("GET", "/metrics", admin).body;
  std::string leader_metrics = leader.Call("GET", "/metrics", admin).body;
  const auto sampled_by = std::chrono::steady_clock::now() + kConvergeTimeout;
  while ((Sample(metrics, "dealstream_kafka_follower_applied_position") != written ||
          Sample(leader_metrics, "dealstream_kafka_relay_published_position") != written) &&
         std::chrono::steady_clock::now() < sampled_by) {
    std::this_thread::sleep_for(200ms);
    metrics = follower.Call("GET", "/metrics", admin).body;
    leader_metrics = leader.Call("GET", "/metrics", admin).body;
  }
  EXPECT_EQ(Sample(metrics, "dealstream_kafka_follower_applied_position"),
            static_cast<double>(written)) << metrics;
  EXPECT_EQ(Sample(metrics, "dealstream_kafka_follower_lag_events"), 0) << metrics;
  EXPECT_EQ(Sample(metrics, "dealstream_kafka_follower_lag_seconds"), 0) << metrics;
  EXPECT_EQ(Sample(metrics, "dealstream_kafka_follower_connected"), 1) << metrics;
  EXPECT_EQ(Sample(metrics, "dealstream_kafka_follower_stopped"), 0) << metrics;
  EXPECT_EQ(Sample(leader_metrics, "dealstream_kafka_relay_published_position"),
            static_cast<double>(written)) << leader_metrics;

  // Stopped, the copy is guarded: no leader may run on it, no token be
  // appended to it; restarted, the follower resumes and catches up.
  EXPECT_EQ(follower.Stop(), 0) << follower.StderrTail();
  RunResult as_leader = RunDealstream({"serve", "--data", follower_dir.path(), "--listen",
                                       "127.0.0.1:0"}, Logs("as-leader"));
  EXPECT_EQ(as_leader.code, 2);
  EXPECT_NE(as_leader.err.find("read replica of Kafka topic " + topic_), std::string::npos)
      << as_leader.err;
  RunResult token = RunDealstream({"token", "create", "--data", follower_dir.path(), "--role",
                                   "admin"}, Logs("token"));
  EXPECT_EQ(token.code, 2);
  EXPECT_NE(token.err.find("read replica"), std::string::npos) << token.err;

  post("RegisterCustomer", R"({"id":"c13","name":"Late","owner_id":"e1"})");
  post("WinOpportunity", R"({"opportunity_id":"o1"})");
  ServeProcess again({"serve", "--data", follower_dir.path(), "--listen", "127.0.0.1:0",
                      "--durability", "os", "--follow", brokers_ + "/" + topic_},
                     Logs("follower-again"));
  ASSERT_TRUE(again.WaitListening(kStartTimeout)) << again.StderrTail();
  std::tie(on_leader, on_follower) = AwaitSameReads(leader, again, admin, written + 2);
  EXPECT_EQ(on_follower, on_leader) << again.StderrTail();
  EXPECT_NE(on_follower.opportunity.find("won"), std::string::npos) << on_follower.opportunity;
  const std::string resumed = again.Call("GET", "/metrics", admin).body;
  // Read from its stored cursor, not from the topic's start.
  EXPECT_LT(Sample(resumed, "dealstream_kafka_follower_messages_read_total"),
            static_cast<double>(written)) << resumed;
  EXPECT_EQ(again.Stop(), 0) << again.StderrTail();
  EXPECT_EQ(leader.Stop(), 0) << leader.StderrTail();

  RunResult verified = RunDealstream({"verify", "--data", follower_dir.path()}, Logs("verify"));
  EXPECT_EQ(verified.code, 0) << verified.out << verified.err;
}

TEST_F(FollowerNodeTest, FollowerOfAnUnreachableClusterIsNotReadyAndSaysWhy) {
  TempDir follower_dir;
  // Port 1 on loopback: nothing listens there.
  ServeProcess follower({"serve", "--data", follower_dir.path(), "--listen", "127.0.0.1:0",
                         "--durability", "os", "--follow", "127.0.0.1:1/" + topic_},
                        Logs("unreachable"));
  ASSERT_TRUE(follower.WaitListening(kStartTimeout)) << follower.StderrTail();
  // Not a single token exists here: only the process-local one of
  // `token create`, which goes through the server and is refused too.
  RunResult token = RunDealstream({"token", "create", "--data", follower_dir.path(), "--role",
                                   "admin"}, Logs("token"));
  EXPECT_EQ(token.code, 1);
  EXPECT_NE(token.err.find("read-only replica"), std::string::npos) << token.err;
  // Local tools' process-only credential (serve.json) reads /readyz.
  std::ifstream note_file(follower_dir.path() + "/serve.json");
  const nlohmann::json note = nlohmann::json::parse(note_file, nullptr, false);
  ASSERT_TRUE(note.is_object() && note["token"].is_string());
  const std::string local = note["token"];
  api::Response ready = follower.Call("GET", "/readyz", local);
  EXPECT_EQ(ready.status, 503) << ready.body;
  const nlohmann::json body = api::ParseJson(ready.body);
  EXPECT_EQ(body["checks"]["kafka follower caught up"], false) << ready.body;
  EXPECT_NE(body["reasons"]["kafka follower caught up"].get<std::string>().find(
                "no answer from the Kafka cluster"),
            std::string::npos) << ready.body;
  const std::string metrics = follower.Call("GET", "/metrics", local).body;
  EXPECT_EQ(Sample(metrics, "dealstream_kafka_follower_connected"), 0) << metrics;
  EXPECT_EQ(Sample(metrics, "dealstream_kafka_follower_applied_position"), 0) << metrics;
  EXPECT_EQ(follower.Stop(), 0) << follower.StderrTail();
}

TEST_F(FollowerNodeTest, FollowFlagIsCheckedAtStart) {
  TempDir dir;
  RunResult bad = RunDealstream({"serve", "--data", dir.path(), "--follow", "no-topic"},
                                Logs("bad"));
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("--follow"), std::string::npos) << bad.err;
  bad = RunDealstream({"serve", "--data", dir.path(), "--follow", brokers_ + "/" + topic_,
                       "--demo"}, Logs("demo"));
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("read-only replica"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace dealstream::kafka
