#include "commands/errors.h"

namespace dealstream::commands {

CommandError FromDomainError(const domain::DomainError& error) {
  using K = CommandError::Kind;
  K kind = K::kRuleViolated;
  switch (error.kind) {
    case domain::ErrorKind::kInvalid: kind = K::kInvalid; break;
    case domain::ErrorKind::kNotFound: kind = K::kNotFound; break;
    case domain::ErrorKind::kAlreadyExists: kind = K::kAlreadyExists; break;
    case domain::ErrorKind::kRuleViolated: kind = K::kRuleViolated; break;
    case domain::ErrorKind::kForbidden: kind = K::kForbidden; break;
  }
  return CommandError{kind, error.code, error.field, error.message, std::nullopt};
}

CommandError FromAppendError(const eventstore::AppendError& error) {
  using K = CommandError::Kind;
  using C = eventstore::AppendError::Code;
  switch (error.code) {
    case C::kWrongExpectedVersion:
      return {K::kConflict, "version_conflict", "", error.message, error.current_version.value};
    case C::kIdempotencyKeyReused:
      return {K::kIdempotencyKeyReused, "idempotency_key_reused", "Idempotency-Key", error.message,
              std::nullopt};
    case C::kInvalidArgument:
      return {K::kInvalid, "invalid_append", "", error.message, std::nullopt};
    case C::kStorageFailure:
      return {K::kUnavailable, "storage_unavailable", "", error.message, std::nullopt};
    case C::kShuttingDown:
      return {K::kUnavailable, "shutting_down", "", error.message, std::nullopt};
  }
  return {K::kUnavailable, "storage_unavailable", "", error.message, std::nullopt};
}

CommandError FromFieldError(const codec::FieldError& error) {
  return {CommandError::Kind::kInvalid, "schema_violation", error.path, error.message, std::nullopt};
}

CommandError Unavailable(const Status& status) {
  return {CommandError::Kind::kUnavailable, "storage_unavailable", "", status.message(),
          std::nullopt};
}

}  // namespace dealstream::commands
