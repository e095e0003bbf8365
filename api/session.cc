// One HTTP/1.1 connection: reads requests (keep-alive, bounded pipelining),
// hands them to the Api, writes responses in request order as they
// complete (live streams: session_stream.cc). Everything here runs on the
// connection's strand.
#include "api/session.h"

#include <spdlog/spdlog.h>

#include "api/problem.h"

namespace dealstream::api::internal {

namespace {

constexpr std::chrono::seconds kLingerTimeout{2};
// While the server stops, a client that already has its last answer gets
// less time to close its side.
constexpr std::chrono::milliseconds kStopLingerTimeout{250};
constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";

// Beast's HTTP parser errors (bad method, bad field, bad chunk…) share one
// category; they mean the client sent malformed HTTP.
bool IsParseError(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_target).category();
}

}  // namespace

Session::Session(tcp::socket&& socket, SessionShared& shared)
    : shared_(shared),
      stream_(std::move(socket)),
      idle_timer_(stream_.get_executor()),
      heartbeat_timer_(stream_.get_executor()) {
  beast::error_code ec;
  auto endpoint = stream_.socket().remote_endpoint(ec);
  if (!ec) remote_ = endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
  ++shared_.count;
}

Session::~Session() {
  {
    std::lock_guard lock(shared_.mu);
    shared_.sessions.erase(this);
  }
  --shared_.count;
}

void Session::Run() {
  bool stopping;
  {
    std::lock_guard lock(shared_.mu);
    stopping = shared_.stopping;
    if (!stopping) shared_.sessions.emplace(this, weak_from_this());
  }
  net::dispatch(stream_.get_executor(), [self = shared_from_this(), stopping] {
    if (stopping) self->Close();
    else self->DoRead();
  });
}

void Session::Shutdown() {
  net::post(stream_.get_executor(), [self = shared_from_this()] { self->DoShutdown(); });
}

void Session::ForceClose() {
  net::post(stream_.get_executor(), [self = shared_from_this()] { self->Close(); });
}

void Session::OnStreamData() {
  std::shared_lock lock(shared_.gate->mu);
  if (!shared_.gate->open) return;
  net::post(stream_.get_executor(), [self = shared_from_this()] { self->WriteStreamChunk(); });
}

// ---- reading ----------------------------------------------------------

void Session::DoRead() {
  if (closed_ || read_closed_ || stopping_ || live_ || read_phase_ != ReadPhase::kNone) return;
  if (pipeline_.size() >= shared_.options.pipeline_limit) return;  // OnWrite resumes
  parser_.emplace();
  parser_->header_limit(static_cast<uint32_t>(shared_.options.header_limit));
  parser_->body_limit(shared_.options.body_limit);
  if (buffer_.size() > 0) {
    ReadHeader();
    return;
  }
  // Wait for the next request's first byte under the idle timeout (armed
  // only while no response is pending), then time the header on its own.
  read_phase_ = ReadPhase::kFirstByte;
  stream_.expires_never();
  if (pipeline_.empty()) ArmIdleTimer(shared_.options.idle_timeout);
  stream_.async_read_some(buffer_.prepare(4096),
                          beast::bind_front_handler(&Session::OnFirstBytes, shared_from_this()));
}

void Session::ArmIdleTimer(std::chrono::steady_clock::duration timeout) {
  idle_timer_.expires_after(timeout);
  idle_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec) return;  // cancelled: a byte arrived
    if (self->read_phase_ == ReadPhase::kFirstByte && self->pipeline_.empty()) self->Close();
  });
}

void Session::OnFirstBytes(beast::error_code ec, size_t bytes) {
  read_phase_ = ReadPhase::kNone;
  idle_timer_.cancel();
  if (ec || live_ || stopping_ || lingering_) {
    // The client closed, or we take no more requests: answer what is
    // pending, then close.
    read_closed_ = true;
    if (live_ || lingering_) {
      if (!ec) return WatchForClose();
      return live_ ? EndStream() : Close();
    }
    if (pipeline_.empty() && !writing_) Close();
    return;
  }
  buffer_.commit(bytes);
  ReadHeader();
}

void Session::ReadHeader() {
  read_phase_ = ReadPhase::kHeader;
  stream_.expires_after(shared_.options.header_timeout);
  http::async_read_header(stream_, buffer_, *parser_,
                          [self = shared_from_this()](beast::error_code ec, size_t) {
                            self->OnHeader(ec);
                          });
}

