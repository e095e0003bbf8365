// P7 (DESIGN §8): Kafka relay throughput to a local broker, and follower lag
// at a steady 5,000 events/s. scripts/bench starts the broker (scripts/kafka)
// and passes its address.
//
// Relay throughput: a log of --events events (~300-byte payloads, 40
// streams) is written first; the clock runs from Relay::Start until every
// event is acknowledged by the broker (acks=all, idempotent producer).
//
// Follower lag: a leader log with a relay and a follower with its own copy,
// all in this process; appends arrive at --rate events/s (one event per
// command, paced by the clock, not by acknowledgements) and, for every
// event, lag = when the event became readable in the follower's copy minus
// when the leader recorded it. The same machine's clock serves both ends.
//
// An unmeasured warm-up round comes first (the broker's JIT and caches).
// Each of --rounds rounds uses fresh logs and a new topic (3 partitions);
// the reported numbers are medians over rounds.
#include <librdkafka/rdkafka.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "eventstore/rocks_event_log.h"
#include "eventstore/subscription.h"
#include "kafka/follower.h"
#include "kafka/relay.h"
#include "kafka/relay_checkpoint.h"

namespace dealstream::bench {
namespace {

using eventstore::GlobalPosition;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

struct Args {
  std::string brokers, scratch, json, markdown;
  double seconds = 5;
  int rounds = 3;
  int events = 200000;
  int rate = 5000;
  std::string only;  // "relay" or "follow": run one half (for tuning)
  std::vector<std::pair<std::string, std::string>> librdkafka;  // --set key=value
};

constexpr int kPartitions = 3;
constexpr int kStreams = 40;

std::string Payload(int n) {
  std::string note(240, 'x');
  return R"({"n":)" + std::to_string(n) + R"(,"amount":{"amount":"125000.00","currency":"USD"},)" +
         R"("note":")" + note + R"("})";
}

eventstore::AppendRequest OneCommand(int n, int events) {
  eventstore::AppendRequest r{
      .stream = *eventstore::StreamName::Make("opportunity", "o" + std::to_string(n % kStreams))};
  for (int k = 0; k < events; ++k) {
    r.events.push_back({.type = "crm.opportunity.noted.v1",
                        .subject = "o" + std::to_string(n % kStreams),
                        .data = Payload(n + k),
                        .metadata = {.actor = "employee-7"}});
  }
  return r;
}

std::unique_ptr<eventstore::RocksEventLog> OpenLog(const std::string& path) {
  std::filesystem::create_directories(path);
  auto log =
      eventstore::RocksEventLog::Open({.path = path, .durability = eventstore::Durability::kOs});
  if (!log.ok()) {
    std::fprintf(stderr, "kafka_bench: %s\n", log.error().ToString().c_str());
    std::exit(1);
  }
  return std::move(*log);
}

bool CreateTopic(const std::string& brokers, const std::string& topic) {
  char error[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  rd_kafka_conf_set(conf, "bootstrap.servers", brokers.c_str(), error, sizeof error);
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
  if (rk == nullptr) return false;
  rd_kafka_NewTopic_t* nt =
      rd_kafka_NewTopic_new(topic.c_str(), kPartitions, 1, error, sizeof error);
  rd_kafka_queue_t* queue = rd_kafka_queue_new(rk);
  rd_kafka_CreateTopics(rk, &nt, 1, nullptr, queue);
  rd_kafka_event_t* ev = rd_kafka_queue_poll(queue, 30000);
  bool ok = ev != nullptr && !rd_kafka_event_error(ev);
  if (ok) {
    size_t n = 0;
    const rd_kafka_topic_result_t** results =
        rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev), &n);
    ok = n == 1 && rd_kafka_topic_result_error(results[0]) == RD_KAFKA_RESP_ERR_NO_ERROR;
  }
  if (ev != nullptr) rd_kafka_event_destroy(ev);
  rd_kafka_NewTopic_destroy(nt);
  rd_kafka_queue_destroy(queue);
  rd_kafka_destroy(rk);
  return ok;
}

kafka::RelayOptions RelayTo(const Args& a, const std::string& topic, const std::string& dir) {
  kafka::RelayOptions o;
  o.brokers = a.brokers;
  o.topic = topic;
  o.checkpoint_path = kafka::RelayCheckpointPath(dir, topic);
  o.librdkafka = a.librdkafka;
  return o;
}

std::string Topic(const char* what, int round) {
  return std::string("bench.p7.") + what + "." + std::to_string(::getpid()) + "." +
         std::to_string(round);
}

// Events per second from relay start to the last acknowledgement.
double RelayRound(const Args& a, int round) {
  const std::string dir = a.scratch + "/relay-" + std::to_string(round);
  const std::string topic = Topic("relay", round);
  if (!CreateTopic(a.brokers, topic)) return -1;
  auto log = OpenLog(dir);
  for (int n = 0; n < a.events; n += 100) {
    if (!log->Append(OneCommand(n, std::min(100, a.events - n))).ok()) return -1;
  }
  const GlobalPosition head = log->Head().position;
  const auto start = Clock::now();
  auto relay = kafka::Relay::Start(RelayTo(a, topic, dir), *log);
  if (!relay.ok() || !(*relay)->WaitForPublished(head, 300s)) return -1;
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return static_cast<double>(head.value) / seconds;
}

struct LagRound {
  double p50_ms = -1, p99_ms = -1, max_ms = -1;
  double achieved_rate = 0;
  size_t samples = 0;
};

double Percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
}

