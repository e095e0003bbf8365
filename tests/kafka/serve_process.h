// `dealstream serve` as a child process for end-to-end tests: started with
// its stdout and stderr in files (a server that logs every request must
// never block on a full pipe), its URL read from the banner, stopped with
// SIGTERM (or killed with SIGKILL if it is still running at destruction).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

#include "api/http_message.h"

namespace dealstream::kafka::testing {

class ServeProcess {
 public:
  // Spawns DEALSTREAM_BINARY with `args`; `log_prefix` names the files
  // (<prefix>.out, <prefix>.err). Check started() before use.
  ServeProcess(const std::vector<std::string>& args, const std::string& log_prefix);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  // Waits until stdout shows the banner line "listening on http://H:PORT";
  // false if the process exits or `timeout` passes first.
  bool WaitListening(std::chrono::seconds timeout);
  uint16_t port() const { return port_; }
  // What the process wrote so far.
  std::string Stdout() const;
  std::string Stderr() const;
  // The last ~4 KiB of stderr, for failure messages.
  std::string StderrTail() const;

  // SIGTERM and wait; the exit code (-1 when it did not exit normally).
  int Stop();

  // One HTTP call to this server (status 0 when the connection failed).
  api::Response Call(const std::string& method, const std::string& target,
                     const std::string& token, const std::string& body = "") const;

 private:
  pid_t pid_ = -1;
  std::string out_path_, err_path_;
  uint16_t port_ = 0;
};

// Runs the binary to completion: {exit code, stdout, stderr}.
struct RunResult {
  int code = -1;
  std::string out, err;
};
RunResult RunDealstream(const std::vector<std::string>& args, const std::string& log_prefix);

}  // namespace dealstream::kafka::testing