void Session::OnHeader(beast::error_code ec) {
  read_phase_ = ReadPhase::kNone;
  if (live_) return ec ? EndStream() : WatchForClose();
  if (ec == http::error::end_of_stream || ec == net::error::eof) {
    read_closed_ = true;
    if (pipeline_.empty() && !writing_) Close();
    return;
  }
  if (ec == http::error::body_limit) {
    // The parser compares Content-Length with the limit before any body byte.
    return FailRequest(413, "body_too_large",
                       "the body is larger than the limit of " +
                           std::to_string(shared_.options.body_limit) + " bytes");
  }
  if (ec == http::error::header_limit) {
    return FailRequest(431, "header_too_large",
                       "the request header exceeds " + std::to_string(shared_.options.header_limit) +
                           " bytes");
  }
  if (ec && IsParseError(ec)) return FailRequest(400, "bad_http", "malformed HTTP: " + ec.message());
  if (ec) return Close();  // timeout (the stream already closed) or a reset

  const auto& request = parser_->get();
  const auto length = parser_->content_length();
  if (length && *length > shared_.options.body_limit) {
    return FailRequest(413, "body_too_large",
                       "the body has " + std::to_string(*length) + " bytes; the limit is " +
                           std::to_string(shared_.options.body_limit));
  }
  const auto expect = request[http::field::expect];
  if (!parser_->is_done() && beast::iequals(expect, "100-continue") && !writing_ &&
      pipeline_.empty()) {
    writing_ = true;
    stream_.expires_after(shared_.options.write_timeout);
    net::async_write(stream_, net::buffer(kContinue, sizeof kContinue - 1),
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       self->writing_ = false;
                       if (ec) return self->Close();
                       self->ReadBody();
                     });
    return;
  }
  ReadBody();
}

void Session::ReadBody() {
  if (parser_->is_done()) return OnRequest();
  read_phase_ = ReadPhase::kBody;
  stream_.expires_after(shared_.options.body_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code ec, size_t) { self->OnBody(ec); });
}

void Session::OnBody(beast::error_code ec) {
  read_phase_ = ReadPhase::kNone;
  if (live_) return ec ? EndStream() : WatchForClose();
  if (ec == http::error::body_limit) {
    return FailRequest(413, "body_too_large",
                       "the body exceeds " + std::to_string(shared_.options.body_limit) + " bytes");
  }
  if (ec && ec != http::error::end_of_stream && IsParseError(ec)) {
    return FailRequest(400, "bad_http", "malformed HTTP body: " + ec.message());
  }
  if (ec) return Close();
  OnRequest();
}

void Session::OnRequest() {
  http::request<http::string_body> message = parser_->release();
  parser_.reset();
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  for (const auto& field : message) {
    request.headers.Add(std::string(field.name_string()), std::string(field.value()));
  }
  request.body = std::move(message.body());
  request.remote = remote_;

  auto slot = std::make_shared<Slot>();
  slot->keep_alive = message.keep_alive();
  slot->version = message.version();
  slot->method = request.method;
  slot->unsafe = request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS";
  pipeline_.push_back(slot);
  if (!slot->keep_alive) read_closed_ = true;
  // A request pipelined behind a command waits for the command's answer,
  // so that it sees the command's effects; safe requests run in parallel.
  slot->deferred = std::move(request);
  DispatchReady();
  DoRead();
}

void Session::DispatchReady() {
  bool blocked = false;
  for (const std::shared_ptr<Slot>& slot : pipeline_) {
    if (slot->deferred && !blocked) {
      Request request = std::move(*slot->deferred);
      slot->deferred.reset();
      Dispatch(slot, std::move(request));
    }
    if (slot->unsafe && !slot->response) blocked = true;
  }
}

void Session::Dispatch(const std::shared_ptr<Slot>& slot, Request request) {
  // The session keeps itself alive while answers are outstanding (a
  // command may finish after the client closed its side); the answer holds
  // only a weak reference, so that a stopping server can let go of sessions
  // whose answers never come (DropKeepAlive).
  if (in_flight_++ == 0) keep_alive_ = shared_from_this();
  auto respond = [weak = weak_from_this(), slot, gate = shared_.gate](Response response) {
    std::shared_lock lock(gate->mu);
    if (!gate->open) return;  // the server is gone; nobody is left to answer
    std::shared_ptr<Session> self = weak.lock();
    if (!self) return;
    net::post(self->stream_.get_executor(),
              [self, slot, response = std::move(response)]() mutable {
                slot->response = std::move(response);
                if (--self->in_flight_ == 0) self->keep_alive_.reset();
                self->DispatchReady();
                self->MaybeWrite();
              });
  };
  try {
    shared_.api.Handle(std::move(request), respond);
  } catch (const std::exception& e) {
    spdlog::error("http request failed in the handler: {}", e.what());
    respond(ProblemResponse({.status = 500, .code = "internal_error",
                             .detail = "the server failed on this request", .instance = "/"}));
  }
}

