#include "stalling_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>

namespace dealstream::kafka::testing {
namespace {

sockaddr_in Loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

bool WriteAll(int fd, const char* data, size_t n) {
  while (n > 0) {
    const ssize_t w = ::send(fd, data, n, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    data += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<StallingProxy>> StallingProxy::Start(int listen_port, int target_port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return Status::Internal(std::string("socket: ") + std::strerror(errno));
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  const sockaddr_in a = Loopback(listen_port);
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&a), sizeof a) != 0 || ::listen(fd, 64) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    return Status::Unavailable("proxy port " + std::to_string(listen_port) + ": " + why);
  }
  return std::unique_ptr<StallingProxy>(new StallingProxy(fd, target_port));
}

StallingProxy::StallingProxy(int listen_fd, int target_port)
    : listen_fd_(listen_fd), target_port_(target_port) {
  acceptor_ = std::thread([this] { AcceptLoop(); });
}

StallingProxy::~StallingProxy() {
  stopping_.store(true);
  acceptor_.join();
  {
    std::lock_guard lock(mu_);
    for (int fd : fds_) ::shutdown(fd, SHUT_RDWR);  // wakes every pump
  }
  for (std::thread& t : pumps_) t.join();  // the acceptor, which added them, has ended
  for (int fd : fds_) ::close(fd);
  ::close(listen_fd_);
}

void StallingProxy::AcceptLoop() {
  while (!stopping_.load()) {
    pollfd p{.fd = listen_fd_, .events = POLLIN, .revents = 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int client = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client >= 0) Forward(client);
  }
}

void StallingProxy::Forward(int client) {
  const int target = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const sockaddr_in a = Loopback(target_port_);
  std::lock_guard lock(mu_);
  fds_.push_back(client);
  if (target < 0) {
    ::shutdown(client, SHUT_RDWR);
    return;
  }
  fds_.push_back(target);
  if (::connect(target, reinterpret_cast<const sockaddr*>(&a), sizeof a) != 0) {
    ::shutdown(client, SHUT_RDWR);
    return;
  }
  connections_.fetch_add(1);
  pumps_.emplace_back([this, client, target] { Pump(client, target, false); });
  pumps_.emplace_back([this, client, target] { Pump(target, client, true); });
}

void StallingProxy::Pump(int from, int to, bool stallable) {
  char buffer[64 * 1024];
  for (;;) {
    const ssize_t n = ::recv(from, buffer, sizeof buffer, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    // Held, not dropped: a stall delays the answers; the client decides
    // whether it still waits for them.
    while (stallable && stalled_.load() && !stopping_.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (!WriteAll(to, buffer, static_cast<size_t>(n))) break;
  }
  ::shutdown(from, SHUT_RDWR);
  ::shutdown(to, SHUT_RDWR);
}

}  // namespace dealstream::kafka::testing
