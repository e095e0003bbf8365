// GenerateDemoCompany: fills an event log with a realistic B2B company —
// departments, people, catalogue, customers with buying committees, deals in
// every stage, contracts being executed, expenses, service and marketing —
// by submitting JSON commands through a CommandService, exactly as the HTTP
// API and importers do. It never touches the log directly.
//
// Deterministic: the same seed and `now` produce the same commands with the
// same ids and business times (`occurred_at`), so two runs store identical
// event payloads. Business times lie in the 18 months before `now`, are in
// chronological order within each record, and never lie after `now`.
//
// Every command must be accepted; the first refusal stops the generation and
// is returned as an error naming the command and the refusal.
//
// Thread-safety: call once per service at a time; it drives the service
// from the calling thread and waits for every command it submitted.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "base/result.h"
#include "base/time.h"
#include "commands/command_service.h"

namespace dealstream::demo {

struct DemoOptions {
  // Same seed and `now`, same company. Default: 42.
  uint64_t seed = 42;
  // The end of the 18-month history; no business time lies after it.
  Timestamp now;
  // Records worked on at once (commands in flight). Default: 64.
  size_t max_in_flight = 64;
};

struct DemoSummary {
  uint64_t commands = 0;                    // all accepted commands
  std::map<std::string, uint64_t> by_type;  // accepted commands per command type
  uint64_t employees = 0;
  uint64_t customers = 0;
  uint64_t contacts = 0;
  uint64_t opportunities = 0;
  uint64_t contracts = 0;
  uint64_t overdue_instalments = 0;  // due before `now` and not fully paid
  double seconds = 0;                // wall-clock time of the generation
};

// Generates the company into `service`, which should sit on an empty log
// (ids are fixed, so a second run on the same log is refused as existing).
// Returns the summary, or the first refused command: "<CommandType> <record>:
// <code>: <message>".
Result<DemoSummary> GenerateDemoCompany(commands::CommandService& service,
                                        const DemoOptions& options);

}  // namespace dealstream::demo
