// Commands of the expense aggregate (DESIGN §2.6): claimed, approved or
// rejected by a manager above the claimant, then paid.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

enum class ExpenseCategory {
  kTravel,
  kAccommodation,
  kMeals,
  kEntertainment,
  kGifts,
  kTransport,
  kCommunication,
  kMarketing,
  kOther
};
constexpr auto EnumNames(ExpenseCategory) {
  using C = ExpenseCategory;
  return std::array{std::pair{C::kTravel, std::string_view("travel")},
                    std::pair{C::kAccommodation, std::string_view("accommodation")},
                    std::pair{C::kMeals, std::string_view("meals")},
                    std::pair{C::kEntertainment, std::string_view("entertainment")},
                    std::pair{C::kGifts, std::string_view("gifts")},
                    std::pair{C::kTransport, std::string_view("transport")},
                    std::pair{C::kCommunication, std::string_view("communication")},
                    std::pair{C::kMarketing, std::string_view("marketing")},
                    std::pair{C::kOther, std::string_view("other")}};
}

// What an expense was for; all optional, checked when given.
struct ExpenseLinks {
  std::optional<Id> opportunity_id;
  std::optional<Id> activity_id;  // an activity of opportunity_id
  std::optional<Id> customer_id;
  std::optional<Id> contact_id;
  std::optional<Id> campaign_id;
  bool operator==(const ExpenseLinks&) const = default;
};
constexpr auto Fields(const ExpenseLinks*) {
  using T = ExpenseLinks;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("activity_id", &T::activity_id).Doc("an activity of the opportunity"),
                    F("customer_id", &T::customer_id), F("contact_id", &T::contact_id),
                    F("campaign_id", &T::campaign_id)};
}

struct ClaimExpense {
  static constexpr std::string_view kType = "ClaimExpense";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  Id employee_id;  // who spent the money (may differ from the actor entering it)
  ExpenseCategory category = ExpenseCategory::kOther;
  Money amount;
  Date incurred_on;
  std::string description;
  std::optional<ExpenseLinks> related;
};
constexpr auto Fields(const ClaimExpense*) {
  using T = ClaimExpense;
  return std::tuple{F("id", &T::id),
                    F("employee_id", &T::employee_id).Doc("an active employee"),
                    F("category", &T::category),
                    F("amount", &T::amount).Doc("positive"),
                    F("incurred_on", &T::incurred_on).Doc("not in the future"),
                    F("description", &T::description).MinLength(1).MaxLength(4000),
                    F("related", &T::related)};
}

// By the actor: a manager or director of a department containing the
// claimant's department, who is neither the claimant nor who entered it.
struct ApproveExpense {
  static constexpr std::string_view kType = "ApproveExpense";
  static constexpr std::string_view kTargetField = "expense_id";
  static constexpr bool kCreates = false;
  Id expense_id;
  std::optional<std::string> comment;
};
constexpr auto Fields(const ApproveExpense*) {
  using T = ApproveExpense;
  return std::tuple{F("expense_id", &T::expense_id), F("comment", &T::comment).MaxLength(4000)};
}

struct RejectExpense {
  static constexpr std::string_view kType = "RejectExpense";
  static constexpr std::string_view kTargetField = "expense_id";
  static constexpr bool kCreates = false;
  Id expense_id;
  std::string reason;
};
constexpr auto Fields(const RejectExpense*) {
  using T = RejectExpense;
  return std::tuple{F("expense_id", &T::expense_id),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

struct PayExpense {
  static constexpr std::string_view kType = "PayExpense";
  static constexpr std::string_view kTargetField = "expense_id";
  static constexpr bool kCreates = false;
  Id expense_id;
  std::optional<std::string> reference;
};
constexpr auto Fields(const PayExpense*) {
  using T = PayExpense;
  return std::tuple{F("expense_id", &T::expense_id),
                    F("reference", &T::reference).MaxLength(200).Doc("e.g. payroll run")};
}

using ExpenseCommand = std::variant<ClaimExpense, ApproveExpense, RejectExpense, PayExpense>;

}  // namespace dealstream::domain
