// DomainError: why a command was refused. Each rule has a stable snake_case
// code (e.g. "opportunity_closed", "splits_must_total_100") that clients can
// act on, the field the rule is about (a JSON path such as "team[2].split",
// empty when the rule is about the record as a whole) and a message a person
// can read, naming the field and the rule.
#pragma once

#include <string>
#include <utility>

namespace dealstream::domain {

enum class ErrorKind {
  kInvalid,       // the command contradicts itself (e.g. end before start) -> 400
  kNotFound,      // a record the command refers to does not exist -> 404
  kAlreadyExists, // the record to create exists already -> 409
  kRuleViolated,  // the current state forbids it (e.g. a closed deal) -> 422
  kForbidden,     // the actor may not do this (e.g. approver is no manager) -> 403
};

struct DomainError {
  ErrorKind kind = ErrorKind::kRuleViolated;
  std::string code;
  std::string field;
  std::string message;
};

inline DomainError Invalid(std::string code, std::string field, std::string message) {
  return {ErrorKind::kInvalid, std::move(code), std::move(field), std::move(message)};
}
inline DomainError NotFound(std::string code, std::string field, std::string message) {
  return {ErrorKind::kNotFound, std::move(code), std::move(field), std::move(message)};
}
inline DomainError AlreadyExists(std::string code, std::string message) {
  return {ErrorKind::kAlreadyExists, std::move(code), "", std::move(message)};
}
inline DomainError RuleViolated(std::string code, std::string field, std::string message) {
  return {ErrorKind::kRuleViolated, std::move(code), std::move(field), std::move(message)};
}
inline DomainError Forbidden(std::string code, std::string field, std::string message) {
  return {ErrorKind::kForbidden, std::move(code), std::move(field), std::move(message)};
}

}  // namespace dealstream::domain
