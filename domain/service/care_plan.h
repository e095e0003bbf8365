// The care plan aggregate (stream category "care_plan"): care activities
// scheduled for a customer or contact and completed or cancelled.
//
// Rules (DomainError codes): the customer is usable and the contact is one
// of its own ("contact_customer_mismatch") still with the company
// ("contact_left_company"); owner and assignees are active employees;
// a birthday needs the plan's contact ("contact_required"); activities are
// due today or later ("due_date_in_past"); only a scheduled activity is
// completed or cancelled ("care_activity_not_found",
// "care_activity_already_completed", "care_activity_cancelled").
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "domain/common/aggregate.h"
#include "domain/common/reflect.h"
#include "domain/service/care_plan_commands.h"
#include "domain/service/care_plan_events.h"

namespace dealstream::domain {

enum class CareActivityStatus { kScheduled, kCompleted, kCancelled };
constexpr auto EnumNames(CareActivityStatus) {
  using S = CareActivityStatus;
  return std::array{std::pair{S::kScheduled, std::string_view("scheduled")},
                    std::pair{S::kCompleted, std::string_view("completed")},
                    std::pair{S::kCancelled, std::string_view("cancelled")}};
}

struct CareActivity {
  Id activity_id;
  CareKind kind = CareKind::kCheckIn;
  Date due_date;
  Id assignee_id;
  CareActivityStatus status = CareActivityStatus::kScheduled;
  std::optional<Date> completed_on;
  bool operator==(const CareActivity&) const = default;
};
constexpr auto Fields(const CareActivity*) {
  using T = CareActivity;
  return std::tuple{F("activity_id", &T::activity_id), F("kind", &T::kind),
                    F("due_date", &T::due_date),       F("assignee_id", &T::assignee_id),
                    F("status", &T::status),           F("completed_on", &T::completed_on)};
}

// Default-constructed = no events yet (exists == false).
struct CarePlanState {
  bool exists = false;
  Id id;
  Id customer_id;
  std::optional<Id> contact_id;
  Id owner_id;
  std::string name;
  std::vector<CareActivity> activities;
};
constexpr auto Fields(const CarePlanState*) {
  using T = CarePlanState;
  return std::tuple{F("exists", &T::exists),           F("id", &T::id),
                    F("customer_id", &T::customer_id), F("contact_id", &T::contact_id),
                    F("owner_id", &T::owner_id),       F("name", &T::name),
                    F("activities", &T::activities)};
}

struct CarePlanAggregate {
  static constexpr std::string_view kCategory = "care_plan";
  using State = CarePlanState;
  using Command = CarePlanCommand;
  using Event = CarePlanEvent;

  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& context);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

}  // namespace dealstream::domain
