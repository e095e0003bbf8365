// Rule checks shared by several aggregates. Each returns the DomainError of
// the rule it enforces (with the given field path), or the facts it looked
// up when the rule holds, so that a Decide reads as a list of rules:
//
//   auto owner = RequireActiveEmployee(ctx.directory, c.owner_id, "owner_id", "owner");
//   if (!owner.ok()) return Unexpected(owner.error());
//
// Pure: no I/O, facts come from the Directory.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "domain/common/directory.h"
#include "domain/common/domain_error.h"
#include "domain/common/values.h"

namespace dealstream::domain {

// The employee exists and has not left. Codes: "<role>_not_found" (kNotFound),
// "<role>_inactive" (kRuleViolated), e.g. "owner_not_found".
Result<EmployeeFacts, DomainError> RequireActiveEmployee(const Directory& directory, const Id& id,
                                                         std::string_view field,
                                                         std::string_view role);

// The customer exists and is neither archived nor merged away. Codes:
// "customer_not_found", "customer_archived", "customer_merged".
Result<CustomerFacts, DomainError> RequireUsableCustomer(const Directory& directory, const Id& id,
                                                         std::string_view field);

// `approver` may approve work of `department`: an active employee whose role
// is "manager" or "director" and whose department is `department` or one of
// its parents, and who is not one of `self` (the requester, the owner…).
// Codes: "self_approval", "approver_not_found", "approver_not_manager",
// "approver_outside_department" (all kForbidden except not found).
std::optional<DomainError> CheckApprover(const Directory& directory, const Id& approver,
                                         const Id& department,
                                         std::initializer_list<const Id*> self);

// Money is not negative. Code "negative_amount" (kInvalid).
std::optional<DomainError> CheckNotNegative(const Money& money, std::string_view field);
// Money is strictly positive. Code "amount_not_positive" (kInvalid).
std::optional<DomainError> CheckPositive(const Money& money, std::string_view field);
// Money is in `currency`. Code "currency_mismatch" (kInvalid).
std::optional<DomainError> CheckCurrency(const Money& money, std::string_view currency,
                                         std::string_view field);

// The text has a non-space character. Code "<field>_required" (kInvalid),
// e.g. "reason_required".
std::optional<DomainError> CheckNotBlank(std::string_view text, std::string_view field);

// Overflow-checked integer arithmetic for money in minor units: false when
// the exact result does not fit in int64_t.
bool CheckedAdd(int64_t a, int64_t b, int64_t* out);
bool CheckedMultiply(int64_t a, int64_t b, int64_t* out);

// 64 lower- or upper-case hexadecimal digits.
bool IsSha256Hex(std::string_view text);
// An absolute URI: a scheme ("https", "s3", "urn"…) followed by ':' and a
// non-empty rest, with no whitespace.
bool IsAbsoluteUri(std::string_view text);
// "2017-03-01" for a Date, for messages.
std::string DateText(Date date);

// "A" + "-" + n, the smallest n >= 1 for which `taken(candidate)` is false:
// ids of items inside an aggregate (activities, comments…) when the client
// does not choose one. Deterministic, so Decide stays pure.
template <typename Taken>
Id NextLocalId(std::string_view prefix, size_t start, Taken taken) {
  for (size_t n = start;; ++n) {
    Id candidate{std::string(prefix) + "-" + std::to_string(n)};
    if (!taken(candidate)) return candidate;
  }
}

}  // namespace dealstream::domain
