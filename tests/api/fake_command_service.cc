#include "fake_command_service.h"

#include <future>
#include <nlohmann/json.hpp>

#include "base/uuid.h"

namespace dealstream::api::testing {
namespace {

using commands::CommandError;
using commands::CommandOk;
using commands::CommandOutcome;
using Kind = CommandError::Kind;

Unexpected<CommandError> Error(Kind kind, std::string code, std::string field, std::string message,
                               std::optional<uint64_t> current = std::nullopt) {
  return Unexpected(CommandError{kind, std::move(code), std::move(field), std::move(message), current});
}

}  // namespace

std::vector<std::string> FakeCommandService::CommandTypes() const {
  return {"RegisterCustomer", "RegisterDepartment", "RenameCustomer"};
}

size_t FakeCommandService::appended() const {
  std::lock_guard lock(mu_);
  return appended_;
}

commands::CommandOutcome FakeCommandService::Execute(const commands::CommandRequest& request) {
  std::promise<CommandOutcome> promise;
  auto future = promise.get_future();
  ExecuteAsync(request, [&](CommandOutcome outcome) { promise.set_value(std::move(outcome)); });
  return future.get();
}

void FakeCommandService::ExecuteAsync(commands::CommandRequest request,
                                      std::function<void(CommandOutcome)> done) {
  const auto types = CommandTypes();
  if (std::find(types.begin(), types.end(), request.type) == types.end()) {
    return done(Error(Kind::kUnknownCommand, "unknown_command", "", "no command " + request.type));
  }
  const nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return done(Error(Kind::kMalformed, "malformed_json", "", "the body must be a JSON object"));
  }
  const bool rename = request.type == "RenameCustomer";
  const bool department = request.type == "RegisterDepartment";
  for (const auto& [key, value] : body.items()) {
    const bool known = key == "name" || (rename ? key == "customer_id"
                                                : key == "id" || (!department && key == "owner_id"));
    if (!known) return done(Error(Kind::kInvalid, "unknown_field", key, key + ": unknown field"));
  }
  if (!body.contains("name") || !body["name"].is_string() || body["name"].get<std::string>().empty()) {
    return done(Error(Kind::kInvalid, "required", "name", "name: required, a non-empty string"));
  }
  if (body["name"] == "Blocked") {
    return done(Error(Kind::kRuleViolated, "name_blocked", "name", "name: 'Blocked' is not allowed"));
  }
  commands::CommandTarget target;
  target.category = department ? "department" : "customer";
  if (rename) {
    if (!body.contains("customer_id") || !body["customer_id"].is_string()) {
      return done(Error(Kind::kInvalid, "required", "customer_id", "customer_id: required"));
    }
    target.id = body["customer_id"];
    std::lock_guard lock(mu_);
    auto it = owners_.find(target.id);
    if (it == owners_.end()) {
      return done(Error(Kind::kNotFound, "not_found", "customer_id", "no customer " + target.id));
    }
    target.owner_id = it->second;
  } else {
    target.creates = true;
    target.id = body.contains("id") && body["id"].is_string() ? body["id"].get<std::string>()
                                                              : NewUuidV7(Now());
    if (!department) {
      if (!body.contains("owner_id") || !body["owner_id"].is_string()) {
        return done(Error(Kind::kInvalid, "required", "owner_id", "owner_id: required"));
      }
      target.owner_id = body["owner_id"].get<std::string>();
    }
  }
  auto stream = eventstore::StreamName::Make(target.category, target.id);
  if (!stream.ok()) return done(Error(Kind::kInvalid, "bad_id", "id", stream.error().message()));
  if (request.authorize) {
    if (auto refused = request.authorize(target)) return done(Unexpected(*refused));
  }

  eventstore::ProposedEvent event;
  event.type = rename ? "crm.customer.renamed.v1"
                      : department ? "crm.department.created.v1" : "crm.customer.registered.v1";
  event.subject = target.id;
  event.data = body.dump();
  event.metadata = {request.actor, request.correlation_id, request.causation_id, request.type};
  eventstore::AppendRequest append{.stream = *stream,
                                   .expected = eventstore::ExpectedVersion::Any(),
                                   .events = {}};
  append.events.push_back(std::move(event));
  if (target.creates) append.expected = eventstore::ExpectedVersion::NoStream();
  else if (request.expected_version) append.expected = eventstore::ExpectedVersion::Exact(*request.expected_version);
  append.idempotency_key = request.idempotency_key;
  append.request_fingerprint = request.type + "\n" + request.body;

  log_.AppendAsync(std::move(append), [this, target, done = std::move(done)](
                                          eventstore::AppendOutcome outcome) {
    using Code = eventstore::AppendError::Code;
    if (!outcome.ok()) {
      const auto& e = outcome.error();
      switch (e.code) {
        case Code::kWrongExpectedVersion:
          if (target.creates) {
            return done(Error(Kind::kAlreadyExists, "already_exists", "id",
                              target.category + " " + target.id + " already exists"));
          }
          return done(Error(Kind::kConflict, "version_conflict", "", e.message, e.current_version.value));
        case Code::kIdempotencyKeyReused:
          return done(Error(Kind::kIdempotencyKeyReused, "idempotency_key_reused", "", e.message));
        case Code::kInvalidArgument:
          return done(Error(Kind::kInvalid, "invalid", "", e.message));
        case Code::kStorageFailure:
        case Code::kShuttingDown:
          return done(Error(Kind::kUnavailable, "unavailable", "", e.message));
      }
    }
    {
      std::lock_guard lock(mu_);
      if (target.creates && target.owner_id) owners_[target.id] = *target.owner_id;
      if (!outcome->replayed) ++appended_;
    }
    done(CommandOk{.id = target.id,
                   .stream = outcome->stream.str(),
                   .version = outcome->last_version.value,
                   .position = outcome->last_position.value,
                   .event_ids = outcome->event_ids,
                   .replayed = outcome->replayed});
  });
}

}  // namespace dealstream::api::testing
