// Resource limits of the real server over loopback (DESIGN R4): hundreds of
// slow senders (slowloris: a header one byte at a time) and idle
// connections must not keep normal requests from being answered, must be
// cut off by the header timeout, and must never take more connections (and
// so file descriptors) than the server's cap. No latency is asserted here;
// bench/slowloris_bench measures the p99 effect.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

#include "api_fixture.h"

namespace dealstream::api::testing {
namespace {

using std::chrono::steady_clock;

// Never completes: no blank line ends it.
constexpr std::string_view kSlowHeader =
    "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

// Raises this process's soft descriptor limit as far as the hard one
// allows (capped at 65,536); returns the new soft limit.
size_t RaiseFdLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  const rlim_t target = std::min<rlim_t>(limit.rlim_max, 65536);
  if (limit.rlim_cur < target) {
    limit.rlim_cur = target;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0) getrlimit(RLIMIT_NOFILE, &limit);
  }
  return static_cast<size_t>(std::min<rlim_t>(limit.rlim_cur, 65536));
}

size_t OpenFds() {
  std::error_code ec;
  size_t n = 0;
  for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    ++n;
  }
  return n;
}

// A blocking connect to 127.0.0.1:port, then non-blocking; -1 on failure.
int ConnectLoopback(uint16_t port) {
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

// True once the server has closed (or reset) the connection.
bool PeerClosed(int fd) {
  char scratch[256];
  const ssize_t n = recv(fd, scratch, sizeof scratch, MSG_DONTWAIT);
  if (n == 0) return true;
  if (n < 0) return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
  return false;  // the server answered something (it should not): still open
}

// Client sockets the test opened; closes whatever is left.
struct Sockets {
  std::vector<int> fds;
  std::vector<bool> closed;  // closed by the server
  ~Sockets() {
    for (int fd : fds) close(fd);
  }
  void Open(uint16_t port, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      const int fd = ConnectLoopback(port);
      ASSERT_GE(fd, 0) << "connect #" << i << ": " << std::strerror(errno);
      fds.push_back(fd);
      closed.push_back(false);
    }
  }
  size_t CountClosed() {
    size_t n = 0;
    for (size_t i = 0; i < fds.size(); ++i) {
      if (!closed[i]) closed[i] = PeerClosed(fds[i]);
      n += closed[i];
    }
    return n;
  }
};

// Polls `done` every 50 ms until it holds or `limit` passes.
template <typename Fn>
bool Eventually(Fn done, std::chrono::seconds limit) {
  const auto deadline = steady_clock::now() + limit;
  while (steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

TEST(SlowlorisTest, SlowSendersAreCutOffWhileNormalRequestsSucceed) {
  const size_t fd_limit = RaiseFdLimit();
  // Each connection costs two descriptors here (client and server side).
  const size_t slow_count = std::min<size_t>(1000, (fd_limit - 400) / 2);
  if (slow_count < 300) GTEST_SKIP() << "descriptor limit " << fd_limit << " is too low";
  FixtureOptions options = ApiFixture::DefaultOptions();
  options.server.header_timeout = std::chrono::seconds(4);
  ApiFixture f(options);
  const size_t fds_before = OpenFds();

  Sockets slow;
  slow.Open(f.port(), slow_count);
  if (HasFatalFailure()) return;
  // One byte per connection every 100 ms; the header never completes.
  std::atomic<bool> stop{false};
  std::atomic<size_t> cut{0};  // slow senders the server has closed
  std::atomic<size_t> most_connections{0};
  std::thread sender([&] {
    size_t offset = 0;
    while (!stop.load()) {
      for (size_t i = 0; i < slow.fds.size(); ++i) {
        if (slow.closed[i]) continue;
        const char byte = kSlowHeader[offset % kSlowHeader.size()];
        const bool failed =
            send(slow.fds[i], &byte, 1, MSG_NOSIGNAL | MSG_DONTWAIT) < 0 && errno != EAGAIN;
        if (failed || PeerClosed(slow.fds[i])) {
          slow.closed[i] = true;
          ++cut;
        }
      }
      ++offset;
      most_connections = std::max(most_connections.load(), f.server().connections());
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });

  // Normal requests, each on a new connection, while the slow ones hang on.
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(f.Call(Get("/healthz")).status, 200) << "request " << i;
  }
  // The header timeout cuts every slow sender off.
  const bool all_cut =
      Eventually([&] { return cut.load() == slow_count; }, std::chrono::seconds(90));
  stop = true;
  sender.join();
  EXPECT_TRUE(all_cut) << cut.load() << " of " << slow_count << " slow senders cut off";
  EXPECT_LE(most_connections.load(), f.server().max_connections());
  EXPECT_EQ(f.Call(Get("/healthz")).status, 200);

  // Every server-side descriptor is given back.
  for (int& fd : slow.fds) close(std::exchange(fd, -1));
  slow.fds.clear();
  EXPECT_TRUE(Eventually([&] { return f.server().connections() == 0; }, std::chrono::seconds(30)))
      << f.server().connections() << " connections still open";
  EXPECT_TRUE(Eventually([&] { return OpenFds() <= fds_before + 8; }, std::chrono::seconds(30)))
      << OpenFds() << " descriptors open, " << fds_before << " before";
}

TEST(SlowlorisTest, ConnectionsBeyondTheCapAreClosedAtAccept) {
  RaiseFdLimit();
  FixtureOptions options = ApiFixture::DefaultOptions();
  options.server.max_connections = 32;
  ApiFixture f(options);
  ASSERT_EQ(f.server().max_connections(), 32u);

  // Idle connections: no byte sent, held until the 60 s idle timeout.
  Sockets idle;
  idle.Open(f.port(), 100);
  if (HasFatalFailure()) return;
  size_t most = 0;
  const bool refused = Eventually(
      [&] {
        most = std::max(most, f.server().connections());
        return idle.CountClosed() >= 100 - 32;
      },
      std::chrono::seconds(30));
  EXPECT_TRUE(refused) << idle.CountClosed() << " of 100 closed by the server";
  EXPECT_LE(most, 32u);
  EXPECT_LE(f.server().connections(), 32u);

  // Once the idle clients go, the server serves again.
  for (int& fd : idle.fds) close(std::exchange(fd, -1));
  idle.fds.clear();
  EXPECT_TRUE(Eventually([&] { return f.server().connections() == 0; }, std::chrono::seconds(30)));
  EXPECT_EQ(f.Call(Get("/healthz")).status, 200);
}

TEST(SlowlorisTest, TheCapLeavesDescriptorsForStorage) {
  FixtureOptions options = ApiFixture::DefaultOptions();
  options.server.max_connections = size_t{1} << 40;  // far more than any descriptor limit
  ApiFixture f(options);
  rlimit limit{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
  if (limit.rlim_cur == RLIM_INFINITY) GTEST_SKIP() << "no descriptor limit";
  EXPECT_LE(f.server().max_connections() + 256, limit.rlim_cur);
  EXPECT_GT(f.server().max_connections(), 0u);
}

}  // namespace
}  // namespace dealstream::api::testing
