// A `dealstream serve` child process on a data directory, for the tests of
// the replay routes and of the subcommands beside a running server: start,
// talk HTTP to it, stop it with SIGTERM.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

#include "api/http_message.h"

namespace dealstream::replay::testing {

class ServerProcess {
 public:
  // Starts `dealstream serve --data DIR --listen 127.0.0.1:0 --durability os`
  // and waits (up to 60 s) for its banner; started() says whether it came up.
  explicit ServerProcess(const std::string& data);
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

  // SIGTERM, then waits; true if it exited with 0.
  bool Stop();

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string banner_;
  uint16_t port_ = 0;
  std::string admin_token_;
};

}  // namespace dealstream::replay::testing
