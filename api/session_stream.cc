// One session's live streams (Server-Sent Events): the response head, then
// chunks as the stream's producer writes them into a SessionSink, with
// heartbeats while idle, ended by the producer, the client or a stop.
#include <algorithm>

#include "api/session.h"

namespace dealstream::api::internal {

bool SessionSink::Write(std::string chunk) {
  {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return closed_ || queued_.size() + in_flight_ < limit_; });
    if (closed_) return false;
    queued_ += chunk;
  }
  return Notify();
}

void SessionSink::Finish() {
  {
    std::lock_guard lock(mu_);
    finished_ = true;
  }
  Notify();
}

void SessionSink::Push(const std::string& chunk) {
  std::lock_guard lock(mu_);
  queued_ += chunk;
}

std::string SessionSink::Take() {
  std::lock_guard lock(mu_);
  std::string out = std::move(queued_);
  queued_.clear();
  in_flight_ += out.size();
  return out;
}

void SessionSink::Written(size_t bytes) {
  std::lock_guard lock(mu_);
  in_flight_ -= std::min(bytes, in_flight_);
  cv_.notify_all();
}

bool SessionSink::finished() {
  std::lock_guard lock(mu_);
  return finished_ && queued_.empty();
}

void SessionSink::Close() {
  std::lock_guard lock(mu_);
  closed_ = true;
  cv_.notify_all();
}

bool SessionSink::Notify() {
  if (auto session = session_.lock()) {
    session->OnStreamData();
    return true;
  }
  Close();
  return false;
}

void Session::StartStream(const Response& response) {
  live_ = response.stream;
  read_closed_ = true;
  while (pipeline_.size() > 1) pipeline_.pop_back();  // nothing after a stream is answered
  stream_head_ = std::make_unique<http::response<http::empty_body>>();
  stream_head_->version(pipeline_.front()->version);
  stream_head_->result(static_cast<unsigned>(response.status));
  for (const auto& [name, value] : response.headers.fields()) stream_head_->insert(name, value);
  stream_head_->set(http::field::server, "dealstream");
  stream_head_->keep_alive(false);
  stream_head_->chunked(true);
  stream_serializer_ = std::make_unique<http::response_serializer<http::empty_body>>(*stream_head_);
  writing_ = true;
  stream_.expires_after(shared_.options.write_timeout);
  http::async_write_header(stream_, *stream_serializer_,
                           [self = shared_from_this()](beast::error_code ec, size_t) {
                             self->OnStreamHeader(ec);
                           });
}

void Session::OnStreamHeader(beast::error_code ec) {
  writing_ = false;
  if (ec) return Close();
  stream_started_ = true;
  if (ending_) return FinishStream();
  if (stopping_) return EndStream();
  last_write_ = std::chrono::steady_clock::now();
  sink_ = std::make_shared<SessionSink>(weak_from_this(), shared_.options.stream_buffer_limit);
  live_->Start(sink_);
  ArmHeartbeat();
  if (read_phase_ == ReadPhase::kNone) WatchForClose();
  WriteStreamChunk();
}

void Session::WriteStreamChunk() {
  if (closed_ || ending_ || writing_ || !stream_started_) return;
  chunk_ = sink_->Take();
  if (chunk_.empty()) {
    if (sink_->finished()) EndStream();
    return;
  }
  writing_ = true;
  stream_.expires_after(shared_.options.write_timeout);
  net::async_write(stream_, http::make_chunk(net::buffer(chunk_)),
                   beast::bind_front_handler(&Session::OnStreamChunk, shared_from_this()));
}

void Session::OnStreamChunk(beast::error_code ec, size_t) {
  writing_ = false;
  sink_->Written(chunk_.size());
  chunk_.clear();
  if (ec) return Close();
  last_write_ = std::chrono::steady_clock::now();
  if (ending_) return FinishStream();
  if (stopping_) return EndStream();
  WriteStreamChunk();
}

void Session::ArmHeartbeat() {
  const auto interval = live_->heartbeat_interval();
  heartbeat_timer_.expires_after(interval);
  heartbeat_timer_.async_wait([self = shared_from_this(), interval](beast::error_code ec) {
    if (ec || self->closed_) return;
    if (std::chrono::steady_clock::now() - self->last_write_ >= interval * 9 / 10) {
      self->sink_->Push(self->live_->Heartbeat());
      self->WriteStreamChunk();
    }
    self->ArmHeartbeat();
  });
}

void Session::EndStream() {
  if (closed_ || ending_) return;
  ending_ = true;
  if (live_) live_->Cancel();
  if (sink_) sink_->Close();
  // A write in flight comes back to FinishStream (see OnStreamHeader and
  // OnStreamChunk).
  if (!writing_) FinishStream();
}

void Session::FinishStream() {
  if (!stream_started_) return Close();
  writing_ = true;
  stream_.expires_after(shared_.options.write_timeout);
  net::async_write(stream_, http::make_chunk_last(),
                   [self = shared_from_this()](beast::error_code, size_t) {
                     self->writing_ = false;
                     self->Close();
                   });
}

}  // namespace dealstream::api::internal
