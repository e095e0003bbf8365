// Api: the transport-free request pipeline. The server hands every parsed
// request to Handle; tests may call it directly, without sockets.
//
// For each request, in order:
//   1. the correlation id: X-Correlation-Id if valid (400 if malformed),
//      else a new UUIDv7; echoed on the response
//   2. routing: 404 for an unknown path, 405 (with Allow) for a known path
//      and another method
//   3. authentication (all routes but kPublic): Authorization: Bearer
//      <token> → 401 with WWW-Authenticate when missing, unknown or revoked
//   4. authorization: the route's Permission against the role → 403
//   5. on a read-only Api (SetReadOnly), 503 for every method but GET
//   6. the handler, with the caller's DataScope
//   7. one structured log line and the request metrics
//
// Thread-safety: add every route group before serving; Handle may then be
// called concurrently.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "api/metrics.h"
#include "api/router.h"
#include "api/scope_resolver.h"
#include "api/token_table.h"

namespace dealstream::api {

class Api {
 public:
  // All three must outlive the Api; `resolver` may be null (scoped roles
  // then see nothing, see data_scope.h).
  Api(const TokenTable& tokens, const ScopeResolver* resolver, Metrics& metrics)
      : tokens_(tokens), resolver_(resolver), metrics_(metrics) {}

  void AddRoutes(RouteGroup group);
  void Handle(Request request, Respond respond) const;

  // Makes this a read replica's API: every route whose method is not GET
  // (commands, token grants and revocations, anything that would write)
  // answers 503 `read_only_replica` with `detail`, which should say where
  // the writes go. Call before serving.
  void SetReadOnly(std::string detail) { read_only_detail_ = std::move(detail); }
  bool read_only() const { return !read_only_detail_.empty(); }

  const Router& router() const { return router_; }
  Metrics& metrics() const { return metrics_; }

 private:
  const TokenTable& tokens_;
  const ScopeResolver* resolver_;
  Metrics& metrics_;
  Router router_;
  std::string read_only_detail_;  // empty: writes are served
};

}  // namespace dealstream::api
