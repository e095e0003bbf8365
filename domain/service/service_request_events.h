// Events of the service request aggregate. Resolution and closing carry
// the type, customer, assignee and the employee concerned, so that service
// and employee-performance views (complaints, praise, satisfaction, time to
// resolve) need no other source.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>

#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/service/service_request_commands.h"

namespace dealstream::domain {

enum class ServiceRequestStatus { kOpen, kResolved, kClosed };
constexpr auto EnumNames(ServiceRequestStatus) {
  using S = ServiceRequestStatus;
  return std::array{std::pair{S::kOpen, std::string_view("open")},
                    std::pair{S::kResolved, std::string_view("resolved")},
                    std::pair{S::kClosed, std::string_view("closed")}};
}

struct ServiceRequestOpened {
  static constexpr std::string_view kType = "crm.service_request.opened.v1";
  Id service_request_id;
  Id customer_id;
  std::optional<Id> contact_id;
  ServiceRequestType type = ServiceRequestType::kInquiry;
  ServicePriority priority = ServicePriority::kNormal;
  std::string queue;
  std::string subject;
  std::optional<std::string> description;
  std::optional<Date> due_date;
  std::optional<Id> contract_id;
  std::optional<Id> concerns_employee_id;
  Id opened_by;
  bool operator==(const ServiceRequestOpened&) const = default;
};
constexpr auto Fields(const ServiceRequestOpened*) {
  using T = ServiceRequestOpened;
  return std::tuple{F("service_request_id", &T::service_request_id),
                    F("customer_id", &T::customer_id),
                    F("contact_id", &T::contact_id),
                    F("type", &T::type),
                    F("priority", &T::priority),
                    F("queue", &T::queue).MaxLength(80),
                    F("subject", &T::subject).MaxLength(200),
                    F("description", &T::description).MaxLength(4000),
                    F("due_date", &T::due_date),
                    F("contract_id", &T::contract_id),
                    F("concerns_employee_id", &T::concerns_employee_id),
                    F("opened_by", &T::opened_by)};
}

struct ServiceRequestAssigned {
  static constexpr std::string_view kType = "crm.service_request.assigned.v1";
  Id service_request_id;
  Id assignee_id;
  std::optional<Id> previous_assignee_id;
  std::string queue;
  bool operator==(const ServiceRequestAssigned&) const = default;
};
constexpr auto Fields(const ServiceRequestAssigned*) {
  using T = ServiceRequestAssigned;
  return std::tuple{
      F("service_request_id", &T::service_request_id), F("assignee_id", &T::assignee_id),
      F("previous_assignee_id", &T::previous_assignee_id), F("queue", &T::queue).MaxLength(80)};
}

struct ServiceRequestEscalated {
  static constexpr std::string_view kType = "crm.service_request.escalated.v1";
  Id service_request_id;
  ServicePriority priority = ServicePriority::kNormal;
  ServicePriority previous_priority = ServicePriority::kNormal;
  std::optional<Id> escalated_to_id;
  std::string reason;
  int32_t level = 1;  // 1 for the first escalation, 2 for the second, …
  bool operator==(const ServiceRequestEscalated&) const = default;
};
constexpr auto Fields(const ServiceRequestEscalated*) {
  using T = ServiceRequestEscalated;
  return std::tuple{
      F("service_request_id", &T::service_request_id), F("priority", &T::priority),
      F("previous_priority", &T::previous_priority),   F("escalated_to_id", &T::escalated_to_id),
      F("reason", &T::reason).MaxLength(4000),         F("level", &T::level).Range(1, 1000)};
}

struct ServiceRequestResolved {
  static constexpr std::string_view kType = "crm.service_request.resolved.v1";
  Id service_request_id;
  Id customer_id;
  ServiceRequestType type = ServiceRequestType::kInquiry;
  ServicePriority priority = ServicePriority::kNormal;
  std::optional<Id> assignee_id;
  std::optional<Id> concerns_employee_id;
  std::string resolution;
  Id resolved_by;
  bool operator==(const ServiceRequestResolved&) const = default;
};
constexpr auto Fields(const ServiceRequestResolved*) {
  using T = ServiceRequestResolved;
  return std::tuple{F("service_request_id", &T::service_request_id),
                    F("customer_id", &T::customer_id),
                    F("type", &T::type),
                    F("priority", &T::priority),
                    F("assignee_id", &T::assignee_id),
                    F("concerns_employee_id", &T::concerns_employee_id),
                    F("resolution", &T::resolution).MaxLength(4000),
                    F("resolved_by", &T::resolved_by)};
}

struct ServiceRequestClosed {
  static constexpr std::string_view kType = "crm.service_request.closed.v1";
  Id service_request_id;
  Id customer_id;
  ServiceRequestType type = ServiceRequestType::kInquiry;
  std::optional<Id> assignee_id;
  std::optional<Id> concerns_employee_id;
  std::optional<int32_t> satisfaction;
  std::optional<std::string> feedback;
  Id closed_by;
  bool operator==(const ServiceRequestClosed&) const = default;
};
constexpr auto Fields(const ServiceRequestClosed*) {
  using T = ServiceRequestClosed;
  return std::tuple{F("service_request_id", &T::service_request_id),
                    F("customer_id", &T::customer_id),
                    F("type", &T::type),
                    F("assignee_id", &T::assignee_id),
                    F("concerns_employee_id", &T::concerns_employee_id),
                    F("satisfaction", &T::satisfaction).Range(1, 5),
                    F("feedback", &T::feedback).MaxLength(4000),
                    F("closed_by", &T::closed_by)};
}

struct ServiceRequestReopened {
  static constexpr std::string_view kType = "crm.service_request.reopened.v1";
  Id service_request_id;
  ServiceRequestStatus previous_status = ServiceRequestStatus::kResolved;
  std::string reason;
  bool operator==(const ServiceRequestReopened&) const = default;
};
constexpr auto Fields(const ServiceRequestReopened*) {
  using T = ServiceRequestReopened;
  return std::tuple{F("service_request_id", &T::service_request_id),
                    F("previous_status", &T::previous_status),
                    F("reason", &T::reason).MaxLength(4000)};
}

using ServiceRequestEvent =
    std::variant<ServiceRequestOpened, ServiceRequestAssigned, ServiceRequestEscalated,
                 ServiceRequestResolved, ServiceRequestClosed, ServiceRequestReopened>;

}  // namespace dealstream::domain
