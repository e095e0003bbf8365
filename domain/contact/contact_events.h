// Events of the contact aggregate.
//
// PERSONAL DATA (DESIGN §5, crypto-shredding): every personal field of a
// contact (name, phone, email, interests, birthday) lives in the nested
// `personal` object of ContactAdded and ContactUpdated, and nowhere else.
// The codec encrypts that object with the contact's key; once the key is
// forgotten it reads as redacted, while every other field (customer, title,
// roles, influence, stance, reports-to) stays auditable.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/common/change.h"
#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/config/custom_values.h"
#include "domain/contact/contact_commands.h"

namespace dealstream::domain {

// PERSONAL DATA: encrypted per contact, forgettable.
struct ContactPersonalData {
  std::string name;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> interests;
  std::optional<Date> birthday;
  bool operator==(const ContactPersonalData&) const = default;
};
constexpr auto Fields(const ContactPersonalData*) {
  using T = ContactPersonalData;
  return std::tuple{F("name", &T::name).MaxLength(200), F("phone", &T::phone).MaxLength(40),
                    F("email", &T::email).MaxLength(254),
                    F("interests", &T::interests).MaxLength(4000), F("birthday", &T::birthday)};
}

struct ContactAdded {
  static constexpr std::string_view kType = "crm.contact.added.v1";
  Id contact_id;
  Id customer_id;
  std::optional<std::string> title;
  std::optional<std::string> department;
  ContactPersonalData personal;
  bool operator==(const ContactAdded&) const = default;
};
constexpr auto Fields(const ContactAdded*) {
  using T = ContactAdded;
  return std::tuple{
      F("contact_id", &T::contact_id), F("customer_id", &T::customer_id),
      F("title", &T::title).MaxLength(200), F("department", &T::department).MaxLength(200),
      F("personal", &T::personal).Doc("personal data: encrypted per contact, forgettable")};
}

// PERSONAL DATA: the changed personal fields with their previous values.
struct ContactPersonalChanges {
  std::optional<TextChange> name;
  std::optional<TextChange> phone;
  std::optional<TextChange> email;
  std::optional<TextChange> interests;
  std::optional<DateChange> birthday;
  bool operator==(const ContactPersonalChanges&) const = default;
};
constexpr auto Fields(const ContactPersonalChanges*) {
  using T = ContactPersonalChanges;
  return std::tuple{F("name", &T::name), F("phone", &T::phone), F("email", &T::email),
                    F("interests", &T::interests), F("birthday", &T::birthday)};
}

// Only the fields that changed are present, each with its previous value.
struct ContactUpdated {
  static constexpr std::string_view kType = "crm.contact.updated.v1";
  Id contact_id;
  Id customer_id;
  std::optional<TextChange> title;
  std::optional<TextChange> department;
  std::optional<ContactPersonalChanges> personal;  // absent: no personal field changed
  bool operator==(const ContactUpdated&) const = default;
};
constexpr auto Fields(const ContactUpdated*) {
  using T = ContactUpdated;
  return std::tuple{
      F("contact_id", &T::contact_id), F("customer_id", &T::customer_id), F("title", &T::title),
      F("department", &T::department),
      F("personal", &T::personal).Doc("personal data: encrypted per contact, forgettable")};
}

// PERSONAL DATA: the custom field values that changed, in key order.
struct ContactCustomFieldChanges {
  std::vector<CustomFieldValueChange> changes;
  bool operator==(const ContactCustomFieldChanges&) const = default;
};
constexpr auto Fields(const ContactCustomFieldChanges*) {
  using T = ContactCustomFieldChanges;
  return std::tuple{F("changes", &T::changes)};
}

struct ContactCustomFieldsSet {
  static constexpr std::string_view kType = "crm.contact.custom_fields_set.v1";
  Id contact_id;
  ContactCustomFieldChanges personal;
  bool operator==(const ContactCustomFieldsSet&) const = default;
};
constexpr auto Fields(const ContactCustomFieldsSet*) {
  using T = ContactCustomFieldsSet;
  return std::tuple{
      F("contact_id", &T::contact_id),
      F("personal", &T::personal).Doc("personal data: encrypted per contact, forgettable")};
}

// The contact left the customer; all their decision-tree roles end here.
struct ContactLeftCompany {
  static constexpr std::string_view kType = "crm.contact.left_company.v1";
  Id contact_id;
  Id customer_id;
  std::optional<Id> new_customer_id;
  std::optional<std::string> new_company;
  std::optional<std::string> new_title;
  std::optional<std::string> note;
  bool operator==(const ContactLeftCompany&) const = default;
};
constexpr auto Fields(const ContactLeftCompany*) {
  using T = ContactLeftCompany;
  return std::tuple{F("contact_id", &T::contact_id),
                    F("customer_id", &T::customer_id),
                    F("new_customer_id", &T::new_customer_id),
                    F("new_company", &T::new_company).MaxLength(200),
                    F("new_title", &T::new_title).MaxLength(200),
                    F("note", &T::note).MaxLength(4000)};
}

// A first role in one decision tree: the customer's (opportunity_id
// absent) or an opportunity's. customer_id is repeated in every role event
// so the decision-tree read model needs no lookup.
struct ContactRoleAssigned {
  static constexpr std::string_view kType = "crm.contact.role_assigned.v1";
  Id contact_id;
  Id customer_id;
  std::optional<Id> opportunity_id;
  ContactRole role = ContactRole::kUser;
  int32_t influence = kDefaultInfluence;
  Stance stance = Stance::kNeutral;
  std::optional<Id> reports_to;
  bool operator==(const ContactRoleAssigned&) const = default;
};
constexpr auto Fields(const ContactRoleAssigned*) {
  using T = ContactRoleAssigned;
  return std::tuple{F("contact_id", &T::contact_id),
                    F("customer_id", &T::customer_id),
                    F("opportunity_id", &T::opportunity_id),
                    F("role", &T::role),
                    F("influence", &T::influence).Range(1, 5),
                    F("stance", &T::stance),
                    F("reports_to", &T::reports_to)};
}

struct ContactRoleChanged {
  static constexpr std::string_view kType = "crm.contact.role_changed.v1";
  Id contact_id;
  Id customer_id;
  std::optional<Id> opportunity_id;
  ContactRole role = ContactRole::kUser;
  ContactRole previous_role = ContactRole::kUser;
  bool operator==(const ContactRoleChanged&) const = default;
};
constexpr auto Fields(const ContactRoleChanged*) {
  using T = ContactRoleChanged;
  return std::tuple{F("contact_id", &T::contact_id), F("customer_id", &T::customer_id),
                    F("opportunity_id", &T::opportunity_id), F("role", &T::role),
                    F("previous_role", &T::previous_role)};
}

struct ContactInfluenceChanged {
  static constexpr std::string_view kType = "crm.contact.influence_changed.v1";
  Id contact_id;
  Id customer_id;
  std::optional<Id> opportunity_id;
  int32_t influence = kDefaultInfluence;
  int32_t previous_influence = kDefaultInfluence;
  bool operator==(const ContactInfluenceChanged&) const = default;
};
constexpr auto Fields(const ContactInfluenceChanged*) {
  using T = ContactInfluenceChanged;
  return std::tuple{F("contact_id", &T::contact_id), F("customer_id", &T::customer_id),
                    F("opportunity_id", &T::opportunity_id),
                    F("influence", &T::influence).Range(1, 5),
                    F("previous_influence", &T::previous_influence).Range(1, 5)};
}

struct ContactStanceChanged {
  static constexpr std::string_view kType = "crm.contact.stance_changed.v1";
  Id contact_id;
  Id customer_id;
  std::optional<Id> opportunity_id;
  Stance stance = Stance::kNeutral;
  Stance previous_stance = Stance::kNeutral;
  std::optional<std::string> note;
  bool operator==(const ContactStanceChanged&) const = default;
};
constexpr auto Fields(const ContactStanceChanged*) {
  using T = ContactStanceChanged;
  return std::tuple{F("contact_id", &T::contact_id),           F("customer_id", &T::customer_id),
                    F("opportunity_id", &T::opportunity_id),   F("stance", &T::stance),
                    F("previous_stance", &T::previous_stance), F("note", &T::note).MaxLength(4000)};
}

struct ContactReportsToChanged {
  static constexpr std::string_view kType = "crm.contact.reports_to_changed.v1";
  Id contact_id;
  Id customer_id;
  std::optional<Id> opportunity_id;
  std::optional<Id> reports_to;           // absent = link removed
  std::optional<Id> previous_reports_to;  // absent = had none
  bool operator==(const ContactReportsToChanged&) const = default;
};
constexpr auto Fields(const ContactReportsToChanged*) {
  using T = ContactReportsToChanged;
  return std::tuple{F("contact_id", &T::contact_id), F("customer_id", &T::customer_id),
                    F("opportunity_id", &T::opportunity_id), F("reports_to", &T::reports_to),
                    F("previous_reports_to", &T::previous_reports_to)};
}

struct ContactRoleRemoved {
  static constexpr std::string_view kType = "crm.contact.role_removed.v1";
  Id contact_id;
  Id customer_id;
  std::optional<Id> opportunity_id;
  ContactRole role = ContactRole::kUser;  // the role it had
  std::optional<std::string> reason;
  bool operator==(const ContactRoleRemoved&) const = default;
};
constexpr auto Fields(const ContactRoleRemoved*) {
  using T = ContactRoleRemoved;
  return std::tuple{F("contact_id", &T::contact_id), F("customer_id", &T::customer_id),
                    F("opportunity_id", &T::opportunity_id), F("role", &T::role),
                    F("reason", &T::reason).MaxLength(4000)};
}

}  // namespace dealstream::domain
