// ProcessManagers: turn committed events into the follow-up commands the
// domain asks for, issued through the command service with the triggering
// event as causation (its id) and its correlation id:
//   - customer lifecycle (domain/customer/lifecycle_policy.h): opportunities
//     opened, won, lost or abandoned, contracts signed or ended, contacts
//     added and activities completed derive the customer's lifecycle state;
//   - merges: CustomerDuplicateMerged -> RecordMergedDuplicate on the
//     survivor (domain/customer/customer.h);
//   - lead conversion: LeadConverted -> RegisterCustomer (if new),
//     AddContact, OpenOpportunity (domain/marketing/lead.h).
//
// Each follow-up carries the idempotency key "<kind>-<event id>", so
// handling an event twice (after a crash, before the checkpoint was saved)
// changes nothing. The checkpoint — the last position whose follow-ups were
// issued — is saved in a small file; events up to it are read again at
// start only to rebuild the counts the lifecycle policy needs.
//
// Runs on its own thread. Not for read-only followers.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "commands/command_service.h"
#include "domain/common/directory.h"
#include "domain/customer/lifecycle_policy.h"
#include "eventstore/event_log.h"

namespace dealstream::commands {

struct ProcessManagerOptions {
  // File holding the checkpoint; empty keeps it in memory only (tests).
  std::string checkpoint_path;
  domain::LifecyclePolicyOptions lifecycle;
};

struct ProcessManagerStats {
  uint64_t checkpoint = 0;      // last position handled
  uint64_t commands_issued = 0;
  uint64_t commands_refused = 0;  // refused for a reason other than "done already"
  std::string last_refusal;
};

class ProcessManagers {
 public:
  ProcessManagers(const eventstore::EventLog& log, CommandService& service,
                  const domain::Directory& directory, ProcessManagerOptions options);
  ~ProcessManagers();
  ProcessManagers(const ProcessManagers&) = delete;
  ProcessManagers& operator=(const ProcessManagers&) = delete;

  ProcessManagerStats stats() const;
  // Blocks until every event up to `position` was handled, or the timeout.
  bool WaitFor(uint64_t position, std::chrono::milliseconds timeout) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealstream::commands