LagRound FollowerRound(const Args& a, int round) {
  LagRound out;
  const std::string base = a.scratch + "/follow-" + std::to_string(round);
  const std::string topic = Topic("follow", round);
  if (!CreateTopic(a.brokers, topic)) return out;
  auto leader = OpenLog(base + "/leader");
  auto copy = OpenLog(base + "/copy");
  auto relay = kafka::Relay::Start(RelayTo(a, topic, base + "/leader"), *leader);
  auto follower = kafka::Follower::Start({.brokers = a.brokers, .topic = topic}, *copy);
  if (!relay.ok() || !follower.ok()) return out;

  // Events of the measured window are those after the warm-up.
  std::atomic<uint64_t> measure_from{UINT64_MAX};
  std::mutex mu;
  std::vector<double> lags;
  eventstore::CatchUpSubscription watch(*copy, GlobalPosition{1}, {}, [&](const auto& e) {
    const double lag = static_cast<double>(Now().micros() - e.recorded_time.micros()) / 1000.0;
    if (e.position.value >= measure_from.load()) {
      std::lock_guard lock(mu);
      lags.push_back(lag);
    }
    return true;
  });

  const auto warmup = 1s;
  const auto measured = std::chrono::duration<double>(a.seconds);
  const auto start = Clock::now();
  std::atomic<int> failures{0};
  uint64_t sent = 0, sent_measured = 0;
  bool measuring = false;
  for (int n = 0;; ++n) {
    const auto due = start + std::chrono::duration<double>(static_cast<double>(n) / a.rate);
    if (due - start >= warmup + measured) break;
    std::this_thread::sleep_until(due);
    if (!measuring && due - start >= warmup) {
      measuring = true;
      // Everything appended from now on is measured.
      measure_from = leader->Head().position.value + 1;
    }
    leader->AppendAsync(OneCommand(n, 1), [&](eventstore::AppendOutcome o) {
      if (!o.ok()) failures.fetch_add(1);
    });
    ++sent;
    if (measuring) ++sent_measured;
  }
  out.achieved_rate = static_cast<double>(sent_measured) / measured.count();
  leader->WaitForPosition(GlobalPosition{sent}, 30s);
  const GlobalPosition head = leader->Head().position;
  copy->WaitForPosition(head, 60s);
  for (int i = 0; i < 100 && watch.next().value <= head.value; ++i)
    std::this_thread::sleep_for(20ms);
  watch.Stop();
  if (failures.load() > 0 || copy->Head().hash != leader->Head().hash) return out;
  std::lock_guard lock(mu);
  if (lags.empty()) return out;
  out.samples = lags.size();
  out.p50_ms = Percentile(lags, 0.50);
  out.p99_ms = Percentile(lags, 0.99);
  out.max_ms = *std::max_element(lags.begin(), lags.end());
  return out;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

bool ParseArgs(int argc, char** argv, Args* a) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--brokers")
      a->brokers = v;
    else if (k == "--scratch")
      a->scratch = v;
    else if (k == "--json")
      a->json = v;
    else if (k == "--markdown")
      a->markdown = v;
    else if (k == "--seconds")
      a->seconds = std::stod(v);
    else if (k == "--rounds")
      a->rounds = std::stoi(v);
    else if (k == "--events")
      a->events = std::stoi(v);
    else if (k == "--rate")
      a->rate = std::stoi(v);
    else if (k == "--only")
      a->only = v;
    else if (k == "--set" && v.find('=') != std::string::npos)
      a->librdkafka.emplace_back(v.substr(0, v.find('=')), v.substr(v.find('=') + 1));
    else
      return false;
  }
  return !a->brokers.empty() && !a->scratch.empty() && a->rounds > 0 && a->events > 0 &&
         a->rate > 0 && a->seconds > 0;
}

}  // namespace
}  // namespace dealstream::bench

