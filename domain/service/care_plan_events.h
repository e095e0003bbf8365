// Events of the care plan aggregate. Activity events carry the customer,
// contact, assignee and due date so that reminder and calendar views need
// no other source.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>

#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/service/care_plan_commands.h"

namespace dealstream::domain {

struct CarePlanCreated {
  static constexpr std::string_view kType = "crm.care_plan.created.v1";
  Id care_plan_id;
  Id customer_id;
  std::optional<Id> contact_id;
  Id owner_id;
  std::string name;
  Id created_by;
  bool operator==(const CarePlanCreated&) const = default;
};
constexpr auto Fields(const CarePlanCreated*) {
  using T = CarePlanCreated;
  return std::tuple{F("care_plan_id", &T::care_plan_id), F("customer_id", &T::customer_id),
                    F("contact_id", &T::contact_id),     F("owner_id", &T::owner_id),
                    F("name", &T::name).MaxLength(200),  F("created_by", &T::created_by)};
}

struct CareActivityScheduled {
  static constexpr std::string_view kType = "crm.care_plan.activity_scheduled.v1";
  Id care_plan_id;
  Id activity_id;
  CareKind kind = CareKind::kCheckIn;
  Date due_date;
  Id assignee_id;
  Id customer_id;
  std::optional<Id> contact_id;
  std::optional<std::string> note;
  bool operator==(const CareActivityScheduled&) const = default;
};
constexpr auto Fields(const CareActivityScheduled*) {
  using T = CareActivityScheduled;
  return std::tuple{F("care_plan_id", &T::care_plan_id),
                    F("activity_id", &T::activity_id),
                    F("kind", &T::kind),
                    F("due_date", &T::due_date),
                    F("assignee_id", &T::assignee_id),
                    F("customer_id", &T::customer_id),
                    F("contact_id", &T::contact_id),
                    F("note", &T::note).MaxLength(4000)};
}

struct CareActivityCompleted {
  static constexpr std::string_view kType = "crm.care_plan.activity_completed.v1";
  Id care_plan_id;
  Id activity_id;
  CareKind kind = CareKind::kCheckIn;
  Date due_date;
  Date completed_on;
  Id completed_by;
  std::optional<std::string> outcome;
  bool operator==(const CareActivityCompleted&) const = default;
};
constexpr auto Fields(const CareActivityCompleted*) {
  using T = CareActivityCompleted;
  return std::tuple{F("care_plan_id", &T::care_plan_id),
                    F("activity_id", &T::activity_id),
                    F("kind", &T::kind),
                    F("due_date", &T::due_date),
                    F("completed_on", &T::completed_on),
                    F("completed_by", &T::completed_by),
                    F("outcome", &T::outcome).MaxLength(4000)};
}

struct CareActivityCancelled {
  static constexpr std::string_view kType = "crm.care_plan.activity_cancelled.v1";
  Id care_plan_id;
  Id activity_id;
  CareKind kind = CareKind::kCheckIn;
  std::string reason;
  Id cancelled_by;
  bool operator==(const CareActivityCancelled&) const = default;
};
constexpr auto Fields(const CareActivityCancelled*) {
  using T = CareActivityCancelled;
  return std::tuple{F("care_plan_id", &T::care_plan_id), F("activity_id", &T::activity_id),
                    F("kind", &T::kind), F("reason", &T::reason).MaxLength(4000),
                    F("cancelled_by", &T::cancelled_by)};
}

using CarePlanEvent = std::variant<CarePlanCreated, CareActivityScheduled, CareActivityCompleted,
                                   CareActivityCancelled>;

}  // namespace dealstream::domain
