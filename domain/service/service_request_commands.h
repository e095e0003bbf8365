// Commands of the service request aggregate (DESIGN §2.7).
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

enum class ServiceRequestType { kComplaint, kRepair, kInquiry, kSuggestion, kPraise };
constexpr auto EnumNames(ServiceRequestType) {
  using T = ServiceRequestType;
  return std::array{std::pair{T::kComplaint, std::string_view("complaint")},
                    std::pair{T::kRepair, std::string_view("repair")},
                    std::pair{T::kInquiry, std::string_view("inquiry")},
                    std::pair{T::kSuggestion, std::string_view("suggestion")},
                    std::pair{T::kPraise, std::string_view("praise")}};
}

// In increasing urgency: comparisons follow the declaration order.
enum class ServicePriority { kLow, kNormal, kHigh, kUrgent };
constexpr auto EnumNames(ServicePriority) {
  using P = ServicePriority;
  return std::array{std::pair{P::kLow, std::string_view("low")},
                    std::pair{P::kNormal, std::string_view("normal")},
                    std::pair{P::kHigh, std::string_view("high")},
                    std::pair{P::kUrgent, std::string_view("urgent")}};
}

struct OpenServiceRequest {
  static constexpr std::string_view kType = "OpenServiceRequest";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  Id customer_id;
  std::optional<Id> contact_id;
  ServiceRequestType type = ServiceRequestType::kInquiry;
  ServicePriority priority = ServicePriority::kNormal;
  std::string queue;
  std::string subject;
  std::optional<std::string> description;
  std::optional<Date> due_date;
  std::optional<Id> contract_id;
  // The employee a complaint or praise is about; default: the customer's owner.
  std::optional<Id> concerns_employee_id;
};
constexpr auto Fields(const OpenServiceRequest*) {
  using T = OpenServiceRequest;
  return std::tuple{
      F("id", &T::id),
      F("customer_id", &T::customer_id),
      F("contact_id", &T::contact_id).Doc("a contact of the customer"),
      F("type", &T::type),
      F("priority", &T::priority),
      F("queue", &T::queue).MinLength(1).MaxLength(80).Doc("e.g. 'hotline', 'field service'"),
      F("subject", &T::subject).MinLength(1).MaxLength(200),
      F("description", &T::description).MaxLength(4000),
      F("due_date", &T::due_date).Doc("service deadline; not in the past"),
      F("contract_id", &T::contract_id).Doc("a contract of the customer"),
      F("concerns_employee_id", &T::concerns_employee_id)
          .Doc("whom a complaint or praise is about; default: the customer's owner")};
}

struct AssignServiceRequest {
  static constexpr std::string_view kType = "AssignServiceRequest";
  static constexpr std::string_view kTargetField = "service_request_id";
  static constexpr bool kCreates = false;
  Id service_request_id;
  Id assignee_id;
};
constexpr auto Fields(const AssignServiceRequest*) {
  using T = AssignServiceRequest;
  return std::tuple{F("service_request_id", &T::service_request_id),
                    F("assignee_id", &T::assignee_id).Doc("an active employee")};
}

// Raises the priority and/or brings in someone more senior.
struct EscalateServiceRequest {
  static constexpr std::string_view kType = "EscalateServiceRequest";
  static constexpr std::string_view kTargetField = "service_request_id";
  static constexpr bool kCreates = false;
  Id service_request_id;
  std::string reason;
  std::optional<ServicePriority> priority;
  std::optional<Id> escalated_to_id;
};
constexpr auto Fields(const EscalateServiceRequest*) {
  using T = EscalateServiceRequest;
  return std::tuple{F("service_request_id", &T::service_request_id),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000),
                    F("priority", &T::priority).Doc("higher than the current priority"),
                    F("escalated_to_id", &T::escalated_to_id).Doc("an active employee")};
}

struct ResolveServiceRequest {
  static constexpr std::string_view kType = "ResolveServiceRequest";
  static constexpr std::string_view kTargetField = "service_request_id";
  static constexpr bool kCreates = false;
  Id service_request_id;
  std::string resolution;
};
constexpr auto Fields(const ResolveServiceRequest*) {
  using T = ResolveServiceRequest;
  return std::tuple{F("service_request_id", &T::service_request_id),
                    F("resolution", &T::resolution).MinLength(1).MaxLength(4000)};
}

// Closes a resolved request, with the customer's satisfaction if given.
struct CloseServiceRequest {
  static constexpr std::string_view kType = "CloseServiceRequest";
  static constexpr std::string_view kTargetField = "service_request_id";
  static constexpr bool kCreates = false;
  Id service_request_id;
  std::optional<int32_t> satisfaction;
  std::optional<std::string> feedback;
};
constexpr auto Fields(const CloseServiceRequest*) {
  using T = CloseServiceRequest;
  return std::tuple{
      F("service_request_id", &T::service_request_id),
      F("satisfaction", &T::satisfaction).Range(1, 5).Doc("1 = very unhappy, 5 = very happy"),
      F("feedback", &T::feedback).MaxLength(4000)};
}

struct ReopenServiceRequest {
  static constexpr std::string_view kType = "ReopenServiceRequest";
  static constexpr std::string_view kTargetField = "service_request_id";
  static constexpr bool kCreates = false;
  Id service_request_id;
  std::string reason;
};
constexpr auto Fields(const ReopenServiceRequest*) {
  using T = ReopenServiceRequest;
  return std::tuple{F("service_request_id", &T::service_request_id),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

using ServiceRequestCommand =
    std::variant<OpenServiceRequest, AssignServiceRequest, EscalateServiceRequest,
                 ResolveServiceRequest, CloseServiceRequest, ReopenServiceRequest>;

}  // namespace dealstream::domain
