// StallingProxy: a TCP proxy on loopback that can hold back what the server
// sends, for client-side request timeouts against a real broker. While
// stalled, requests still reach the broker and are answered; the answers
// wait in the proxy until the stall ends (or the client gives up on the
// connection), so the client times out on requests the broker has carried
// out — what a congested or partitioned network does.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "base/result.h"

namespace dealstream::kafka::testing {

class StallingProxy {
 public:
  // Listens on 127.0.0.1:listen_port; each connection is forwarded to
  // 127.0.0.1:target_port.
  static Result<std::unique_ptr<StallingProxy>> Start(int listen_port, int target_port);
  ~StallingProxy();  // closes every connection

  void Stall(bool on) { stalled_.store(on); }
  int connections() const { return connections_.load(); }

 private:
  StallingProxy(int listen_fd, int target_port);
  void AcceptLoop();
  void Forward(int client_fd);
  // Copies `from` to `to` until either side closes; holds the bytes while
  // stalled if `stallable`. Then closes both directions of both sockets.
  void Pump(int from, int to, bool stallable);

  const int listen_fd_;
  const int target_port_;
  std::atomic<bool> stalled_{false};
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::mutex mu_;
  std::vector<int> fds_;              // every socket opened, closed at the end
  std::vector<std::thread> pumps_;    // two per connection
  std::thread acceptor_;
};

}  // namespace dealstream::kafka::testing
