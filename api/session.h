// Internal to the server (server.cc, session.cc): one HTTP connection.
// Not part of the module's contract; only these two files see Beast.
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <unordered_map>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "api/api.h"
#include "api/response_stream.h"
#include "api/server.h"

namespace dealstream::api::internal {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

class Session;
class SessionSink;

// Completions from other threads (a command's group commit, a live feed's
// producer) post to a session's strand only while the gate is open: the
// server closes it before its io_context goes away, so a late completion
// is dropped instead of posted to a destroyed executor.
struct PostGate {
  std::shared_mutex mu;
  bool open = true;  // guarded by mu
};

// What every session of one server shares.
struct SessionShared {
  const Api& api;
  const ServerOptions options;
  std::mutex mu;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
  bool stopping = false;  // guarded by mu
  std::atomic<size_t> count{0};
  std::shared_ptr<PostGate> gate = std::make_shared<PostGate>();
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, SessionShared& shared);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Registers with the server and starts reading.
  void Run();
  // Graceful stop (see Server::Stop); safe from any thread.
  void Shutdown();
  // Closes the connection now; safe from any thread.
  void ForceClose();
  // The live stream produced data or finished; safe from any thread.
  void OnStreamData();
  // Lets go of the reference that keeps the session alive while answers
  // are outstanding. Only once no thread runs the io_context.
  void DropKeepAlive();

 private:
  // One request's place in the response order.
  struct Slot {
    std::optional<Response> response;
    bool keep_alive = true;
    unsigned version = 11;
    std::string method;  // for logs of responses made here (413, 431, 400)
    bool unsafe = false;  // not GET/HEAD/OPTIONS: later requests wait for it
    std::optional<Request> deferred;  // read, not yet handed to the Api
  };
  enum class ReadPhase { kNone, kFirstByte, kHeader, kBody, kWatch };

  void DoRead();
  void OnFirstBytes(beast::error_code ec, size_t bytes);
  void ReadHeader();
  void OnHeader(beast::error_code ec);
  void ReadBody();
  void OnBody(beast::error_code ec);
  void OnRequest();
  // Hands every deferred request that no unanswered unsafe request precedes
  // to the Api.
  void DispatchReady();
  void Dispatch(const std::shared_ptr<Slot>& slot, Request request);
  // Answers a transport-level problem and closes after writing it.
  void FailRequest(int status, std::string code, std::string detail);
  void ArmIdleTimer(std::chrono::steady_clock::duration timeout);
  std::chrono::steady_clock::duration LingerTimeout() const;

  void MaybeWrite();
  void OnWrite(beast::error_code ec, bool keep_alive);
  void StartStream(const Response& response);
  void OnStreamHeader(beast::error_code ec);
  void WriteStreamChunk();
  void OnStreamChunk(beast::error_code ec, size_t bytes);
  void ArmHeartbeat();
  void WatchForClose();
  // Ends a live stream: cancels the producer, then FinishStream.
  void EndStream();
  // Writes the last chunk and closes.
  void FinishStream();

  void DoShutdown();
  void Close();

  SessionShared& shared_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string remote_;
  net::steady_timer idle_timer_;
  net::steady_timer heartbeat_timer_;

  std::deque<std::shared_ptr<Slot>> pipeline_;
  ReadPhase read_phase_ = ReadPhase::kNone;
  bool read_closed_ = false;  // no more requests will be read
  bool writing_ = false;
  bool stopping_ = false;
  bool closed_ = false;
  size_t in_flight_ = 0;  // requests handed to the Api and not yet answered
  std::shared_ptr<Session> keep_alive_;  // set while in_flight_ > 0

  // The response being written.
  std::unique_ptr<http::response<http::string_body>> out_;
  // A live stream, once its response reached the front.
  std::shared_ptr<ResponseStream> live_;
  std::shared_ptr<SessionSink> sink_;
  std::unique_ptr<http::response<http::empty_body>> stream_head_;
  std::unique_ptr<http::response_serializer<http::empty_body>> stream_serializer_;
  std::string chunk_;  // the chunk being written
  std::chrono::steady_clock::time_point last_write_;
  bool stream_started_ = false;
  bool ending_ = false;     // the live stream is ending
  bool lingering_ = false;  // final answer sent; draining until the client closes
  size_t lingered_ = 0;     // bytes drained while watching or lingering
  std::array<char, 512> watch_buffer_{};
};


// The bridge from a live stream's producer thread to the session's strand
// (see response_stream.h); defined in session_stream.cc.
class SessionSink final : public StreamSink {
 public:
  SessionSink(std::weak_ptr<Session> session, size_t limit)
      : session_(std::move(session)), limit_(limit) {}

  bool Write(std::string chunk) override;
  void Finish() override;

  // Strand side. Adds a small chunk regardless of the limit (heartbeats).
  void Push(const std::string& chunk);
  // Everything queued, now in flight.
  std::string Take();
  void Written(size_t bytes);
  bool finished();
  void Close();

 private:
  bool Notify();

  std::weak_ptr<Session> session_;
  const size_t limit_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::string queued_;
  size_t in_flight_ = 0;
  bool finished_ = false;
  bool closed_ = false;
};

}  // namespace dealstream::api::internal
