// The service request aggregate (stream category "service_request"):
// open -> resolved -> closed, reopened from resolved or closed; assigned and
// escalated while open.
//
// Rules (DomainError codes): the customer is usable ("customer_*"); the
// contact and contract belong to it ("contact_customer_mismatch",
// "contract_customer_mismatch"); assignees and people escalated to are
// active employees; changes other than reopening need an open request
// ("service_request_not_open"); closing needs a resolution
// ("service_request_not_resolved"); an escalation raises the priority or
// brings someone in ("priority_not_raised", "nothing_to_escalate");
// satisfaction is 1–5 ("satisfaction_out_of_range").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/aggregate.h"
#include "domain/common/reflect.h"
#include "domain/service/service_request_commands.h"
#include "domain/service/service_request_events.h"

namespace dealstream::domain {

// Default-constructed = no events yet (exists == false).
struct ServiceRequestState {
  bool exists = false;
  Id id;
  Id customer_id;
  std::optional<Id> contact_id;
  ServiceRequestType type = ServiceRequestType::kInquiry;
  ServicePriority priority = ServicePriority::kNormal;
  std::string queue;
  std::optional<Date> due_date;
  std::optional<Id> concerns_employee_id;
  std::optional<Id> assignee_id;
  int32_t escalations = 0;
  ServiceRequestStatus status = ServiceRequestStatus::kOpen;
  std::optional<int32_t> satisfaction;
};
constexpr auto Fields(const ServiceRequestState*) {
  using T = ServiceRequestState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("customer_id", &T::customer_id),
                    F("contact_id", &T::contact_id),
                    F("type", &T::type),
                    F("priority", &T::priority),
                    F("queue", &T::queue),
                    F("due_date", &T::due_date),
                    F("concerns_employee_id", &T::concerns_employee_id),
                    F("assignee_id", &T::assignee_id),
                    F("escalations", &T::escalations),
                    F("status", &T::status),
                    F("satisfaction", &T::satisfaction)};
}

struct ServiceRequestAggregate {
  static constexpr std::string_view kCategory = "service_request";
  using State = ServiceRequestState;
  using Command = ServiceRequestCommand;
  using Event = ServiceRequestEvent;

  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& context);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

}  // namespace dealstream::domain
