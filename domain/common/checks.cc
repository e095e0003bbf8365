#include "domain/common/checks.h"

#include <cctype>

#include "domain/common/text_rules.h"

namespace dealstream::domain {

namespace {

std::string Quote(const Id& id) { return "'" + id.value + "'"; }

}  // namespace

Result<EmployeeFacts, DomainError> RequireActiveEmployee(const Directory& directory, const Id& id,
                                                         std::string_view field,
                                                         std::string_view role) {
  std::optional<EmployeeFacts> employee = directory.FindEmployee(id);
  if (!employee) {
    return Unexpected(NotFound(std::string(role) + "_not_found", std::string(field),
                               std::string(field) + ": employee " + Quote(id) + " does not exist"));
  }
  if (!employee->active) {
    return Unexpected(RuleViolated(
        std::string(role) + "_inactive", std::string(field),
        std::string(field) + ": employee " + Quote(id) + " has left and cannot take on work"));
  }
  return *employee;
}

Result<CustomerFacts, DomainError> RequireUsableCustomer(const Directory& directory, const Id& id,
                                                         std::string_view field) {
  std::optional<CustomerFacts> customer = directory.FindCustomer(id);
  const std::string f(field);
  if (!customer) {
    return Unexpected(
        NotFound("customer_not_found", f, f + ": customer " + Quote(id) + " does not exist"));
  }
  if (customer->merged) {
    return Unexpected(RuleViolated(
        "customer_merged", f,
        f + ": customer " + Quote(id) + " was merged into another customer; use the survivor"));
  }
  if (customer->archived) {
    return Unexpected(
        RuleViolated("customer_archived", f, f + ": customer " + Quote(id) + " is archived"));
  }
  return *customer;
}

std::optional<DomainError> CheckApprover(const Directory& directory, const Id& approver,
                                         const Id& department,
                                         std::initializer_list<const Id*> self) {
  for (const Id* id : self) {
    if (id != nullptr && *id == approver) {
      return Forbidden("self_approval", "",
                       "approver " + Quote(approver) + " may not approve their own work");
    }
  }
  std::optional<EmployeeFacts> employee = directory.FindEmployee(approver);
  if (!employee || !employee->active) {
    return NotFound("approver_not_found", "",
                    "approver " + Quote(approver) + " is not an active employee");
  }
  if (employee->role != "manager" && employee->role != "director") {
    return Forbidden("approver_not_manager", "",
                     "approver " + Quote(approver) + " has role '" + employee->role +
                         "'; only a manager or director may approve");
  }
  if (!directory.IsWithinDepartment(department, employee->department_id)) {
    return Forbidden("approver_outside_department", "",
                     "approver " + Quote(approver) + " manages department " +
                         Quote(employee->department_id) + ", which does not contain department " +
                         Quote(department));
  }
  return std::nullopt;
}

std::optional<DomainError> CheckNotNegative(const Money& money, std::string_view field) {
  if (!money.is_negative()) return std::nullopt;
  return Invalid("negative_amount", std::string(field),
                 std::string(field) + ": money must not be negative");
}

std::optional<DomainError> CheckPositive(const Money& money, std::string_view field) {
  if (money.minor > 0) return std::nullopt;
  return Invalid("amount_not_positive", std::string(field),
                 std::string(field) + ": the amount must be greater than zero");
}

std::optional<DomainError> CheckCurrency(const Money& money, std::string_view currency,
                                         std::string_view field) {
  if (money.currency == currency) return std::nullopt;
  return Invalid("currency_mismatch", std::string(field),
                 std::string(field) + ": currency " + money.currency + " differs from " +
                     std::string(currency) + ", the currency of this record");
}

std::optional<DomainError> CheckNotBlank(std::string_view text, std::string_view field) {
  if (!IsBlank(text)) return std::nullopt;
  return Invalid(std::string(field) + "_required", std::string(field),
                 std::string(field) + ": must not be empty or blank");
}

bool CheckedAdd(int64_t a, int64_t b, int64_t* out) { return !__builtin_add_overflow(a, b, out); }

bool CheckedMultiply(int64_t a, int64_t b, int64_t* out) {
  return !__builtin_mul_overflow(a, b, out);
}

bool IsSha256Hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsAbsoluteUri(std::string_view text) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(text[0]))) return false;
  for (size_t i = 1; i < colon; ++i) {
    char c = text[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) ||
        std::iscntrl(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

std::string DateText(Date date) { return FormatDate(date.Start()); }

}  // namespace dealstream::domain
