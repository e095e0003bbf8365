// Crash test over HTTP (DESIGN R1, R3) with the real binary: `dealstream
// serve --durability fsync` takes commands from 8 client threads, each with
// its own Idempotency-Key; the test SIGKILLs the server at a random moment
// and restarts it on the same directory. Acknowledged means a 201 was
// received. After every restart:
//   - every command sent without a reply is retried with the same key: it is
//     then stored exactly once, whether or not the crash had stored it;
//   - acknowledged commands retried with their key answer the same result
//     (same position and version, Idempotent-Replayed), not a second event.
// At the end every acknowledged command is in the log exactly once at its
// acknowledged position, positions have no gaps, and `verify` passes.
//
// Cycles: DEALSTREAM_HTTP_CRASH_CYCLES (default 5; `make soak` runs 200).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "crm_fixture.h"
#include "log_fixture.h"
#include "server_process.h"

namespace dealstream::replay {
namespace {

using eventstore::testing::TempDir;
using nlohmann::json;
using testing::ServerProcess;

constexpr int kClients = 8;

int Cycles() {
  const char* env = std::getenv("DEALSTREAM_HTTP_CRASH_CYCLES");
  return env != nullptr && std::atoi(env) > 0 ? std::atoi(env) : 5;
}

struct Acked {
  std::string stream;
  uint64_t position = 0;
  uint64_t version = 0;
  std::string body;  // what was sent, to send again
};

struct Ledger {
  std::mutex mu;
  std::map<std::string, std::string> in_flight;  // key -> body, sent without a reply
  std::map<std::string, Acked> acked;            // key -> what the 201 said
  std::atomic<int> unexpected{0};
};

api::Response Send(const ServerProcess& server, const std::string& key, const std::string& body) {
  return server.Call("POST", "/v1/commands/RegisterCompetitor", body, {{"Idempotency-Key", key}});
}

Acked AckOf(const api::Response& r, const std::string& body) {
  const json j = json::parse(r.body);
  return {j["stream"].get<std::string>(), j["position"].get<uint64_t>(),
          j["version"].get<uint64_t>(), body};
}

// One client: sends commands until the server stops answering.
void Client(const ServerProcess& server, int cycle, int client, Ledger& ledger) {
  for (int i = 0;; ++i) {
    const std::string tag = std::to_string(cycle) + "-" + std::to_string(client) + "-" +
                            std::to_string(i);
    const std::string key = "key-" + tag;
    const std::string body = json{{"id", "x" + tag}, {"name", "Competitor " + tag}}.dump();
    {
      std::lock_guard lock(ledger.mu);
      ledger.in_flight[key] = body;
    }
    const api::Response r = Send(server, key, body);
    if (r.status == 0) return;  // killed: the command stays in flight
    std::lock_guard lock(ledger.mu);
    if (r.status != 201) {
      ++ledger.unexpected;
      ADD_FAILURE() << "status " << r.status << ": " << r.body;
      return;
    }
    ledger.in_flight.erase(key);
    ledger.acked[key] = AckOf(r, body);
  }
}

// After a restart: retries what had no reply, and a sample of what had.
void RetryAfterRestart(const ServerProcess& server, Ledger& ledger, std::mt19937& rng,
                       uint64_t* replays_checked) {
  std::map<std::string, std::string> in_flight;
  std::swap(in_flight, ledger.in_flight);
  for (const auto& [key, body] : in_flight) {
    const api::Response r = Send(server, key, body);
    ASSERT_EQ(r.status, 201) << r.body;
    ledger.acked[key] = AckOf(r, body);
  }
  std::vector<std::string> keys;
  for (const auto& [key, ack] : ledger.acked) keys.push_back(key);
  std::shuffle(keys.begin(), keys.end(), rng);
  if (keys.size() > 16) keys.resize(16);
  for (const std::string& key : keys) {
    const Acked& before = ledger.acked[key];
    const api::Response r = Send(server, key, before.body);
    ASSERT_EQ(r.status, 201) << key << ": " << r.body;
    const Acked again = AckOf(r, before.body);
    EXPECT_EQ(again.position, before.position) << key;
    EXPECT_EQ(again.version, before.version) << key;
    EXPECT_EQ(r.headers.Get("Idempotent-Replayed").value_or(""), "true") << key;
    ++*replays_checked;
  }
}

TEST(HttpCrashTest, AcknowledgedCommandsSurviveKillsAndRetriesStoreOnce) {
  TempDir tmp;
  const std::string data = tmp.path() + "/data";
  const int cycles = Cycles();
  std::mt19937 rng(std::random_device{}());
  std::uniform_int_distribution<int> run_ms(50, 600);
  Ledger ledger;
  uint64_t retried = 0, replays_checked = 0;
  const auto started = std::chrono::steady_clock::now();

  std::string token;  // printed by the first start only
  for (int cycle = 0; cycle < cycles && !HasFatalFailure(); ++cycle) {
    ServerProcess server(data, "fsync", token);
    ASSERT_TRUE(server.started()) << "cycle " << cycle << ": " << server.banner();
    token = server.admin_token();
    retried += ledger.in_flight.size();
    RetryAfterRestart(server, ledger, rng, &replays_checked);
    ASSERT_EQ(ledger.unexpected.load(), 0);

    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
      clients.emplace_back([&, c] { Client(server, cycle, c, ledger); });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(run_ms(rng)));
    server.Kill();
    for (auto& t : clients) t.join();
    ASSERT_EQ(ledger.unexpected.load(), 0);
  }

