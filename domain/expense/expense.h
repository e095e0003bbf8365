// The expense aggregate (stream category "expense"): claimed -> approved |
// rejected; approved -> paid.
//
// Rules (DomainError codes): the claimant is an active employee
// ("employee_not_found", "employee_inactive"); the amount is positive
// ("amount_not_positive") and spent already ("incurred_in_future"); related
// records exist and agree with each other ("opportunity_not_found",
// "customer_not_found", "contact_not_found", "campaign_not_found",
// "opportunity_required" for an activity, "opportunity_customer_mismatch",
// "contact_customer_mismatch"); approval and rejection only by a manager or
// director above the claimant's department, never by the claimant or who
// entered the claim ("self_approval", "approver_*"); only a claimed expense
// is decided ("expense_not_pending") and only an approved one is paid
// ("expense_not_approved").
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "domain/common/aggregate.h"
#include "domain/common/reflect.h"
#include "domain/expense/expense_commands.h"
#include "domain/expense/expense_events.h"

namespace dealstream::domain {

enum class ExpenseStatus { kClaimed, kApproved, kRejected, kPaid };
constexpr auto EnumNames(ExpenseStatus) {
  using S = ExpenseStatus;
  return std::array{std::pair{S::kClaimed, std::string_view("claimed")},
                    std::pair{S::kApproved, std::string_view("approved")},
                    std::pair{S::kRejected, std::string_view("rejected")},
                    std::pair{S::kPaid, std::string_view("paid")}};
}

// Default-constructed = no events yet (exists == false).
struct ExpenseState {
  bool exists = false;
  Id id;
  Id employee_id;
  Id department_id;
  ExpenseCategory category = ExpenseCategory::kOther;
  Money amount;
  Date incurred_on;
  ExpenseLinks related;
  Id claimed_by;
  ExpenseStatus status = ExpenseStatus::kClaimed;
  std::optional<Id> decided_by;
};
constexpr auto Fields(const ExpenseState*) {
  using T = ExpenseState;
  return std::tuple{F("exists", &T::exists),           F("id", &T::id),
                    F("employee_id", &T::employee_id), F("department_id", &T::department_id),
                    F("category", &T::category),       F("amount", &T::amount),
                    F("incurred_on", &T::incurred_on), F("related", &T::related),
                    F("claimed_by", &T::claimed_by),   F("status", &T::status),
                    F("decided_by", &T::decided_by)};
}

struct ExpenseAggregate {
  static constexpr std::string_view kCategory = "expense";
  using State = ExpenseState;
  using Command = ExpenseCommand;
  using Event = ExpenseEvent;

  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& context);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

}  // namespace dealstream::domain
