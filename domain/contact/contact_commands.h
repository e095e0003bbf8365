// Commands of the contact aggregate: the people at a customer, and their
// place in its buying committee (DESIGN §2.2 "Contact", "Decision tree").
//
// name, phone, email, interests and birthday are PERSONAL DATA (DESIGN §5):
// the events keep them apart from business facts so that they can be
// encrypted per contact and forgotten.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

// A contact's part in a buying decision.
enum class ContactRole {
  kUser,
  kInfluencer,
  kEconomicBuyer,
  kDecisionMaker,
  kGatekeeper,
  kTechnicalEvaluator
};
constexpr auto EnumNames(ContactRole) {
  return std::array{
      std::pair{ContactRole::kUser, std::string_view("user")},
      std::pair{ContactRole::kInfluencer, std::string_view("influencer")},
      std::pair{ContactRole::kEconomicBuyer, std::string_view("economic_buyer")},
      std::pair{ContactRole::kDecisionMaker, std::string_view("decision_maker")},
      std::pair{ContactRole::kGatekeeper, std::string_view("gatekeeper")},
      std::pair{ContactRole::kTechnicalEvaluator, std::string_view("technical_evaluator")}};
}

// A contact's attitude towards us.
enum class Stance { kChampion, kSupporter, kNeutral, kOpponent };
constexpr auto EnumNames(Stance) {
  return std::array{std::pair{Stance::kChampion, std::string_view("champion")},
                    std::pair{Stance::kSupporter, std::string_view("supporter")},
                    std::pair{Stance::kNeutral, std::string_view("neutral")},
                    std::pair{Stance::kOpponent, std::string_view("opponent")}};
}

inline constexpr int32_t kDefaultInfluence = 3;  // on a 1–5 scale

struct AddContact {
  static constexpr std::string_view kType = "AddContact";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  Id customer_id;
  std::string name;
  std::optional<std::string> title;
  std::optional<std::string> department;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> interests;
  std::optional<Date> birthday;
};
constexpr auto Fields(const AddContact*) {
  using T = AddContact;
  return std::tuple{
      F("id", &T::id).Doc("id of the new contact; generated when absent"),
      F("customer_id", &T::customer_id).Doc("the customer the contact works for"),
      F("name", &T::name).MinLength(1).MaxLength(200).Doc("personal data"),
      F("title", &T::title).MaxLength(200).Doc("job title, e.g. \"CIO\""),
      F("department", &T::department).MaxLength(200).Doc("department at the customer"),
      F("phone", &T::phone).MaxLength(40).Doc("personal data"),
      F("email", &T::email).MaxLength(254).Doc("personal data"),
      F("interests", &T::interests).MaxLength(4000).Doc("personal data; e.g. hobbies"),
      F("birthday", &T::birthday).Doc("personal data; not in the future")};
}

// Changes the given fields: absent fields stay, "" clears an optional text
// field, clear_birthday removes the birthday.
struct UpdateContact {
  static constexpr std::string_view kType = "UpdateContact";
  static constexpr std::string_view kTargetField = "contact_id";
  static constexpr bool kCreates = false;
  Id contact_id;
  std::optional<std::string> name;
  std::optional<std::string> title;
  std::optional<std::string> department;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> interests;
  std::optional<Date> birthday;
  std::optional<bool> clear_birthday;
};
constexpr auto Fields(const UpdateContact*) {
  using T = UpdateContact;
  return std::tuple{F("contact_id", &T::contact_id),
                    F("name", &T::name).MaxLength(200).Doc("personal data"),
                    F("title", &T::title).MaxLength(200),
                    F("department", &T::department).MaxLength(200),
                    F("phone", &T::phone).MaxLength(40).Doc("personal data"),
                    F("email", &T::email).MaxLength(254).Doc("personal data"),
                    F("interests", &T::interests).MaxLength(4000).Doc("personal data"),
                    F("birthday", &T::birthday).Doc("personal data"),
                    F("clear_birthday", &T::clear_birthday).Doc("true removes the birthday")};
}

