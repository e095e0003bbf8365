// CommandHandler: runs one command type C of aggregate A — decode, resolve
// the target, load, authorize, decide, append — and reports the outcome.
//
// Internal to the commands module: included only by the registry sources,
// because it instantiates the codec for every command type.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "base/uuid.h"
#include "codec/command_codec.h"
#include "codec/event_codec.h"
#include "codec/type_info.h"
#include "commands/aggregate_runner.h"
#include "commands/command_service.h"
#include "commands/command_target.h"
#include "commands/errors.h"
#include "commands/stream_lanes.h"
#include "domain/common/aggregate.h"
#include "domain/common/reflect.h"

namespace dealstream::commands {

// One command on its way through the service; shared across retries.
struct PreparedCommand {
  CommandRequest request;
  Timestamp business_time;  // occurred_at, or the arrival time
  std::string fingerprint;  // digest of type + canonical body, for idempotency
  int attempt = 0;
};

using Done = std::function<void(CommandOutcome)>;

// Fills a target's ownership (owner, department, team) for records that
// exist, from the Directory.
using OwnershipLookup = std::function<void(CommandTarget&)>;

struct HandlerEnv {
  eventstore::EventLog& log;
  const domain::Directory& directory;
  OwnershipLookup ownership;
  // Called after a command's events are committed, before its reply.
  std::function<void(const eventstore::StreamName&)> on_committed;
  // One command at a time per stream (see stream_lanes.h).
  StreamLanes& lanes;
};

class CommandHandler {
 public:
  virtual ~CommandHandler() = default;
  virtual void Execute(std::shared_ptr<PreparedCommand> command, Done done) = 0;
};

// Conflicts caused by a concurrent writer (when the client gave no If-Match)
// are retried on a fresh state this many times.
inline constexpr int kMaxConflictRetries = 10;

template <typename A, typename C>
class TypedCommandHandler final : public CommandHandler {
 public:
  TypedCommandHandler(HandlerEnv env, AggregateRunner<A>& runner)
      : env_(std::move(env)), runner_(runner) {}

  void Execute(std::shared_ptr<PreparedCommand> p, Done done) override {
    // Strict parsing, validation against the command's JSON Schema, typed
    // decoding: all in the codec.
    auto decoded = codec::DecodeCommand<typename A::Command>(C::kType, p->request.body);
    if (!decoded.ok()) return done(Unexpected(FromFieldError(decoded.error())));
    C command = std::get<C>(std::move(decoded->command));
    auto id = ResolveId(command);
    if (!id.ok()) return done(Unexpected(id.error()));
    FillGeneratedIds(command);
    auto stream = eventstore::StreamName::Make(A::kCategory, *id);
    if (!stream.ok()) {
      return done(Unexpected(CommandError{CommandError::Kind::kInvalid, "invalid_id",
                                          std::string(C::kTargetField), stream.error().message(),
                                          std::nullopt}));
    }
    // Load, decide and append with no other command of this stream in flight;
    // the lane is left before the reply, so a caller may chain commands.
    env_.lanes.Enter(stream->str(), [this, p, command = std::move(command), id = *id,
                                     stream = *stream, done = std::move(done)]() mutable {
      Done leave = [this, key = stream.str(), done = std::move(done)](CommandOutcome outcome) {
        env_.lanes.Leave(key);
        done(std::move(outcome));
      };
      DecideAndAppend(std::move(p), std::move(command), id, stream, std::move(leave));
    });
  }