int main(int argc, char** argv) {
  using namespace dealstream::bench;
  Args a;
  if (!ParseArgs(argc, argv, &a)) {
    std::fprintf(stderr,
                 "usage: kafka_bench --brokers HOST:PORT --scratch DIR [--seconds S] [--rounds R]"
                 " [--events N] [--rate EVENTS_PER_S] [--json FILE] [--markdown FILE]\n");
    return 2;
  }
  std::filesystem::remove_all(a.scratch);
  std::vector<double> throughput, p50, p99, max, rate;
  size_t samples = 0;
  {
    // Unmeasured warm-up: the broker's JIT compiler and page cache, which a
    // first measured round would otherwise pay for.
    Args warmup = a;
    warmup.events = std::min(a.events, 50000);
    warmup.seconds = 2;
    if (a.only != "follow") RelayRound(warmup, 1000);
    if (a.only != "relay") FollowerRound(warmup, 1000);
  }
  for (int r = 0; r < a.rounds; ++r) {
    const double t = a.only == "follow" ? 1 : RelayRound(a, r);
    LagRound lag;
    lag.p99_ms = 0;
    if (a.only != "relay") lag = FollowerRound(a, r);
    std::fprintf(stderr,
                 "P7 round %d: relay %.0f events/s; follower lag p50 %.1f ms, p99 %.1f ms,"
                 " max %.1f ms over %zu events at %.0f events/s\n",
                 r + 1, t, lag.p50_ms, lag.p99_ms, lag.max_ms, lag.samples, lag.achieved_rate);
    if (t <= 0 || lag.p99_ms < 0) {
      std::fprintf(stderr,
                   "kafka_bench: round %d failed (broker unreachable, or the copy "
                   "did not converge)\n",
                   r + 1);
      return 1;
    }
    throughput.push_back(t);
    p50.push_back(lag.p50_ms);
    p99.push_back(lag.p99_ms);
    max.push_back(lag.max_ms);
    rate.push_back(lag.achieved_rate);
    samples += lag.samples;
  }
  std::filesystem::remove_all(a.scratch);
  char json[1024];
  std::snprintf(json, sizeof json,
                "{\"P7\": {\"relay_events_per_s\": %.0f, \"follower_lag_p99_ms\": %.1f, "
                "\"follower_lag_p50_ms\": %.1f, \"follower_lag_max_ms\": %.1f, "
                "\"follower_rate_events_per_s\": %.0f, \"relay_events_per_round\": %d, "
                "\"rounds\": %d, \"target_relay_events_per_s\": 100000, "
                "\"target_follower_lag_p99_ms\": 200}}\n",
                Median(throughput), Median(p99), Median(p50), Median(max), Median(rate), a.events,
                a.rounds);
  if (!a.json.empty()) std::ofstream(a.json) << json;
  std::fputs(json, stdout);
  if (!a.markdown.empty()) {
    std::ofstream md(a.markdown);
    md << "## P7 — Kafka relay and follower (local single-node broker)\n"
       << "| measure | median of " << a.rounds << " rounds | target |\n|---|---|---|\n"
       << "| relay throughput, events/s (" << a.events << " events, acks=all, idempotent) | "
       << static_cast<long>(Median(throughput)) << " | ≥ 100,000 |\n"
       << "| follower lag p99, ms, at " << a.rate << " events/s | " << Median(p99) << " | ≤ 200 |\n"
       << "| follower lag p50 / max, ms | " << Median(p50) << " / " << Median(max) << " | |\n\n"
       << "Lag is leader commit → readable in the follower's own log copy, per event (" << samples
       << " events measured). The broker is `scripts/kafka` (Kafka 4.4, KRaft, "
       << "512 MB heap) on the same 2 cores as the leader, the relay and the follower; topics "
       << "have 3 partitions.\n";
  }
  return 0;
}
