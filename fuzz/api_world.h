// ApiWorld: the whole HTTP API as `dealstream serve` assembles it (command
// service, event feed, streams, admin, projections, records, OpenAPI), over
// a MemoryEventLog holding a small company, with the read models' side
// store in a temporary directory. No sockets: requests go straight to
// Api::Handle, the transport-free pipeline the server calls.
//
// Built once per fuzzing process (Get()); requests that succeed change it,
// as they would change a real server.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "api/http_message.h"

namespace dealstream::fuzz {

class ApiWorld {
 public:
  static ApiWorld& Get();

  // Callers the fuzzers can act as: index 0 sends no credentials; the
  // others are an admin, a manager, a sales rep, an auditor, an analyst and
  // an integrator of the seeded company.
  static constexpr size_t kCallers = 7;
  // Adds `Authorization: Bearer <token>` for caller `caller % kCallers`
  // unless the request has an Authorization header already.
  void Authorize(api::Request* request, size_t caller) const;

  // Hands the request to the API and waits for its response. An answer
  // that never comes (30 s) is a defect.
  api::Response Call(api::Request request);

  // Aborts, naming the request, on a 5xx or on an error without a
  // problem+json body.
  static void CheckAnswer(const api::Request& request, const api::Response& response);

  ApiWorld(const ApiWorld&) = delete;
  ApiWorld& operator=(const ApiWorld&) = delete;
  ~ApiWorld();

 private:
  ApiWorld();
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

// A request target may hold any byte but controls, space and DEL: those
// cannot reach the API through the HTTP parser.
bool IsWireTarget(std::string_view target);

}  // namespace dealstream::fuzz