  // The last restart: retry, then read everything back.
  ServerProcess server(data, "fsync", token);
  ASSERT_TRUE(server.started()) << server.banner();
  retried += ledger.in_flight.size();
  RetryAfterRestart(server, ledger, rng, &replays_checked);

  std::map<uint64_t, std::string> stream_at;  // position -> stream
  std::map<std::string, int> copies;           // competitor stream -> events
  uint64_t from = 1;
  while (true) {
    const api::Response r =
        server.Call("GET", "/v1/events?from=" + std::to_string(from) + "&limit=1000");
    ASSERT_EQ(r.status, 200) << r.body;
    const json page = json::parse(r.body);
    if (page["events"].empty()) break;
    for (const json& e : page["events"]) {
      const uint64_t position = std::stoull(e["position"].get<std::string>());
      const std::string stream = e["stream"].get<std::string>();
      stream_at[position] = stream;
      if (stream.rfind("competitor-", 0) == 0) ++copies[stream];
    }
    from = page["next"].get<uint64_t>();
  }
  ASSERT_FALSE(stream_at.empty());
  EXPECT_EQ(stream_at.begin()->first, 1u);
  EXPECT_EQ(stream_at.rbegin()->first, stream_at.size()) << "gaps in positions";

  std::set<std::string> acked_streams;
  for (const auto& [key, ack] : ledger.acked) {
    ASSERT_EQ(stream_at.count(ack.position), 1u) << key << " lost at " << ack.position;
    EXPECT_EQ(stream_at[ack.position], ack.stream) << key;
    EXPECT_EQ(ack.version, 1u) << key;
    acked_streams.insert(ack.stream);
  }
  for (const auto& [stream, n] : copies) {
    EXPECT_EQ(n, 1) << stream << " stored " << n << " times";
    // A stored command nobody acknowledged would mean a retry was lost.
    EXPECT_EQ(acked_streams.count(stream), 1u) << stream << " stored but never acknowledged";
  }
  EXPECT_EQ(copies.size(), ledger.acked.size());
  EXPECT_TRUE(server.Stop());
  const testing::CliResult verify = testing::RunCli("verify --data " + data);
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("http crash test: %d cycles, %zu acknowledged commands kept exactly once, "
              "%llu in flight at a kill retried, %llu replays checked, %zu events, %.0f s\n",
              cycles, ledger.acked.size(), static_cast<unsigned long long>(retried),
              static_cast<unsigned long long>(replays_checked), stream_at.size(), seconds);
}

}  // namespace
}  // namespace dealstream::replay
