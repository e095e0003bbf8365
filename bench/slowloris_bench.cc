// R4 (DESIGN §9): the p99 latency of normal requests with and without
// 1,000 slow connections (slowloris: a header one byte at a time) held open
// against the same server. The target: the ratio is at most 1.2.
//
//   slowloris_bench [--seconds S] [--rounds R] [--slow N] [--clients C]
//                   [--json F] [--markdown F]
//
// One in-process api::Server over loopback (the event feed over a
// MemoryEventLog of 1,000 events, an admin token, request logging as in
// `dealstream serve` but into a null sink); C client threads send
// GET /v1/events?limit=10 on keep-alive connections back to back for S
// seconds. Each round has three phases: quiet; under slowloris with every
// slow connection sending at its own moment of the second (independent slow
// clients: the target); under slowloris with all of them sending in one
// burst per second (the worst case, reported beside it). Each cell is the
// median over the rounds. The slow connections stay open through their
// phases (a header timeout longer than the round): the worst case, before
// the timeout cuts them off.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>


#include "api/api.h"
#include "quiet_logging.h"
#include "api/live_feeds.h"
#include "api/metrics.h"
#include "api/route_groups.h"
#include "api/server.h"
#include "api/token_issuer.h"
#include "api/token_table.h"
#include "eventstore/memory_event_log.h"

namespace dealstream::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  double seconds = 3;
  int rounds = 5;
  size_t slow = 1000;
  size_t clients = 4;
  std::string json, markdown;
};

int Connect(uint16_t port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Sends one request and reads its whole response (Content-Length framed);
// false on any failure or a status other than 200.
bool Exchange(int fd, const std::string& request, std::string* buffer) {
  if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
    return false;
  }
  buffer->clear();
  size_t header_end = std::string::npos, total = 0;
  char chunk[16384];
  while (true) {
    const ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer->append(chunk, static_cast<size_t>(n));
    if (header_end == std::string::npos) {
      header_end = buffer->find("\r\n\r\n");
      if (header_end == std::string::npos) continue;
      const size_t at = buffer->find("Content-Length: ");
      if (at == std::string::npos || at > header_end) return false;
      total = header_end + 4 + std::stoul(buffer->substr(at + 16));
    }
    if (buffer->size() >= total) return buffer->compare(0, 12, "HTTP/1.1 200") == 0;
  }
}

