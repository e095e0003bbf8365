// Server: HTTP/1.1 over TCP with Boost.Beast, serving an Api.
//
// A listener accepts connections; each connection is a session on its own
// strand that reads requests (keep-alive, pipelined up to a bound), hands
// them to Api::Handle, and writes the responses in request order as they
// complete — a command waiting for its group commit holds no thread. A
// pool of threads (one per core by default) runs every session.
//
// Limits and timeouts (ServerOptions): a request whose Content-Length
// exceeds the body limit is answered 413 without reading the body; headers
// beyond the header limit 431; malformed HTTP 400; in all three cases the
// connection then closes. Each phase has its own timeout: waiting for the
// next request on an idle keep-alive connection, reading the header,
// reading the body, writing a response.
//
// Stop() stops accepting, closes idle connections, lets requests in flight
// finish (their responses say Connection: close) and ends live streams.
//
// Thread-safety: Start/Stop/Wait from one controlling thread; port(),
// url(), connections() and max_connections() from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "api/api.h"
#include "base/result.h"

namespace dealstream::api {

struct ServerOptions {
  // Address to listen on. Default: "127.0.0.1".
  std::string address = "127.0.0.1";
  // Port; 0 picks a free one (see port()). Default: 8080.
  uint16_t port = 8080;
  // Threads running the sessions; 0 means one per core. Default: 0.
  size_t threads = 0;
  // Largest request body. Default: 1 MiB.
  size_t body_limit = 1 << 20;
  // Largest request header block. Default: 16 KiB.
  size_t header_limit = 16 << 10;
  // Requests read ahead of their responses on one connection. Default: 16.
  size_t pipeline_limit = 16;
  // Connections served at once; more are closed at accept. Start raises
  // the process's soft file descriptor limit (up to the hard one) to fit
  // them, and lowers the cap to what the limit allows after 256
  // descriptors kept for storage and logs (see max_connections()), so that
  // connections can never starve the log of descriptors. Default: 10,000.
  size_t max_connections = 10000;
  // Bytes of a live stream queued for a slow client before its producer
  // waits. Default: 1 MiB.
  size_t stream_buffer_limit = 1 << 20;
  // Default: 60 s between requests on a keep-alive connection.
  std::chrono::milliseconds idle_timeout{60000};
  // Default: 10 s from a request's first byte to the end of its header.
  std::chrono::milliseconds header_timeout{10000};
  // Default: 30 s to read a request body.
  std::chrono::milliseconds body_timeout{30000};
  // Default: 30 s to write one response (or one chunk of a live stream).
  std::chrono::milliseconds write_timeout{30000};
};

class Server {
 public:
  // Binds, listens and starts the threads. `api` must outlive the server.
  // Errors: Unavailable when the address cannot be bound.
  static Result<std::unique_ptr<Server>> Start(const Api& api, ServerOptions options);
  ~Server();  // Stop(), then Wait(5 s)
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  uint16_t port() const;
  // "http://<address>:<port>".
  std::string url() const;
  size_t connections() const;
  // The connection cap in effect: ServerOptions::max_connections within the
  // file descriptor budget.
  size_t max_connections() const;

  // Begins a graceful stop; returns at once.
  void Stop();
  // Waits for every connection to finish, at most `grace`, then closes the
  // rest and joins the threads. Call after Stop().
  void Wait(std::chrono::milliseconds grace);

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealstream::api
