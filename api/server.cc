// The listener and the Server: accepts connections into sessions, runs the
// thread pool, and stops gracefully.
#include "api/server.h"

#include <sys/resource.h>

#include <algorithm>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <spdlog/spdlog.h>

#include "api/session.h"

namespace dealstream::api {

using internal::net::ip::tcp;
namespace net = internal::net;

namespace {

// File descriptors left for everything but connections: the log's and the
// side store's files, live feeds' subscriptions, logs, the CLI's note.
constexpr size_t kReservedFds = 256;
// After a failed accept (out of descriptors: EMFILE/ENFILE), the pending
// connection stays in the backlog and accepting again at once fails again:
// wait this long instead of spinning.
constexpr std::chrono::milliseconds kAcceptRetry{100};

// The connections the process can hold: `wanted`, lowered to what the file
// descriptor limit leaves after kReservedFds. Raises the soft limit toward
// the hard one first when `wanted` needs more.
size_t ConnectionBudget(size_t wanted) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
  const rlim_t needed = static_cast<rlim_t>(std::min<size_t>(wanted, RLIM_INFINITY - kReservedFds - 1)) +
                        kReservedFds;
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < needed) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? needed : std::min(limit.rlim_max, needed);
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur == RLIM_INFINITY) return wanted;
  const size_t available = limit.rlim_cur > 2 * kReservedFds ? limit.rlim_cur - kReservedFds
                                                             : limit.rlim_cur / 2;
  return std::max<size_t>(1, std::min(wanted, available));
}

}  // namespace

struct Server::Impl {
  Impl(const Api& api, ServerOptions opts)
      : shared{.api = api, .options = std::move(opts)},
        max_connections(ConnectionBudget(shared.options.max_connections)),
        acceptor(net::make_strand(ioc)),
        accept_retry(acceptor.get_executor()),
        work(net::make_work_guard(ioc)) {}

  void DoAccept() {
    acceptor.async_accept(net::make_strand(ioc), [this](boost::system::error_code ec,
                                                        tcp::socket socket) {
      if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
      if (ec) {
        spdlog::warn("http accept failed: {}; accepting again in {} ms", ec.message(),
                     kAcceptRetry.count());
        accept_retry.expires_after(kAcceptRetry);
        accept_retry.async_wait([this](boost::system::error_code wait_ec) {
          if (!wait_ec && acceptor.is_open()) DoAccept();
        });
        return;
      } else if (shared.count.load() >= max_connections) {
        boost::system::error_code ignored;
        socket.close(ignored);
      } else {
        std::make_shared<internal::Session>(std::move(socket), shared)->Run();
      }
      DoAccept();
    });
  }

  std::vector<std::shared_ptr<internal::Session>> LiveSessions() {
    std::vector<std::shared_ptr<internal::Session>> out;
    std::lock_guard lock(shared.mu);
    for (auto& [raw, weak] : shared.sessions) {
      if (auto session = weak.lock()) out.push_back(std::move(session));
    }
    return out;
  }

  // Declared before the io_context so that it outlives the handlers the
  // io_context destroys (sessions unregister from it).
  internal::SessionShared shared;
  const size_t max_connections;  // options.max_connections within the fd budget
  net::io_context ioc;
  tcp::acceptor acceptor;
  net::steady_timer accept_retry;  // on the acceptor's strand
  net::executor_work_guard<net::io_context::executor_type> work;
  std::vector<std::thread> threads;
  std::string address;
  uint16_t port = 0;
  bool stopped = false;
  bool waited = false;
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  Stop();
  Wait(std::chrono::seconds(5));
}

Result<std::unique_ptr<Server>> Server::Start(const Api& api, ServerOptions options) {
  boost::system::error_code ec;
  const auto address = net::ip::make_address(options.address, ec);
  if (ec) return Status::InvalidArgument("'" + options.address + "' is not an IP address");
  auto impl = std::make_unique<Impl>(api, options);
  const tcp::endpoint endpoint(address, options.port);
  const std::string where = options.address + ":" + std::to_string(options.port);
  impl->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl->acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(endpoint, ec);
  if (!ec) impl->acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return Status::Unavailable("cannot listen on " + where + ": " + ec.message());
  impl->port = impl->acceptor.local_endpoint().port();
  impl->address = options.address;
  impl->DoAccept();
  size_t threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  Impl* raw = impl.get();
  for (size_t i = 0; i < threads; ++i) {
    impl->threads.emplace_back([raw] {
      // The session boundary catches what a handler let escape; this is
      // the last line: log, and keep the thread serving.
      while (true) {
        try {
          raw->ioc.run();
          return;
        } catch (const std::exception& e) {
          spdlog::error("http server thread caught: {}", e.what());
        }
      }
    });
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

uint16_t Server::port() const { return impl_->port; }

std::string Server::url() const {
  const bool v6 = impl_->address.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + impl_->address + "]" : impl_->address) + ":" +
         std::to_string(impl_->port);
}

size_t Server::connections() const { return impl_->shared.count.load(); }

size_t Server::max_connections() const { return impl_->max_connections; }

void Server::Stop() {
  if (impl_->stopped) return;
  impl_->stopped = true;
  net::post(impl_->acceptor.get_executor(), [impl = impl_.get()] {
    boost::system::error_code ignored;
    impl->acceptor.close(ignored);
    impl->accept_retry.cancel();
  });
  {
    std::lock_guard lock(impl_->shared.mu);
    impl_->shared.stopping = true;
  }
  for (auto& session : impl_->LiveSessions()) session->Shutdown();
}

void Server::Wait(std::chrono::milliseconds grace) {
  if (impl_->waited) return;
  impl_->waited = true;
  auto wait_until_idle = [this](std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (impl_->shared.count.load() > 0 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return impl_->shared.count.load() == 0;
  };
  if (!wait_until_idle(grace)) {
    spdlog::warn("http server: {} connections still busy after the grace period; closing them",
                 impl_->shared.count.load());
    for (auto& session : impl_->LiveSessions()) session->ForceClose();
    wait_until_idle(std::chrono::seconds(1));
  }
  impl_->work.reset();
  if (!wait_until_idle(std::chrono::milliseconds(0))) {
    // Sessions still held by a command that has not completed: drop its
    // late answer rather than post it to an io_context about to go away.
    std::unique_lock lock(impl_->shared.gate->mu);
    impl_->shared.gate->open = false;
    lock.unlock();
    impl_->ioc.stop();
  }
  for (std::thread& t : impl_->threads) t.join();
  impl_->threads.clear();
  // Nothing runs the io_context now: sessions still waiting for an answer
  // are released so that they go before the io_context does.
  for (auto& session : impl_->LiveSessions()) session->DropKeepAlive();
}

}  // namespace dealstream::api
