// LogCommandService: the CommandService over an EventLog.
//
// For each command it parses the body once, takes `occurred_at` (any
// command may carry it: the business time of the fact) out of it, answers a
// retried Idempotency-Key from the log, and hands the rest to the handler of
// the command type (decode, resolve target, load, authorize, decide,
// append). Appends are asynchronous, so callers waiting on a group commit
// hold no thread.
//
// Thread-safe.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "commands/command_service.h"
#include "eventstore/event_log.h"

namespace dealstream::domain {
class Directory;
}  // namespace dealstream::domain

namespace dealstream::commands {

class CommandHandler;
class LogDirectory;
template <typename List>
class RunnerSet;

struct CommandServiceOptions {
  // States of recently used records kept in memory. Default: 100,000.
  size_t state_cache_capacity = 100000;
  // How long a command waits, after a start, for the directory to have read
  // the whole log before it is refused as Unavailable ("starting").
  // Default: 2 s.
  std::chrono::milliseconds directory_wait{2000};
};

class LogCommandService final : public CommandService {
 public:
  // `log` must outlive the service.
  explicit LogCommandService(eventstore::EventLog& log, CommandServiceOptions options = {});
  ~LogCommandService() override;

  CommandOutcome Execute(const CommandRequest& request) override;
  void ExecuteAsync(CommandRequest request, std::function<void(CommandOutcome)> done) override;
  std::vector<std::string> CommandTypes() const override;

  // Facts about records, as decisions see them.
  const domain::Directory& directory() const;
  // True once the directory has read the whole log (after a start it reads
  // it again to rebuild its indexes: open work per owner, SKUs, department
  // contents…). Until then commands wait for it briefly, then answer
  // Unavailable; /readyz reports it.
  bool directory_caught_up() const;

  // Runs `change` while no command of `stream` runs — after the commands of
  // the stream already queued, before any that arrive later — then drops
  // the stream's cached state, so the next command folds it from the log
  // again. For changes to what the log reads as without a new event:
  // forgetting a contact's personal data (the cached state still holds the
  // plaintext, which a later ContactUpdated would copy as a previous value).
  // Blocks the calling thread until the queued commands have committed.
  // Returns what `change` returned.
  Status ChangeOutsideTheLog(const eventstore::StreamName& stream,
                             const std::function<Status()>& change);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealstream::commands
