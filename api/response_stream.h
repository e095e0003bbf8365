// ResponseStream: a response body produced over time (Server-Sent Events).
//
// The server sends the response headers, calls Start with a sink, and
// writes whatever the stream produces as HTTP/1.1 chunks until the stream
// finishes or the connection ends. When the connection has been idle for
// heartbeat_interval(), the server writes Heartbeat() (for SSE, a comment
// line) so that proxies keep the connection open and a vanished client is
// noticed.
//
// Thread-safety: Start and Cancel are called by the server, from any
// thread. The producer may call the sink from its own thread.
#pragma once

#include <chrono>
#include <memory>
#include <string>

namespace dealstream::api {

class StreamSink {
 public:
  virtual ~StreamSink() = default;
  // Queues `chunk` for the client. Blocks while the client lags too far
  // behind (back-pressure). Returns false once the connection is gone or
  // closing: the producer must then stop.
  virtual bool Write(std::string chunk) = 0;
  // The producer has nothing more to send; the server ends the response.
  virtual void Finish() = 0;
};

class ResponseStream {
 public:
  virtual ~ResponseStream() = default;
  // Begins producing into `sink`. Called once, after the headers are sent.
  virtual void Start(std::shared_ptr<StreamSink> sink) = 0;
  // Stops producing soon; must not block. Called when the connection ends
  // or the server stops. The producer sees Write return false.
  virtual void Cancel() = 0;
  virtual std::string Heartbeat() const = 0;
  virtual std::chrono::milliseconds heartbeat_interval() const = 0;
};

}  // namespace dealstream::api
