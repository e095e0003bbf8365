// Fuzz target: HTTP request handling through the route layer, without
// sockets (fuzz/api_world.h).
//
// Input: the first byte picks the caller (no credentials, or one of the
// roles); the rest is a request as text:
//   METHOD SP TARGET LF
//   (Name: value LF)*
//   LF
//   body
// (CR before LF is dropped). Whatever the request, the answer must come,
// must not be a 5xx, and an error must be a problem+json document.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/api_world.h"

namespace dealstream::fuzz {
namespace {

// The next line of `*rest` without its line end; removes it from `*rest`.
std::string_view NextLine(std::string_view* rest) {
  const size_t end = std::min(rest->find('\n'), rest->size());
  std::string_view line = rest->substr(0, end);
  rest->remove_prefix(std::min(end + 1, rest->size()));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || std::string_view("()<>@,;:\\\"/[]?={}").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

// False when the text is not a request an HTTP parser would pass on.
bool ParseRequest(std::string_view text, api::Request* request) {
  const std::string_view start = NextLine(&text);
  const size_t space = start.find(' ');
  if (space == std::string_view::npos) return false;
  request->method = std::string(start.substr(0, space));
  request->target = std::string(start.substr(space + 1));
  if (!IsToken(request->method) || request->target.empty() || !IsWireTarget(request->target)) {
    return false;
  }
  while (!text.empty()) {
    const std::string_view line = NextLine(&text);
    if (line.empty()) break;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || !IsToken(line.substr(0, colon))) return false;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    for (char c : value) {
      if (c == '\0' || c == '\r') return false;  // a parser refuses these in field values
    }
    request->headers.Add(line.substr(0, colon), std::string(value));
  }
  request->body = std::string(text);
  request->remote = "127.0.0.1:1";
  return true;
}

}  // namespace
}  // namespace dealstream::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dealstream;
  if (size == 0) return 0;
  api::Request request;
  if (!fuzz::ParseRequest(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1),
                          &request)) {
    return -1;  // not a request: keep it out of the corpus
  }
  fuzz::ApiWorld& world = fuzz::ApiWorld::Get();
  world.Authorize(&request, data[0]);
  const api::Request sent = request;
  fuzz::ApiWorld::CheckAnswer(sent, world.Call(std::move(request)));
  return 0;
}