// Sets custom field values by key (fields defined for entity type
// "contact"); "" clears a value. The values are PERSONAL DATA: sealed per
// contact like name and phone, and forgotten with them.
struct SetContactCustomFields {
  static constexpr std::string_view kType = "SetContactCustomFields";
  static constexpr std::string_view kTargetField = "contact_id";
  static constexpr bool kCreates = false;
  Id contact_id;
  std::map<std::string, std::string> values;
};
constexpr auto Fields(const SetContactCustomFields*) {
  using T = SetContactCustomFields;
  return std::tuple{
      F("contact_id", &T::contact_id),
      F("values", &T::values).MaxLength(4000).Doc("key -> value; \"\" clears; personal data")};
}

// Records that the contact left the customer (a job change). Their roles
// in the customer's decision trees end with it.
struct RecordContactJobChange {
  static constexpr std::string_view kType = "RecordContactJobChange";
  static constexpr std::string_view kTargetField = "contact_id";
  static constexpr bool kCreates = false;
  Id contact_id;
  std::optional<Id> new_customer_id;
  std::optional<std::string> new_company;
  std::optional<std::string> new_title;
  std::optional<std::string> note;
};
constexpr auto Fields(const RecordContactJobChange*) {
  using T = RecordContactJobChange;
  return std::tuple{
      F("contact_id", &T::contact_id),
      F("new_customer_id", &T::new_customer_id).Doc("the new employer, when it is a customer"),
      F("new_company", &T::new_company).MaxLength(200).Doc("the new employer's name"),
      F("new_title", &T::new_title).MaxLength(200), F("note", &T::note).MaxLength(4000)};
}

// Gives the contact a role in the decision tree of its customer
// (opportunity_id absent) or of one of the customer's opportunities, or
// changes that role. Absent optional fields keep their value (on a first
// assignment: influence 3, stance neutral, no reports-to).
struct SetContactRole {
  static constexpr std::string_view kType = "SetContactRole";
  static constexpr std::string_view kTargetField = "contact_id";
  static constexpr bool kCreates = false;
  Id contact_id;
  std::optional<Id> opportunity_id;
  ContactRole role = ContactRole::kUser;
  std::optional<int32_t> influence;
  std::optional<Stance> stance;
  std::optional<Id> reports_to;
  std::optional<bool> clear_reports_to;
};
constexpr auto Fields(const SetContactRole*) {
  using T = SetContactRole;
  return std::tuple{
      F("contact_id", &T::contact_id),
      F("opportunity_id", &T::opportunity_id).Doc("absent = the customer's own decision tree"),
      F("role", &T::role),
      F("influence", &T::influence).Range(1, 5).Doc("1 (low) to 5 (high)"),
      F("stance", &T::stance),
      F("reports_to", &T::reports_to).Doc("another contact of the same customer"),
      F("clear_reports_to", &T::clear_reports_to).Doc("true removes the reports-to link")};
}

// The stance of a contact who holds a role in that tree changed.
struct ChangeContactStance {
  static constexpr std::string_view kType = "ChangeContactStance";
  static constexpr std::string_view kTargetField = "contact_id";
  static constexpr bool kCreates = false;
  Id contact_id;
  std::optional<Id> opportunity_id;
  Stance stance = Stance::kNeutral;
  std::optional<std::string> note;
};
constexpr auto Fields(const ChangeContactStance*) {
  using T = ChangeContactStance;
  return std::tuple{F("contact_id", &T::contact_id), F("opportunity_id", &T::opportunity_id),
                    F("stance", &T::stance),
                    F("note", &T::note).MaxLength(4000).Doc("what changed their mind")};
}

struct RemoveContactRole {
  static constexpr std::string_view kType = "RemoveContactRole";
  static constexpr std::string_view kTargetField = "contact_id";
  static constexpr bool kCreates = false;
  Id contact_id;
  std::optional<Id> opportunity_id;
  std::optional<std::string> reason;
};
constexpr auto Fields(const RemoveContactRole*) {
  using T = RemoveContactRole;
  return std::tuple{F("contact_id", &T::contact_id), F("opportunity_id", &T::opportunity_id),
                    F("reason", &T::reason).MaxLength(4000)};
}

}  // namespace dealstream::domain