 private:
  void DecideAndAppend(std::shared_ptr<PreparedCommand> p, C command, const std::string& id,
                       const eventstore::StreamName& stream, Done done) {
    auto loaded = runner_.Load(stream);
    if (!loaded.ok()) return done(Unexpected(Unavailable(loaded.error())));
    if (auto refused = CheckExistence(id, loaded->version)) return done(Unexpected(*refused));
    const CommandRequest& request = p->request;
    if (request.expected_version && *request.expected_version != loaded->version) {
      return done(Unexpected(CommandError{
          CommandError::Kind::kConflict, "version_conflict", "If-Match",
          stream.str() + " is at version " + std::to_string(loaded->version) +
              ", but If-Match expected " + std::to_string(*request.expected_version),
          loaded->version}));
    }
    if (request.authorize) {
      CommandTarget target = Target(command, id, loaded->state, request.actor);
      if (auto refused = request.authorize(target)) return done(Unexpected(*refused));
    }

    const domain::DecideContext context{p->business_time, domain::Id{request.actor},
                                        env_.directory};
    auto decision = A::Decide(loaded->state, typename A::Command(command), context);
    if (!decision.ok()) return done(Unexpected(FromDomainError(decision.error())));

    typename AggregateRunner<A>::Loaded next{loaded->state, loaded->version};
    eventstore::AppendRequest append{
        .stream = stream,
        .expected = C::kCreates ? eventstore::ExpectedVersion::NoStream()
                                : eventstore::ExpectedVersion::Exact(loaded->version),
        .events = {},
        .idempotency_key = request.idempotency_key,
        .request_fingerprint = p->fingerprint};
    for (const auto& event : *decision) {
      A::Evolve(next.state, event, p->business_time);
      append.events.push_back(codec::ToProposedEvent(
          event, id, p->business_time,
          {request.actor, request.correlation_id, request.causation_id, std::string(C::kType)}));
    }
    if (append.events.empty()) {
      return done(CommandOk{id, stream.str(), loaded->version, 0, {}, false});
    }
    next.version = loaded->version + append.events.size();
    env_.log.AppendAsync(
        std::move(append),
        [this, p, command = std::move(command), done = std::move(done), id, stream,
         next = std::move(next)](eventstore::AppendOutcome outcome) mutable {
          if (outcome.ok()) {
            if (!outcome->replayed) runner_.Remember(stream.str(), std::move(next));
            if (env_.on_committed) env_.on_committed(stream);
            return done(CommandOk{id, stream.str(), outcome->last_version.value,
                                  outcome->last_position.value, outcome->event_ids,
                                  outcome->replayed});
          }
          // Within this process the lane rules out races on one stream; a
          // conflict means another writer (a replica being promoted, a tool on
          // the same directory) moved it. Decide again on its fresh state.
          const bool concurrent_writer =
              outcome.error().code == eventstore::AppendError::Code::kWrongExpectedVersion &&
              !p->request.expected_version && !C::kCreates;
          if (concurrent_writer && ++p->attempt <= kMaxConflictRetries) {
            runner_.Forget(stream.str());
            return DecideAndAppend(p, std::move(command), id, stream, std::move(done));
          }
          done(Unexpected(FromAppendError(outcome.error())));
        });
  }

  // The aggregate id: a fixed id for singletons, the target field, or for
  // creations the optional "id" (generated when absent).
  Result<std::string, CommandError> ResolveId(C& command) const {
    if constexpr (requires { C::kFixedId; }) {
      return std::string(C::kFixedId);
    } else {
      std::optional<std::string> id;
      domain::ForEachField<C>([&](const auto& field) {
        if (field.name != C::kTargetField) return;
        auto& member = command.*(field.member);
        using M = std::decay_t<decltype(member)>;
        if constexpr (std::is_same_v<M, domain::Id>) {
          id = member.value;
        } else if constexpr (std::is_same_v<M, std::optional<domain::Id>>) {
          if (!member) member = domain::Id{NewUuidV7(Now())};
          id = member->value;
        }
      });
      if (!id) {
        return Unexpected(CommandError{CommandError::Kind::kInvalid, "target_missing",
                                       std::string(C::kTargetField),
                                       std::string(C::kTargetField) + " is required"});
      }
      return *id;
    }
  }

  // Commands that name records they will cause to be created (kGeneratedIds)
  // get fresh ids for those left empty, before deciding, so the ids are
  // fixed in the events.
  static void FillGeneratedIds(C& command) {
    if constexpr (requires { C::kGeneratedIds; }) {
      domain::ForEachField<C>([&](const auto& field) {
        auto& member = command.*(field.member);
        using M = std::decay_t<decltype(member)>;
        if constexpr (std::is_same_v<M, std::optional<domain::Id>>) {
          for (std::string_view name : C::kGeneratedIds) {
            if (field.name == name && !member) member = domain::Id{NewUuidV7(Now())};
          }
        }
      });
    }
  }

  std::optional<CommandError> CheckExistence(const std::string& id, uint64_t version) const {
    const std::string category(A::kCategory);
    if constexpr (requires { C::kFixedId; }) {
      return std::nullopt;  // configuration singletons exist implicitly
    } else if (C::kCreates && version > 0) {
      return CommandError{CommandError::Kind::kAlreadyExists, category + "_exists", "id",
                          category + " '" + id + "' already exists; id must be unused",
                          version};
    } else if (!C::kCreates && version == 0) {
      return CommandError{CommandError::Kind::kNotFound, category + "_not_found",
                          std::string(C::kTargetField),
                          std::string(C::kTargetField) + ": no " + category + " with id '" + id +
                              "' exists",
                          std::nullopt};
    }
    return std::nullopt;
  }

  // What an authorizer needs: for creations, the ownership the command asks
  // for; otherwise the record's current ownership (command_target.h).
  CommandTarget Target(const C& command, const std::string& id, const typename A::State& state,
                       const std::string& actor) const {
    CommandTarget target{std::string(A::kCategory), id, C::kCreates, {}, {}, {}};
    OwnershipFields fields;
    if constexpr (C::kCreates) {
      fields = OwnershipFieldsOf(command);
      fields.has_author = fields.has_author || OwnershipFieldsOf(state).has_author;
    } else {
      fields = OwnershipFieldsOf(state);
    }
    const auto lookup = [this](CommandTarget& owner) {
      if (env_.ownership) env_.ownership(owner);
    };
    ResolveOwnership(fields, actor, lookup, target);
    return target;
  }

  HandlerEnv env_;
  AggregateRunner<A>& runner_;
};

}  // namespace dealstream::commands
