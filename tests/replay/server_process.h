// A `dealstream serve` child process on a data directory, for the tests of
// the replay routes and of the subcommands beside a running server: start,
// talk HTTP to it, stop it with SIGTERM.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "api/http_message.h"

namespace dealstream::replay::testing {

class ServerProcess {
 public:
  // Starts `dealstream serve --data DIR --listen 127.0.0.1:0 --durability D`
  // (default "os") and waits (up to 60 s) for its banner; started() says
  // whether it came up. The server prints an admin token only when the log
  // has none; on a restart pass the token of the first start.
  explicit ServerProcess(const std::string& data, const std::string& durability = "os",
                         const std::string& admin_token = "");
  ~ServerProcess();  // Stop()
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool started() const { return port_ != 0 && !admin_token_.empty(); }
  const std::string& banner() const { return banner_; }
  uint16_t port() const { return port_; }
  const std::string& admin_token() const { return admin_token_; }

  // One request with the admin token (or `token` when given); status 0 when
  // the connection failed.
  api::Response Call(const std::string& method, const std::string& target,
                     const std::string& body = "", const std::string& token = "") const;

  // One request with extra headers (name, value) besides the admin token.
  api::Response Call(const std::string& method, const std::string& target, const std::string& body,
                     const std::vector<std::pair<std::string, std::string>>& headers) const;

  // SIGTERM, then waits; true if it exited with 0.
  bool Stop();
  // SIGKILL, then waits: a crash at whatever moment the server is in.
  void Kill();
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string banner_;
  uint16_t port_ = 0;
  std::string admin_token_;
};

}  // namespace dealstream::replay::testing
