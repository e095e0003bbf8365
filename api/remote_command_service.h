// RemoteCommandService: the CommandService of a running server, reached over
// HTTP (POST /v1/commands/{type}) with a bearer token — for tools that must
// write while the server holds the data directory, such as
// `import maven-crm` beside a running server. The server authorizes,
// decides and appends exactly as for any client; its answers map back to
// CommandOk / CommandError (problem+json code, field, current version).
//
// ExecuteAsync runs on a small pool of worker threads, so that a caller
// with many commands in flight keeps the server's group commit busy.
// Thread-safe. The request's `actor` and `authorize` are not sent: the
// token decides both.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "commands/command_service.h"

namespace dealstream::api {

struct RemoteServer {
  std::string host;
  uint16_t port = 0;
  std::string token;
  size_t workers = 16;  // commands in flight at once
};

class RemoteCommandService final : public commands::CommandService {
 public:
  explicit RemoteCommandService(RemoteServer server);
  ~RemoteCommandService() override;  // finishes the queued commands first

  commands::CommandOutcome Execute(const commands::CommandRequest& request) override;
  void ExecuteAsync(commands::CommandRequest request,
                    std::function<void(commands::CommandOutcome)> done) override;
  // The command types the server's /openapi.json lists.
  std::vector<std::string> CommandTypes() const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealstream::api
