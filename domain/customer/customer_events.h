// Events of the customer aggregate.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/common/change.h"
#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/config/custom_values.h"
#include "domain/customer/customer_commands.h"
#include "domain/customer/lifecycle.h"

namespace dealstream::domain {

struct CustomerRegistered {
  static constexpr std::string_view kType = "crm.customer.registered.v1";
  Id customer_id;
  std::string name;
  Id owner_id;
  Id department_id;
  std::optional<std::string> industry;
  std::optional<std::string> region;
  std::optional<CustomerSize> size;
  std::optional<std::string> source;
  std::optional<std::string> address;
  std::optional<std::string> phone;
  std::optional<std::string> website;
  Lifecycle lifecycle = Lifecycle::kTarget;
  bool operator==(const CustomerRegistered&) const = default;
};
constexpr auto Fields(const CustomerRegistered*) {
  using T = CustomerRegistered;
  return std::tuple{F("customer_id", &T::customer_id),
                    F("name", &T::name).MaxLength(200),
                    F("owner_id", &T::owner_id),
                    F("department_id", &T::department_id),
                    F("industry", &T::industry).MaxLength(100),
                    F("region", &T::region).MaxLength(100),
                    F("size", &T::size),
                    F("source", &T::source).MaxLength(100),
                    F("address", &T::address).MaxLength(400),
                    F("phone", &T::phone).MaxLength(40),
                    F("website", &T::website).MaxLength(200),
                    F("lifecycle", &T::lifecycle)};
}

struct CustomerSizeChange {
  std::optional<CustomerSize> value;
  std::optional<CustomerSize> previous;
  bool operator==(const CustomerSizeChange&) const = default;
};
constexpr auto Fields(const CustomerSizeChange*) {
  using T = CustomerSizeChange;
  return std::tuple{F("value", &T::value), F("previous", &T::previous).Doc("absent = had none")};
}

// Only the fields that changed are present, each with its previous value.
struct CustomerProfileUpdated {
  static constexpr std::string_view kType = "crm.customer.profile_updated.v1";
  Id customer_id;
  std::optional<TextChange> name;
  std::optional<TextChange> industry;
  std::optional<TextChange> region;
  std::optional<CustomerSizeChange> size;
  std::optional<TextChange> source;
  std::optional<TextChange> address;
  std::optional<TextChange> phone;
  std::optional<TextChange> website;
  bool operator==(const CustomerProfileUpdated&) const = default;
};
constexpr auto Fields(const CustomerProfileUpdated*) {
  using T = CustomerProfileUpdated;
  return std::tuple{
      F("customer_id", &T::customer_id), F("name", &T::name),   F("industry", &T::industry),
      F("region", &T::region),           F("size", &T::size),   F("source", &T::source),
      F("address", &T::address),         F("phone", &T::phone), F("website", &T::website)};
}

// The custom field values that changed, in key order.
struct CustomerCustomFieldsSet {
  static constexpr std::string_view kType = "crm.customer.custom_fields_set.v1";
  Id customer_id;
  std::vector<CustomFieldValueChange> changes;
  bool operator==(const CustomerCustomFieldsSet&) const = default;
};
constexpr auto Fields(const CustomerCustomFieldsSet*) {
  using T = CustomerCustomFieldsSet;
  return std::tuple{F("customer_id", &T::customer_id), F("changes", &T::changes)};
}

// The assignment in force from now on, and the one it replaced.
struct CustomerAssigned {
  static constexpr std::string_view kType = "crm.customer.assigned.v1";
  Id customer_id;
  Id owner_id;
  Id previous_owner_id;
  Id department_id;
  Id previous_department_id;
  std::optional<std::string> reason;
  bool operator==(const CustomerAssigned&) const = default;
};
constexpr auto Fields(const CustomerAssigned*) {
  using T = CustomerAssigned;
  return std::tuple{F("customer_id", &T::customer_id),
                    F("owner_id", &T::owner_id),
                    F("previous_owner_id", &T::previous_owner_id),
                    F("department_id", &T::department_id),
                    F("previous_department_id", &T::previous_department_id),
                    F("reason", &T::reason).MaxLength(4000)};
}

struct CustomerArchived {
  static constexpr std::string_view kType = "crm.customer.archived.v1";
  Id customer_id;
  std::optional<std::string> reason;
  bool operator==(const CustomerArchived&) const = default;
};
constexpr auto Fields(const CustomerArchived*) {
  using T = CustomerArchived;
  return std::tuple{F("customer_id", &T::customer_id), F("reason", &T::reason).MaxLength(4000)};
}

struct CustomerRestored {
  static constexpr std::string_view kType = "crm.customer.restored.v1";
  Id customer_id;
  bool operator==(const CustomerRestored&) const = default;
};
constexpr auto Fields(const CustomerRestored*) {
  using T = CustomerRestored;
  return std::tuple{F("customer_id", &T::customer_id)};
}

// On the duplicate's stream: it was merged into the survivor and is closed.
struct CustomerDuplicateMerged {
  static constexpr std::string_view kType = "crm.customer.duplicate_merged.v1";
  Id customer_id;
  Id survivor_id;
  std::optional<std::string> reason;
  bool operator==(const CustomerDuplicateMerged&) const = default;
};
constexpr auto Fields(const CustomerDuplicateMerged*) {
  using T = CustomerDuplicateMerged;
  return std::tuple{F("customer_id", &T::customer_id).Doc("the duplicate"),
                    F("survivor_id", &T::survivor_id), F("reason", &T::reason).MaxLength(4000)};
}

// On the survivor's stream: a duplicate was merged into it.
struct CustomerDuplicateAbsorbed {
  static constexpr std::string_view kType = "crm.customer.duplicate_absorbed.v1";
  Id customer_id;
  Id duplicate_id;
  bool operator==(const CustomerDuplicateAbsorbed&) const = default;
};
constexpr auto Fields(const CustomerDuplicateAbsorbed*) {
  using T = CustomerDuplicateAbsorbed;
  return std::tuple{F("customer_id", &T::customer_id).Doc("the survivor"),
                    F("duplicate_id", &T::duplicate_id)};
}

struct CustomerLifecycleChanged {
  static constexpr std::string_view kType = "crm.customer.lifecycle_changed.v1";
  Id customer_id;
  Lifecycle from = Lifecycle::kTarget;
  Lifecycle to = Lifecycle::kTarget;
  std::string reason;
  LifecycleCause cause = LifecycleCause::kManual;
  bool operator==(const CustomerLifecycleChanged&) const = default;
};
constexpr auto Fields(const CustomerLifecycleChanged*) {
  using T = CustomerLifecycleChanged;
  return std::tuple{
      F("customer_id", &T::customer_id), F("from", &T::from), F("to", &T::to),
      F("reason", &T::reason).MaxLength(4000).Doc("a person's words, or the derivation rule"),
      F("cause", &T::cause)};
}

}  // namespace dealstream::domain
