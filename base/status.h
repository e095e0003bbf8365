// Status: the outcome of an operation that returns no value.
//
// The code says which kind of failure happened (the API layer maps it to an
// HTTP status); the message says what exactly went wrong and names the field
// or record involved, so that it can be shown to a user unchanged.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace dealstream {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // input breaks a format or schema rule
  kNotFound,            // the named record or stream does not exist
  kConflict,            // expected version did not match, or key reused
  kFailedPrecondition,  // a business rule forbids this in the current state
  kPermissionDenied,    // the caller may not do this
  kUnavailable,         // storage or a dependency failed; retrying may help
  kCorruption,          // stored data failed an integrity check
  kInternal,            // a bug; never caused by user input
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status Conflict(std::string m) { return {StatusCode::kConflict, std::move(m)}; }
  static Status FailedPrecondition(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
  static Status PermissionDenied(std::string m) { return {StatusCode::kPermissionDenied, std::move(m)}; }
  static Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "<CodeName>: <message>", for logs and test failure output.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

}  // namespace dealstream
