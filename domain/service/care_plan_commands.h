// Commands of the care plan aggregate (DESIGN §2.7): scheduled care for a
// customer or one of its contacts — birthdays, holidays, periodic check-ins.
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

enum class CareKind { kBirthday, kHoliday, kCheckIn };
constexpr auto EnumNames(CareKind) {
  return std::array{std::pair{CareKind::kBirthday, std::string_view("birthday")},
                    std::pair{CareKind::kHoliday, std::string_view("holiday")},
                    std::pair{CareKind::kCheckIn, std::string_view("check_in")}};
}

struct CreateCarePlan {
  static constexpr std::string_view kType = "CreateCarePlan";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  Id customer_id;
  std::optional<Id> contact_id;
  Id owner_id;
  std::string name;
};
constexpr auto Fields(const CreateCarePlan*) {
  using T = CreateCarePlan;
  return std::tuple{
      F("id", &T::id), F("customer_id", &T::customer_id),
      F("contact_id", &T::contact_id).Doc("a contact of the customer, for personal care"),
      F("owner_id", &T::owner_id).Doc("an active employee"),
      F("name", &T::name).MinLength(1).MaxLength(200)};
}

struct ScheduleCareActivity {
  static constexpr std::string_view kType = "ScheduleCareActivity";
  static constexpr std::string_view kTargetField = "care_plan_id";
  static constexpr bool kCreates = false;
  Id care_plan_id;
  std::optional<Id> activity_id;  // default: "care-<n>"
  CareKind kind = CareKind::kCheckIn;
  Date due_date;
  std::optional<Id> assignee_id;  // default: the plan's owner
  std::optional<std::string> note;
};
constexpr auto Fields(const ScheduleCareActivity*) {
  using T = ScheduleCareActivity;
  return std::tuple{F("care_plan_id", &T::care_plan_id),
                    F("activity_id", &T::activity_id).Doc("default: care-<n>"),
                    F("kind", &T::kind),
                    F("due_date", &T::due_date).Doc("not in the past"),
                    F("assignee_id", &T::assignee_id).Doc("default: the plan's owner"),
                    F("note", &T::note).MaxLength(4000)};
}

struct CompleteCareActivity {
  static constexpr std::string_view kType = "CompleteCareActivity";
  static constexpr std::string_view kTargetField = "care_plan_id";
  static constexpr bool kCreates = false;
  Id care_plan_id;
  Id activity_id;
  std::optional<std::string> outcome;
};
constexpr auto Fields(const CompleteCareActivity*) {
  using T = CompleteCareActivity;
  return std::tuple{F("care_plan_id", &T::care_plan_id), F("activity_id", &T::activity_id),
                    F("outcome", &T::outcome).MaxLength(4000)};
}

struct CancelCareActivity {
  static constexpr std::string_view kType = "CancelCareActivity";
  static constexpr std::string_view kTargetField = "care_plan_id";
  static constexpr bool kCreates = false;
  Id care_plan_id;
  Id activity_id;
  std::string reason;
};
constexpr auto Fields(const CancelCareActivity*) {
  using T = CancelCareActivity;
  return std::tuple{F("care_plan_id", &T::care_plan_id), F("activity_id", &T::activity_id),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

using CarePlanCommand =
    std::variant<CreateCarePlan, ScheduleCareActivity, CompleteCareActivity, CancelCareActivity>;

}  // namespace dealstream::domain
