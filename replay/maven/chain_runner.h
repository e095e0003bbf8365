// ChainRunner: executes an import plan's waves through a CommandService —
// the normal write path, so every rule of the domain applies — with many
// chains in flight (their commands share group commits) and each chain's
// commands strictly one after the other. Each command carries the plan's
// idempotency key, the chain's key as correlation id and the last event id
// of the chain's previous step (in this wave or, for a chain key seen in an
// earlier wave, that wave) as causation id.
//
// Fail-fast: after the first refused command no new chain starts; the
// error names the chain's source row and the command's own message.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "commands/command_service.h"
#include "replay/maven/plan.h"

namespace dealstream::replay::maven {

struct RunStats {
  uint64_t commands = 0;  // accepted (including idempotent replays)
  uint64_t replayed = 0;  // answered from a stored idempotency key
  uint64_t events = 0;    // events written by this run
  uint64_t last_position = 0;
};

struct RunOptions {
  std::string actor = "maven-crm-import";
  // Chains in flight at once. Default: 256.
  size_t max_in_flight = 256;
  // (commands done, commands in total), now and then.
  std::function<void(uint64_t, uint64_t)> progress;
};

// Errors: the first refused command, as InvalidArgument / FailedPrecondition /
// Unavailable by its kind, naming the row, the command type and the rule.
Status RunPlan(commands::CommandService& service, const ImportPlan& plan, const RunOptions& options,
               RunStats* stats);

}  // namespace dealstream::replay::maven
