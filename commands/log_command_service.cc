#include "commands/log_command_service.h"

#include <future>
#include <string_view>

#include "base/uuid.h"
#include "codec/json_dom.h"
#include "commands/command_handler.h"
#include "commands/log_directory.h"
#include "commands/registry.h"
#include "eventstore/record_codec.h"

namespace dealstream::commands {
namespace {

// A business time this far ahead of the clock is a mistake, not skew.
constexpr int64_t kMaxFutureSkewMicros = 5LL * 60 * 1000000;

CommandError Malformed(std::string message) {
  return {CommandError::Kind::kMalformed, "malformed_body", "", std::move(message), std::nullopt};
}

}  // namespace

struct LogCommandService::Impl {
  Impl(eventstore::EventLog& log, const CommandServiceOptions& options)
      : log(log),
        options(options),
        runners(log, options.state_cache_capacity),
        directory(log, runners) {
    HandlerEnv env{log, directory, [this](CommandTarget& target) { FillOwnership(target); },
                   [this](const eventstore::StreamName& stream) { directory.Track(stream); },
                   lanes};
    handlers = MakeHandlers(runners, env);
  }

  // Current ownership of an existing record, for data-scope checks.
  void FillOwnership(CommandTarget& target) const {
    if (target.category == "opportunity") {
      if (auto facts = directory.FindOpportunity(domain::Id{target.id})) {
        target.owner_id = facts->owner_id.value;
        if (facts->department_id) target.department_id = facts->department_id->value;
      }
    } else if (target.category == "customer") {
      if (auto facts = directory.FindCustomer(domain::Id{target.id})) {
        if (facts->owner_id) target.owner_id = facts->owner_id->value;
        if (facts->department_id) target.department_id = facts->department_id->value;
      }
    }
  }

  eventstore::EventLog& log;
  const CommandServiceOptions options;
  StreamLanes lanes;
  Runners runners;
  LogDirectory directory;
  std::map<std::string, std::unique_ptr<CommandHandler>, std::less<>> handlers;
};

LogCommandService::LogCommandService(eventstore::EventLog& log, CommandServiceOptions options)
    : impl_(std::make_unique<Impl>(log, options)) {}

LogCommandService::~LogCommandService() = default;

const domain::Directory& LogCommandService::directory() const { return impl_->directory; }

bool LogCommandService::directory_caught_up() const { return impl_->directory.caught_up(); }

Status LogCommandService::ChangeOutsideTheLog(const eventstore::StreamName& stream,
                                              const std::function<Status()>& change) {
  std::promise<void> entered;
  impl_->lanes.Enter(stream.str(), [&entered] { entered.set_value(); });
  entered.get_future().wait();
  Status status = change();
  impl_->runners.ForEach([&]<typename A>(AggregateRunner<A>& runner) {
    if (std::string_view(A::kCategory) == stream.category()) runner.Forget(stream.str());
  });
  impl_->lanes.Leave(stream.str());
  return status;
}

std::vector<std::string> LogCommandService::CommandTypes() const {
  std::vector<std::string> types;
  for (const auto& [type, handler] : impl_->handlers) types.push_back(type);
  return types;
}

CommandOutcome LogCommandService::Execute(const CommandRequest& request) {
  std::promise<CommandOutcome> promise;
  auto future = promise.get_future();
  ExecuteAsync(request, [&promise](CommandOutcome o) { promise.set_value(std::move(o)); });
  return future.get();
}

void LogCommandService::ExecuteAsync(CommandRequest request,
                                     std::function<void(CommandOutcome)> done) {
  auto handler = impl_->handlers.find(request.type);
  if (handler == impl_->handlers.end()) {
    return done(Unexpected(CommandError{
        CommandError::Kind::kUnknownCommand, "unknown_command", "",
        "there is no command type '" + request.type.substr(0, 100) +
            "'; the command types are listed in /openapi.json",
        std::nullopt}));
  }
  auto parsed = codec::ParseJsonDom(request.body);
  if (!parsed.ok()) return done(Unexpected(Malformed(parsed.error().message)));
  if (!parsed->is_object()) return done(Unexpected(Malformed("the body must be a JSON object")));

  auto prepared = std::make_shared<PreparedCommand>();
  const std::string canonical = parsed->dump();
  prepared->fingerprint =
      eventstore::HexOf(eventstore::Sha256Of(request.type + "\n" + canonical));
  prepared->business_time = Now();
  if (auto it = parsed->find("occurred_at"); it != parsed->end()) {
    if (!it->is_string()) {
      return done(Unexpected(CommandError{CommandError::Kind::kInvalid, "schema_violation",
                                          "occurred_at",
                                          "occurred_at: expected an RFC 3339 time as a string",
                                          std::nullopt}));
    }
    auto when = ParseDateStart(it->get_ref<const std::string&>());
    if (!when.ok()) {
      return done(Unexpected(CommandError{CommandError::Kind::kInvalid, "schema_violation",
                                          "occurred_at", "occurred_at: " + when.error().message(),
                                          std::nullopt}));
    }
    if (when->micros() > prepared->business_time.micros() + kMaxFutureSkewMicros) {
      return done(Unexpected(CommandError{CommandError::Kind::kInvalid, "occurred_in_future",
                                          "occurred_at",
                                          "occurred_at: a fact cannot have happened in the future",
                                          std::nullopt}));
    }
    prepared->business_time = *when;
  }

  if (request.idempotency_key) {
    auto stored = impl_->log.FindIdempotencyKey(*request.idempotency_key);
    if (!stored.ok()) return done(Unexpected(Unavailable(stored.error())));
    if (stored->has_value()) {
      const eventstore::IdempotencyRecord& record = **stored;
      if (record.fingerprint != prepared->fingerprint) {
        return done(Unexpected(CommandError{
            CommandError::Kind::kIdempotencyKeyReused, "idempotency_key_reused",
            "Idempotency-Key",
            "Idempotency-Key was already used for a different command; use a new key",
            std::nullopt}));
      }
      const eventstore::AppendResult& r = record.result;
      return done(CommandOk{std::string(r.stream.id()), r.stream.str(), r.last_version.value,
                            r.last_position.value, r.event_ids, true});
    }
  }
  // The directory's indexes are whole only once it has read the log: a
  // decision taken earlier could miss an owner's open deal or a SKU taken.
  if (!impl_->directory.WaitCaughtUp(impl_->options.directory_wait)) {
    return done(Unexpected(CommandError{
        CommandError::Kind::kUnavailable, "starting", "",
        "the command directory is still reading the log after a start; retry shortly",
        std::nullopt}));
  }
  if (request.correlation_id.empty()) request.correlation_id = NewUuidV7(Now());
  prepared->request = std::move(request);
  handler->second->Execute(std::move(prepared), std::move(done));
}

}  // namespace dealstream::commands
