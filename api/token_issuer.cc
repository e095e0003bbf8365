#include "api/token_issuer.h"

#include <future>

namespace dealstream::api {
namespace {

Status FromAppendError(const eventstore::AppendError& error) {
  using Code = eventstore::AppendError::Code;
  switch (error.code) {
    case Code::kStorageFailure:
    case Code::kShuttingDown:
      return Status::Unavailable(error.message);
    case Code::kWrongExpectedVersion:
    case Code::kIdempotencyKeyReused:
    case Code::kInvalidArgument:
      break;
  }
  // Token appends use expected version "any" and no idempotency key, so
  // these would be bugs here.
  return Status::Internal(error.message);
}

eventstore::AppendRequest TokenAppend(eventstore::ProposedEvent event,
                                      const std::string& correlation_id) {
  event.metadata.correlation_id = correlation_id;
  eventstore::AppendRequest append{.stream = TokenStream(),
                                   .expected = eventstore::ExpectedVersion::Any(),
                                   .events = {}};
  append.events.push_back(std::move(event));
  return append;
}

}  // namespace

Status TokenIssuer::CheckEmployee(const GrantRequest& request) const {
  if (!eventstore::StreamName::IsValidId(request.employee_id)) {
    return Status::InvalidArgument(
        "employee_id must be 1-64 characters from [A-Za-z0-9_.-]");
  }
  if (request.role == Role::kAdmin) return Status::Ok();
  auto stream = eventstore::StreamName::Make(kEmployeeCategory, request.employee_id);
  if (!stream.ok()) return stream.error();
  auto version = log_.CurrentVersion(*stream);
  if (!version.ok()) return Status::Unavailable(version.error().message());
  if (version->value == 0) {
    return Status::NotFound("employee_id: no employee '" + request.employee_id +
                            "'; only admin tokens may be granted without an employee");
  }
  return Status::Ok();
}

void TokenIssuer::GrantAsync(const GrantRequest& request, GrantCallback done) {
  if (Status check = CheckEmployee(request); !check.ok()) {
    done(check);
    return;
  }
  auto token = NewToken();
  if (!token.ok()) {
    done(token.error());
    return;
  }
  TokenGranted grant{.token_hash = HashToken(*token),
                     .employee_id = request.employee_id,
                     .role = request.role,
                     .granted_by = request.granted_by};
  log_.AppendAsync(
      TokenAppend(GrantedEvent(grant), request.correlation_id),
      [this, grant, token = std::move(*token), done = std::move(done)](
          eventstore::AppendOutcome outcome) {
        if (!outcome.ok()) {
          done(FromAppendError(outcome.error()));
          return;
        }
        if (table_ != nullptr) table_->ApplyGrant(grant, Now());
        done(IssuedToken{.token = token,
                         .token_id = grant.token_hash,
                         .position = outcome->last_position.value});
      });
}

Result<IssuedToken> TokenIssuer::Grant(const GrantRequest& request) {
  std::promise<Result<IssuedToken>> promise;
  auto future = promise.get_future();
  GrantAsync(request, [&promise](Result<IssuedToken> result) { promise.set_value(std::move(result)); });
  return future.get();
}

void TokenIssuer::RevokeAsync(const std::string& token_id, const std::string& revoked_by,
                              std::function<void(Status)> done) {
  if (table_ != nullptr && !table_->Find(token_id)) {
    done(Status::NotFound("no token with id '" + token_id + "'"));
    return;
  }
  TokenRevoked revoke{.token_hash = token_id, .revoked_by = revoked_by};
  log_.AppendAsync(TokenAppend(RevokedEvent(revoke), ""),
                   [this, revoke, done = std::move(done)](eventstore::AppendOutcome outcome) {
                     if (!outcome.ok()) {
                       done(FromAppendError(outcome.error()));
                       return;
                     }
                     if (table_ != nullptr) table_->ApplyRevoke(revoke);
                     done(Status::Ok());
                   });
}

}  // namespace dealstream::api
