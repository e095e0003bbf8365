// CommandService: the write side's single entry point. The HTTP API and the
// CLI (importers, demo data) both submit commands here.
//
// Execute parses the JSON body, validates it against the command's schema,
// resolves the target aggregate, checks authorization, loads the aggregate's
// state, decides, and appends the resulting events with the expected
// version, so that a command is either fully recorded or not at all.
//
// Thread-safety: Execute and ExecuteAsync may be called concurrently.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/time.h"

namespace dealstream::commands {

// The record a command is about, resolved before deciding; what an
// authorizer needs to apply data scopes.
struct CommandTarget {
  std::string category;  // stream category, e.g. "opportunity"
  std::string id;        // aggregate id (generated for creations without one)
  bool creates = false;  // the command creates the record
  // Ownership of the record as it stands (or, for creations, as requested).
  std::optional<std::string> owner_id;
  std::optional<std::string> department_id;
  std::vector<std::string> team_member_ids;
  // Nothing owns it: reference data such as departments, products or the
  // sales-process configuration (see command_target.h).
  bool reference_data = false;
};

struct CommandError {
  enum class Kind {
    kMalformed,         // body is not JSON / not an object              -> 400
    kInvalid,           // schema violation or self-contradiction        -> 400
    kUnknownCommand,    // no such command type                          -> 404
    kNotFound,          // target or referenced record does not exist    -> 404
    kConflict,          // expected version mismatch; see current_version -> 409
    kAlreadyExists,     // creating a record whose id is taken           -> 409
    kIdempotencyKeyReused,  // same key, different command               -> 422
    kRuleViolated,      // business rule forbids it in this state        -> 422
    kForbidden,         // outside the caller's role or data scope       -> 403
    kUnavailable,       // storage failure or read-only node             -> 503
  };
  Kind kind;
  std::string code;     // stable snake_case rule name, e.g. "opportunity_closed"
  std::string field;    // JSON path of the offending field ("" if none)
  std::string message;  // names the field and the rule
  std::optional<uint64_t> current_version;  // for kConflict
};

struct CommandOk {
  std::string id;      // the aggregate id
  std::string stream;  // "<category>-<id>"
  uint64_t version = 0;   // stream version after the command
  uint64_t position = 0;  // global position of the last event written
  std::vector<std::string> event_ids;
  bool replayed = false;  // answered from a stored idempotency key
};

using CommandOutcome = Result<CommandOk, CommandError>;

struct CommandRequest {
  std::string type;  // e.g. "OpenOpportunity"
  std::string body;  // the JSON object as received
  std::string actor;  // employee id, or "system" / a token subject
  // From If-Match; absent means "any" (creations always need "no stream").
  std::optional<uint64_t> expected_version;
  std::optional<std::string> idempotency_key;
  std::string correlation_id;  // generated when empty
  std::string causation_id;    // for commands issued by process managers
  // Called once the target is resolved, before deciding. Return an error
  // (normally kForbidden or kNotFound, to hide existence) to refuse.
  std::function<std::optional<CommandError>(const CommandTarget&)> authorize;
};

class CommandService {
 public:
  virtual ~CommandService() = default;

  // Blocks until the events are durable or the command is refused.
  virtual CommandOutcome Execute(const CommandRequest& request) = 0;
  // As Execute; `done` may run on another thread and must not block.
  virtual void ExecuteAsync(CommandRequest request,
                            std::function<void(CommandOutcome)> done) = 0;
  // Every command type this service accepts, sorted.
  virtual std::vector<std::string> CommandTypes() const = 0;
};

}  // namespace dealstream::commands