// Latencies (µs) of back-to-back requests from `clients` threads.
std::vector<double> Measure(uint16_t port, const std::string& request, const Args& a) {
  std::vector<std::vector<double>> per_client(a.clients);
  std::atomic<bool> failed{false};
  std::vector<std::thread> threads;
  const auto end = Clock::now() + std::chrono::duration<double>(a.seconds);
  for (size_t c = 0; c < a.clients; ++c) {
    threads.emplace_back([&, c] {
      const int fd = Connect(port);
      if (fd < 0) return void(failed = true);
      std::string buffer;
      while (Clock::now() < end) {
        const auto start = Clock::now();
        if (!Exchange(fd, request, &buffer)) {
          failed = true;
          break;
        }
        per_client[c].push_back(
            std::chrono::duration<double, std::micro>(Clock::now() - start).count());
      }
      close(fd);
    });
  }
  for (auto& t : threads) t.join();
  if (failed) std::fprintf(stderr, "slowloris_bench: a normal request failed\n");
  std::vector<double> all;
  for (auto& v : per_client) all.insert(all.end(), v.begin(), v.end());
  return all;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

double Median(std::vector<double> v) { return Percentile(std::move(v), 0.5); }

// How the slow connections time their bytes.
enum class Pattern {
  // Each connection on its own phase within the second, as independent slow
  // clients would: 1,000 connections make one byte per millisecond.
  kSpread,
  // All connections in one burst per second: the worst case, 1,000 wakeups
  // of the server at once.
  kBurst,
};

// Holds `n` connections that send a header one byte per second per
// connection, never finishing it, until destroyed.
class Slowloris {
 public:
  Slowloris(uint16_t port, size_t n, Pattern pattern) {
    for (size_t i = 0; i < n; ++i) {
      const int fd = Connect(port);
      if (fd >= 0) fds_.push_back(fd);
    }
    thread_ = std::thread([this, pattern] {
      const std::string header = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ";
      constexpr int kTicks = 100;  // per second
      const size_t per_tick = pattern == Pattern::kBurst ? fds_.size()
                                                         : (fds_.size() + kTicks - 1) / kTicks;
      size_t offset = 0;
      auto next = Clock::now();
      while (!stop_.load()) {
        const char byte = offset < header.size() ? header[offset] : 'a';
        for (int tick = 0; tick < kTicks && !stop_.load(); ++tick) {
          const size_t begin = std::min(fds_.size(), tick * per_tick);
          const size_t end = std::min(fds_.size(), begin + per_tick);
          for (size_t i = begin; i < end; ++i) {
            (void)send(fds_[i], &byte, 1, MSG_NOSIGNAL | MSG_DONTWAIT);
          }
          next += std::chrono::milliseconds(1000 / kTicks);
          std::this_thread::sleep_until(next);
        }
        ++offset;
      }
    });
  }
  ~Slowloris() {
    stop_ = true;
    thread_.join();
    for (int fd : fds_) close(fd);
  }
  size_t size() const { return fds_.size(); }

 private:
  std::vector<int> fds_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};


int Run(const Args& a) {
  LogLikeServeIntoNothing();
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 65536);
  setrlimit(RLIMIT_NOFILE, &limit);

  eventstore::MemoryEventLog log;
  api::TokenTable tokens(log);
  api::TokenIssuer issuer(log, &tokens);
  for (int i = 0; i < 1000; ++i) {
    eventstore::AppendRequest append{
        .stream = *eventstore::StreamName::Make("customer", "c" + std::to_string(i % 50)),
        .events = {{.type = "crm.customer.renamed.v1",
                    .subject = "c",
                    .data = R"({"customer_id":"c","name":"Customer name"})"}}};
    if (!log.Append(std::move(append)).ok()) return 1;
  }
  auto admin = issuer.Grant({.employee_id = "root", .role = api::Role::kAdmin, .granted_by = "bench"});
  if (!admin.ok() || !tokens.WaitCaughtUp(std::chrono::seconds(30))) return 1;
  api::Metrics metrics;
  api::LiveFeeds feeds(log, {});
  api::Api api(tokens, nullptr, metrics);
  api.AddRoutes(api::OpsRoutes({}, metrics));
  api.AddRoutes(api::EventRoutes(log, feeds));
  api::ServerOptions options;
  options.port = 0;
  options.header_timeout = std::chrono::seconds(3600);  // hold them through the round
  auto server = api::Server::Start(api, options);
  if (!server.ok()) return 1;
  const uint16_t port = (*server)->port();
  const std::string request = "GET /v1/events?limit=10 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                              admin->token + "\r\n\r\n";

  struct Phase {
    std::vector<double> p50, p99, rps;
    void Add(const std::vector<double>& latencies, double seconds) {
      p50.push_back(Percentile(latencies, 0.5));
      p99.push_back(Percentile(latencies, 0.99));
      rps.push_back(static_cast<double>(latencies.size()) / seconds);
    }
  };
  Phase quiet, spread, burst;
  size_t held = 0;
  const auto under = [&](Pattern pattern, Phase* phase) {
    {
      Slowloris slow(port, a.slow, pattern);
      held = slow.size();
      // Let the server accept them all before measuring.
      const auto deadline = Clock::now() + std::chrono::seconds(30);
      while ((*server)->connections() < held && Clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      phase->Add(Measure(port, request, a), a.seconds);
    }
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    while ((*server)->connections() > 0 && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  };
  (void)Measure(port, request, {.seconds = 1, .clients = a.clients});  // warm-up
  for (int r = 0; r < a.rounds; ++r) {
    quiet.Add(Measure(port, request, a), a.seconds);
    under(Pattern::kSpread, &spread);
    under(Pattern::kBurst, &burst);
    std::fprintf(stderr,
                 "round %d: p99 quiet %.0f us; under %zu slow connections %.0f us (spread), "
                 "%.0f us (burst)\n",
                 r + 1, quiet.p99.back(), held, spread.p99.back(), burst.p99.back());
  }
  (*server)->Stop();
  (*server)->Wait(std::chrono::seconds(5));
  feeds.Shutdown();

  const double q99 = Median(quiet.p99), s99 = Median(spread.p99), b99 = Median(burst.p99);
  const double ratio = q99 > 0 ? s99 / q99 : 0;
  const double burst_ratio = q99 > 0 ? b99 / q99 : 0;
  char json[1024];
  std::snprintf(json, sizeof json,
                "{\"R4\": {\"slow_connections\": %zu, \"clients\": %zu, \"p99_us_quiet\": %.0f, "
                "\"p99_us_slowloris\": %.0f, \"p99_ratio\": %.3f, \"target_ratio\": 1.2, "
                "\"met\": %s, \"p99_us_slowloris_burst\": %.0f, \"p99_ratio_burst\": %.3f}}\n",
                held, a.clients, q99, s99, ratio, ratio <= 1.2 ? "true" : "false", b99, burst_ratio);
  char md[4096];
  std::snprintf(md, sizeof md,
                "## R4 — p99 of normal requests under %zu slow connections\n\n"
                "%zu keep-alive clients send `GET /v1/events?limit=10` back to back for %.0f s per "
                "phase; %d rounds of three phases: quiet, under slowloris with the slow bytes "
                "spread over the second, under slowloris in one burst per second. Every slow "
                "connection sends one header byte per second and never finishes (the header "
                "timeout is raised for the run so that none is cut off); medians over the rounds. "
                "The target is met on the spread phase (independent slow clients); the burst "
                "phase is the worst case, every slow connection waking the server in the same "
                "millisecond.\n\n"
                "| | quiet | slowloris, spread | slowloris, burst |\n|---|---|---|---|\n"
                "| p50 (µs) | %.0f | %.0f | %.0f |\n| p99 (µs) | %.0f | %.0f | %.0f |\n"
                "| requests/s | %.0f | %.0f | %.0f |\n\n"
                "p99 ratio: **%.2f** spread (target ≤ 1.2: %s), %.2f burst.\n",
                held, a.clients, a.seconds, a.rounds, Median(quiet.p50), Median(spread.p50),
                Median(burst.p50), q99, s99, b99, Median(quiet.rps), Median(spread.rps),
                Median(burst.rps), ratio, ratio <= 1.2 ? "met" : "not met", burst_ratio);
  std::fputs(json, stdout);
  if (!a.json.empty()) std::ofstream(a.json) << json;
  if (!a.markdown.empty()) std::ofstream(a.markdown) << md;
  return 0;
}

}  // namespace
}  // namespace dealstream::bench

int main(int argc, char** argv) {
  dealstream::bench::Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--seconds") a.seconds = std::stod(v);
    else if (k == "--rounds") a.rounds = std::stoi(v);
    else if (k == "--slow") a.slow = std::stoul(v);
    else if (k == "--clients") a.clients = std::stoul(v);
    else if (k == "--json") a.json = v;
    else if (k == "--markdown") a.markdown = v;
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  return dealstream::bench::Run(a);
}
