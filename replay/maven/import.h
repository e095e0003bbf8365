// `dealstream import maven-crm SOURCE_DIR`: reads and checks the dataset
// (dataset.h), plans the commands (plan.h), resolves the plan's settings
// from the configuration in force (the sales process's second open stage
// for Engaging deals; the loss reason "other", else "no_decision", else the
// first configured), and runs the plan through the command service over the
// data directory's (vaulted) log, then lets the process managers derive
// the customers' lifecycle from the imported events. Idempotent: every command carries a
// stable idempotency key, so a re-run (or the rest of an interrupted run)
// writes nothing twice.
#pragma once

#include <string>

#include "base/result.h"
#include "commands/command_service.h"
#include "domain/common/directory.h"
#include "replay/data_dir.h"
#include "replay/maven/chain_runner.h"
#include "replay/maven/plan.h"

namespace dealstream::replay::maven {

struct ImportReport {
  PlanSettings settings;
  ImportPlan plan;  // quirks and totals
  RunStats stats;
  uint64_t follow_ups = 0;  // lifecycle commands the process managers issued
  double seconds = 0;  // wall time of the run (reading + planning + commands)
};

// Reads, plans and runs the plan through `service` — any command service,
// such as a running server's (api/remote_command_service.h), whose own
// process managers then derive the lifecycle — with the settings taken from
// `process`, the sales process in force there. follow_ups stays 0.
Result<ImportReport> ImportMavenThrough(commands::CommandService& service,
                                        const domain::SalesProcessFacts& process,
                                        const std::string& source_dir, const RunOptions& options);

// `dir` must be open writable. Errors: those of ReadMavenDataset (nothing
// written) and RunPlan; FailedPrecondition when the configured process or
// loss reasons cannot take the dataset.
Result<ImportReport> ImportMaven(DataDir& dir, const std::string& source_dir,
                                 const RunOptions& options);

// The summary `import maven-crm` prints: what was created, every quirk with
// its count and handling, and the run's numbers.
std::string FormatReport(const ImportReport& report);

}  // namespace dealstream::replay::maven