void Session::DropKeepAlive() { keep_alive_.reset(); }

void Session::FailRequest(int status, std::string code, std::string detail) {
  auto slot = std::make_shared<Slot>();
  slot->keep_alive = false;
  slot->method = parser_ ? std::string(parser_->get().method_string()) : "-";
  if (slot->method.empty()) slot->method = "-";
  spdlog::info("http method={} route=transport status={} detail=\"{}\" remote={}", slot->method,
               status, detail, remote_);
  shared_.api.metrics().ObserveRequest(slot->method, "transport", status, 0);
  slot->response = ProblemResponse(
      {.status = status, .code = std::move(code), .detail = std::move(detail), .instance = "/"});
  pipeline_.push_back(slot);
  read_closed_ = true;
  MaybeWrite();
}

// ---- writing ----------------------------------------------------------

void Session::MaybeWrite() {
  if (closed_ || writing_ || live_ || pipeline_.empty() || !pipeline_.front()->response) return;
  Slot& slot = *pipeline_.front();
  Response& response = *slot.response;
  if (response.stream) return StartStream(response);

  const bool last = pipeline_.size() == 1 && read_phase_ != ReadPhase::kHeader &&
                    read_phase_ != ReadPhase::kBody;
  const bool keep_alive = slot.keep_alive && !(stopping_ && last);
  out_ = std::make_unique<http::response<http::string_body>>();
  out_->version(slot.version);
  out_->result(static_cast<unsigned>(response.status));
  for (const auto& [name, value] : response.headers.fields()) out_->insert(name, value);
  out_->set(http::field::server, "dealstream");
  out_->body() = std::move(response.body);
  out_->keep_alive(keep_alive);
  out_->prepare_payload();
  writing_ = true;
  stream_.expires_after(shared_.options.write_timeout);
  http::async_write(stream_, *out_,
                    [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
                      self->OnWrite(ec, keep_alive);
                    });
}

void Session::OnWrite(beast::error_code ec, bool keep_alive) {
  writing_ = false;
  out_.reset();
  if (ec) return Close();
  pipeline_.pop_front();
  const bool reading = read_phase_ == ReadPhase::kHeader || read_phase_ == ReadPhase::kBody;
  if (!keep_alive || (pipeline_.empty() && !reading && (read_closed_ || stopping_))) {
    // Half-close, then drain what the client still sends (e.g. the rest of
    // a refused body) so that it reads our answer rather than a reset.
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    read_closed_ = true;
    lingering_ = true;
    if (read_phase_ == ReadPhase::kNone) WatchForClose();
    // A read for the next request is already waiting (it was started while
    // this answer was pending, so without an idle timer): bound the linger.
    else if (read_phase_ == ReadPhase::kFirstByte) ArmIdleTimer(LingerTimeout());
    return;
  }
  MaybeWrite();
  if (read_phase_ == ReadPhase::kNone) DoRead();
  else if (read_phase_ == ReadPhase::kFirstByte && pipeline_.empty()) {
    ArmIdleTimer(shared_.options.idle_timeout);
  }
}

// ---- watching for the client to close -------------------------------

void Session::WatchForClose() {
  if (closed_ || read_phase_ != ReadPhase::kNone) return;
  read_phase_ = ReadPhase::kWatch;
  if (lingering_) stream_.expires_after(LingerTimeout());
  else stream_.expires_never();
  stream_.async_read_some(net::buffer(watch_buffer_),
                          [self = shared_from_this()](beast::error_code ec, size_t bytes) {
                            self->read_phase_ = ReadPhase::kNone;
                            self->lingered_ += bytes;
                            if (ec || self->lingered_ > self->shared_.options.body_limit * 2) {
                              if (self->live_) return self->EndStream();
                              return self->Close();
                            }
                            self->WatchForClose();
                          });
}

// ---- stopping ---------------------------------------------------------

std::chrono::steady_clock::duration Session::LingerTimeout() const {
  if (stopping_) return kStopLingerTimeout;
  return kLingerTimeout;
}

void Session::DoShutdown() {
  stopping_ = true;
  if (closed_) return;
  if (live_) return EndStream();
  const bool idle = read_phase_ == ReadPhase::kNone || read_phase_ == ReadPhase::kFirstByte ||
                    read_phase_ == ReadPhase::kWatch;
  if (pipeline_.empty() && !writing_ && idle) Close();
  // Otherwise the request in flight finishes and OnWrite closes.
}

void Session::Close() {
  if (closed_) return;
  closed_ = true;
  idle_timer_.cancel();
  heartbeat_timer_.cancel();
  if (live_) live_->Cancel();
  if (sink_) sink_->Close();
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.close();
}

}  // namespace dealstream::api::internal
