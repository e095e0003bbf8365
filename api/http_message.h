// Request and Response: the API's own small HTTP messages. Routes are pure
// functions over these; only the server's session code knows Boost.Beast.
//
// Thread-safety: plain values.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace dealstream::api {

class ResponseStream;  // api/response_stream.h

// Header fields in arrival order. Names compare case-insensitively.
class Headers {
 public:
  // The first value of `name`, if present.
  std::optional<std::string_view> Get(std::string_view name) const;
  // Number of fields named `name`.
  size_t Count(std::string_view name) const;
  // Replaces every field named `name` with one field.
  void Set(std::string_view name, std::string value);
  void Add(std::string_view name, std::string value);
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b);

struct Request {
  std::string method;  // "GET", "POST", … as sent
  std::string target;  // the raw request target, e.g. "/v1/events?from=3"
  Headers headers;
  std::string body;
  std::string remote;  // peer address, for logs
};

// A request target split into percent-decoded path segments and query
// parameters ('+' in the query means a space).
struct ParsedTarget {
  std::string path;                   // the raw path, e.g. "/v1/streams/deal-1"
  std::vector<std::string> segments;  // decoded, e.g. {"v1", "streams", "deal-1"}
  std::vector<std::pair<std::string, std::string>> query;
};

// InvalidArgument for targets that are not origin-form ("/…") or hold a bad
// percent escape, naming what is wrong.
Result<ParsedTarget> ParseTarget(std::string_view target);

// Percent-decodes `text`; `plus_is_space` for query components.
Result<std::string> PercentDecode(std::string_view text, bool plus_is_space);
// Percent-encodes everything outside RFC 3986's unreserved set.
std::string PercentEncode(std::string_view text);

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // When set, the body is produced over time (Server-Sent Events): the
  // server sends the headers, then writes what the stream produces, chunked,
  // until the stream or the connection ends. `body` is ignored.
  std::shared_ptr<ResponseStream> stream;
};

// A response with a JSON body and Content-Type application/json.
Response JsonResponse(int status, std::string body);
// The reason phrase of a status code ("Not Found"), "Unknown" if unlisted.
std::string_view ReasonPhrase(int status);

// True if the Content-Type value names `media_type` (parameters such as
// "; charset=utf-8" are ignored; case-insensitive).
bool MediaTypeIs(std::string_view content_type, std::string_view media_type);

}  // namespace dealstream::api
