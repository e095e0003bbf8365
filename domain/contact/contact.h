// The contact aggregate (stream category "contact").
//
// Rules (each a DomainError code):
//   id_required / contact_exists / contact_not_found
//   customer_not_found / customer_archived / customer_merged   customer_id
//   name_blank / email_invalid / birthday_in_future / birthday_conflict
//   nothing_to_update
//   contact_left_company      the contact left (job change) already: no new roles
//   new_customer_is_current   the job change names the same customer
//   opportunity_not_found / opportunity_other_customer     opportunity_id
//   influence_out_of_range    not within 1–5
//   reports_to_self / reports_to_other_customer / reports_to_left_company /
//   reports_to_cycle (checked through Directory::ContactReportsTo) /
//   reports_to_conflict (reports_to together with clear_reports_to)
//   contact_not_found         reports_to names no contact (field "reports_to")
//   contact_role_unchanged    SetContactRole changes nothing
//   contact_role_not_found    no role in that decision tree
//   stance_unchanged
//   custom_fields_required / too_many_custom_fields / custom_field_not_found /
//   custom_field_value_invalid / nothing_to_update   (SetContactCustomFields;
//   see domain/config/custom_values.h)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/common/aggregate.h"
#include "domain/contact/contact_commands.h"
#include "domain/contact/contact_events.h"

namespace dealstream::domain {

// The contact's place in one decision tree.
struct ContactRoleState {
  // The opportunity whose tree this is; absent = the customer's own tree.
  std::optional<Id> opportunity_id;
  ContactRole role = ContactRole::kUser;
  int32_t influence = kDefaultInfluence;
  Stance stance = Stance::kNeutral;
  std::optional<Id> reports_to;
};
constexpr auto Fields(const ContactRoleState*) {
  using T = ContactRoleState;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("role", &T::role),
                    F("influence", &T::influence), F("stance", &T::stance),
                    F("reports_to", &T::reports_to)};
}

struct ContactState {
  bool exists = false;
  Id id;
  Id customer_id;
  std::optional<std::string> title;
  std::optional<std::string> department;
  ContactPersonalData personal;
  bool left_company = false;
  CustomFieldValues custom_fields;  // personal data, like `personal`
  // At most one per tree, in the order they were first assigned.
  std::vector<ContactRoleState> roles;
};
// What record views show (the codec renders it).
constexpr auto Fields(const ContactState*) {
  using T = ContactState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("customer_id", &T::customer_id),
                    F("title", &T::title),
                    F("department", &T::department),
                    F("personal", &T::personal),
                    F("left_company", &T::left_company),
                    F("custom_fields", &T::custom_fields),
                    F("roles", &T::roles)};
}

struct ContactAggregate {
  static constexpr std::string_view kCategory = "contact";
  using State = ContactState;
  using Command = std::variant<AddContact, UpdateContact, RecordContactJobChange, SetContactRole,
                               ChangeContactStance, RemoveContactRole, SetContactCustomFields>;
  using Event = std::variant<ContactAdded, ContactUpdated, ContactLeftCompany, ContactRoleAssigned,
                             ContactRoleChanged, ContactInfluenceChanged, ContactStanceChanged,
                             ContactReportsToChanged, ContactRoleRemoved, ContactCustomFieldsSet>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The Directory facts of a contact; nullopt before it is added.
std::optional<ContactFacts> FactsOf(const ContactState& state);

// The contact's role in one decision tree (absent opportunity = the
// customer's own); nullptr when it has none there.
const ContactRoleState* RoleIn(const ContactState& state, const std::optional<Id>& opportunity_id);

// Whom the contact reports to in one decision tree (Directory::ContactReportsTo).
std::optional<Id> ReportsToIn(const ContactState& state, const std::optional<Id>& opportunity_id);

}  // namespace dealstream::domain
