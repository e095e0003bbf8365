// HttpCall: one blocking HTTP/1.1 exchange over a fresh connection, for
// tools that talk to a running server (the CLI's `token create` while the
// server holds the database lock) and for tests.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "api/http_message.h"
#include "base/result.h"

namespace dealstream::api {

// Sends `request` (method, target, headers, body; Host and Content-Length
// are added) to host:port and reads the whole response. Errors:
// Unavailable when the connection fails or `timeout` passes.
Result<Response> HttpCall(const std::string& host, uint16_t port, const Request& request,
                          std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace dealstream::api
