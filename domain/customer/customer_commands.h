// Commands of the customer (account) aggregate (DESIGN §2.2).
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/customer/lifecycle.h"

namespace dealstream::domain {

// Size of the customer's organisation, as the sales team grades it.
enum class CustomerSize { kSmall, kMedium, kLarge, kEnterprise };
constexpr auto EnumNames(CustomerSize) {
  return std::array{std::pair{CustomerSize::kSmall, std::string_view("small")},
                    std::pair{CustomerSize::kMedium, std::string_view("medium")},
                    std::pair{CustomerSize::kLarge, std::string_view("large")},
                    std::pair{CustomerSize::kEnterprise, std::string_view("enterprise")}};
}

// Registers a customer owned by `owner_id`. The department defaults to the
// owner's, so that department data scopes cover every customer.
struct RegisterCustomer {
  static constexpr std::string_view kType = "RegisterCustomer";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  std::string name;
  Id owner_id;
  std::optional<std::string> industry;
  std::optional<std::string> region;
  std::optional<CustomerSize> size;
  std::optional<std::string> source;
  std::optional<std::string> address;
  std::optional<std::string> phone;
  std::optional<std::string> website;
  std::optional<Id> department_id;
  std::optional<Lifecycle> lifecycle;
};
constexpr auto Fields(const RegisterCustomer*) {
  using T = RegisterCustomer;
  return std::tuple{
      F("id", &T::id).Doc("id of the new customer; generated when absent"),
      F("name", &T::name).MinLength(1).MaxLength(200),
      F("owner_id", &T::owner_id).Doc("the employee who owns the account"),
      F("industry", &T::industry).MaxLength(100),
      F("region", &T::region).MaxLength(100),
      F("size", &T::size),
      F("source", &T::source).MaxLength(100).Doc("e.g. \"trade show\""),
      F("address", &T::address).MaxLength(400),
      F("phone", &T::phone).MaxLength(40),
      F("website", &T::website).MaxLength(200),
      F("department_id", &T::department_id).Doc("defaults to the owner's department"),
      F("lifecycle", &T::lifecycle).Doc("initial lifecycle state; default \"target\"")};
}

// Changes the given profile fields: absent fields stay, "" clears an
// optional text field.
struct UpdateCustomerProfile {
  static constexpr std::string_view kType = "UpdateCustomerProfile";
  static constexpr std::string_view kTargetField = "customer_id";
  static constexpr bool kCreates = false;
  Id customer_id;
  std::optional<std::string> name;
  std::optional<std::string> industry;
  std::optional<std::string> region;
  std::optional<CustomerSize> size;
  std::optional<std::string> source;
  std::optional<std::string> address;
  std::optional<std::string> phone;
  std::optional<std::string> website;
};
constexpr auto Fields(const UpdateCustomerProfile*) {
  using T = UpdateCustomerProfile;
  return std::tuple{F("customer_id", &T::customer_id),
                    F("name", &T::name).MaxLength(200),
                    F("industry", &T::industry).MaxLength(100),
                    F("region", &T::region).MaxLength(100),
                    F("size", &T::size),
                    F("source", &T::source).MaxLength(100),
                    F("address", &T::address).MaxLength(400),
                    F("phone", &T::phone).MaxLength(40),
                    F("website", &T::website).MaxLength(200)};
}

// Sets custom field values by key (defined for entity type "customer");
// "" clears a value. Values are text in the form of the field's type (see
// IsValidCustomFieldValue).
struct SetCustomerCustomFields {
  static constexpr std::string_view kType = "SetCustomerCustomFields";
  static constexpr std::string_view kTargetField = "customer_id";
  static constexpr bool kCreates = false;
  Id customer_id;
  std::map<std::string, std::string> values;
};
constexpr auto Fields(const SetCustomerCustomFields*) {
  using T = SetCustomerCustomFields;
  return std::tuple{F("customer_id", &T::customer_id),
                    F("values", &T::values).MaxLength(4000).Doc("key -> value; \"\" clears")};
}

// Assigns or transfers the customer to an employee and/or a department.
// A new owner without a department moves the customer to the new owner's
// department.
struct AssignCustomer {
  static constexpr std::string_view kType = "AssignCustomer";
  static constexpr std::string_view kTargetField = "customer_id";
  static constexpr bool kCreates = false;
  Id customer_id;
  std::optional<Id> owner_id;
  std::optional<Id> department_id;
  std::optional<std::string> reason;
};
constexpr auto Fields(const AssignCustomer*) {
  using T = AssignCustomer;
  return std::tuple{F("customer_id", &T::customer_id), F("owner_id", &T::owner_id),
                    F("department_id", &T::department_id), F("reason", &T::reason).MaxLength(4000)};
}

struct ArchiveCustomer {
  static constexpr std::string_view kType = "ArchiveCustomer";
  static constexpr std::string_view kTargetField = "customer_id";
  static constexpr bool kCreates = false;
  Id customer_id;
  std::optional<std::string> reason;
};
constexpr auto Fields(const ArchiveCustomer*) {
  using T = ArchiveCustomer;
  return std::tuple{F("customer_id", &T::customer_id), F("reason", &T::reason).MaxLength(4000)};
}

struct RestoreCustomer {
  static constexpr std::string_view kType = "RestoreCustomer";
  static constexpr std::string_view kTargetField = "customer_id";
  static constexpr bool kCreates = false;
  Id customer_id;
};
constexpr auto Fields(const RestoreCustomer*) {
  using T = RestoreCustomer;
  return std::tuple{F("customer_id", &T::customer_id)};
}

// Merges this customer (the duplicate) into `survivor_id`. The duplicate
// is closed for good; the command service then issues
// RecordMergedDuplicate on the survivor (see FollowUpOf in customer.h).
struct MergeCustomer {
  static constexpr std::string_view kType = "MergeCustomer";
  static constexpr std::string_view kTargetField = "customer_id";
  static constexpr bool kCreates = false;
  Id customer_id;
  Id survivor_id;
  std::optional<std::string> reason;
};
constexpr auto Fields(const MergeCustomer*) {
  using T = MergeCustomer;
  return std::tuple{F("customer_id", &T::customer_id).Doc("the duplicate, merged away"),
                    F("survivor_id", &T::survivor_id).Doc("the customer that remains"),
                    F("reason", &T::reason).MaxLength(4000)};
}

// Records on the survivor that a duplicate was merged into it. Issued by
// the command service after MergeCustomer, with that event as cause.
struct RecordMergedDuplicate {
  static constexpr std::string_view kType = "RecordMergedDuplicate";
  static constexpr std::string_view kTargetField = "customer_id";
  static constexpr bool kCreates = false;
  Id customer_id;
  Id duplicate_id;
};
constexpr auto Fields(const RecordMergedDuplicate*) {
  using T = RecordMergedDuplicate;
  return std::tuple{F("customer_id", &T::customer_id).Doc("the survivor"),
                    F("duplicate_id", &T::duplicate_id).Doc("the customer merged into it")};
}

// Sets the lifecycle state by hand; a person must say why.
struct ChangeCustomerLifecycle {
  static constexpr std::string_view kType = "ChangeCustomerLifecycle";
  static constexpr std::string_view kTargetField = "customer_id";
  static constexpr bool kCreates = false;
  Id customer_id;
  Lifecycle lifecycle = Lifecycle::kTarget;
  std::string reason;
};
constexpr auto Fields(const ChangeCustomerLifecycle*) {
  using T = ChangeCustomerLifecycle;
  return std::tuple{F("customer_id", &T::customer_id), F("lifecycle", &T::lifecycle),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

// A lifecycle transition derived from another event by the lifecycle
// process manager (lifecycle_policy.h); only the system actor issues it.
// Deriving the state the customer is in already emits nothing, so a
// re-delivered trigger is harmless.
struct DeriveCustomerLifecycle {
  static constexpr std::string_view kType = "DeriveCustomerLifecycle";
  static constexpr std::string_view kTargetField = "customer_id";
  static constexpr bool kCreates = false;
  Id customer_id;
  Lifecycle lifecycle = Lifecycle::kTarget;
  std::string reason;
  bool operator==(const DeriveCustomerLifecycle&) const = default;
};
constexpr auto Fields(const DeriveCustomerLifecycle*) {
  using T = DeriveCustomerLifecycle;
  return std::tuple{F("customer_id", &T::customer_id), F("lifecycle", &T::lifecycle),
                    F("reason", &T::reason)
                        .MinLength(1)
                        .MaxLength(200)
                        .Doc("the rule, e.g. \"first_contract_signed\"")};
}

}  // namespace dealstream::domain
