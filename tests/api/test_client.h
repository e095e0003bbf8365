// A small HTTP client for the server tests, built on Beast over Asio: one
// keep-alive connection, raw bytes when a test needs malformed HTTP,
// pipelining (send several, then read several), and incremental reads of a
// streamed (SSE) body. Every operation has a timeout so that a broken
// server fails a test instead of hanging it.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "api/http_message.h"
#include "base/result.h"

namespace dealstream::api::testing {

class TestConnection {
 public:
  // Connects to 127.0.0.1:port.
  static Result<std::unique_ptr<TestConnection>> Open(uint16_t port);
  ~TestConnection();

  // Sends one request (Host and Content-Length are added unless
  // `exact_headers`, which sends the headers as given).
  Status Send(const Request& request, bool exact_headers = false);
  Status SendRaw(const std::string& bytes);
  // Reads one complete response.
  Result<Response> Read(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Send + Read.
  Result<Response> Call(const Request& request);

  // Streaming: reads the header of a response, then body bytes as they come.
  Result<Response> ReadHeader(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Reads until the body received so far contains `needle` (the body so
  // far is returned), or fails on timeout or end of stream.
  Result<std::string> ReadBodyUntil(const std::string& needle,
                                    std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // True once the server has closed the connection (within `timeout`).
  bool WaitClosed(std::chrono::milliseconds timeout = std::chrono::seconds(5));

 private:
  struct Impl;
  explicit TestConnection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Request helpers.
Request Get(const std::string& target, const std::string& token = "");
Request Post(const std::string& target, const std::string& body, const std::string& token = "",
             const std::string& content_type = "application/json");

}  // namespace dealstream::api::testing
