// ScriptRunner: runs scripts through a CommandService with bounded
// concurrency — up to `max_in_flight` scripts at once, each with one command
// in flight — so that concurrent commands share group commits while the
// commands of one record keep their order.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "commands/command_service.h"
#include "demo/script.h"

namespace dealstream::demo {

class ScriptRunner {
 public:
  // `service` must outlive the runner.
  ScriptRunner(commands::CommandService& service, size_t max_in_flight);

  // Runs every script to its end and returns OK, or stops starting commands
  // at the first refusal, waits for those in flight, and returns
  // FailedPrecondition "<CommandType> <body>: <code>: <message>".
  Status Run(const std::vector<Script>& scripts);

  uint64_t accepted() const { return accepted_; }
  const std::map<std::string, uint64_t>& accepted_by_type() const { return by_type_; }

 private:
  commands::CommandService& service_;
  size_t max_in_flight_;
  uint64_t accepted_ = 0;
  std::map<std::string, uint64_t> by_type_;
};

}  // namespace dealstream::demo
