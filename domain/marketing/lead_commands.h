// Commands of the lead aggregate (DESIGN §2.3, §2.8). The contact name,
// e-mail and phone of a lead are personal data.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

struct CaptureLead {
  static constexpr std::string_view kType = "CaptureLead";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  std::optional<Id> campaign_id;
  std::string company;
  std::string contact_name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> interest;
  std::optional<std::string> source;
  std::optional<Id> owner_id;
};
constexpr auto Fields(const CaptureLead*) {
  using T = CaptureLead;
  return std::tuple{
      F("id", &T::id),
      F("campaign_id", &T::campaign_id).Doc("the campaign it answered"),
      F("company", &T::company).MinLength(1).MaxLength(200),
      F("contact_name", &T::contact_name).MinLength(1).MaxLength(200).Doc("personal data"),
      F("email", &T::email).MaxLength(254).Doc("personal data; email or phone required"),
      F("phone", &T::phone).MaxLength(40).Doc("personal data; email or phone required"),
      F("interest", &T::interest).MaxLength(4000).Doc("what they asked about"),
      F("source", &T::source).MaxLength(200),
      F("owner_id", &T::owner_id).Doc("an active employee following it up")};
}

struct QualifyLead {
  static constexpr std::string_view kType = "QualifyLead";
  static constexpr std::string_view kTargetField = "lead_id";
  static constexpr bool kCreates = false;
  Id lead_id;
  std::optional<std::string> note;
};
constexpr auto Fields(const QualifyLead*) {
  using T = QualifyLead;
  return std::tuple{F("lead_id", &T::lead_id), F("note", &T::note).MaxLength(4000)};
}

struct DisqualifyLead {
  static constexpr std::string_view kType = "DisqualifyLead";
  static constexpr std::string_view kTargetField = "lead_id";
  static constexpr bool kCreates = false;
  Id lead_id;
  std::string reason;
};
constexpr auto Fields(const DisqualifyLead*) {
  using T = DisqualifyLead;
  return std::tuple{F("lead_id", &T::lead_id),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

// Converts a qualified lead into a customer (new, or existing_customer_id),
// a contact and an opportunity; see lead.h for the follow-up commands.
struct ConvertLead {
  static constexpr std::string_view kType = "ConvertLead";
  static constexpr std::string_view kTargetField = "lead_id";
  static constexpr bool kCreates = false;
  // Id fields the command service fills with new ids when absent, before
  // deciding, exactly as it fills "id" for creation commands.
  static constexpr std::array<std::string_view, 3> kGeneratedIds = {"customer_id", "contact_id",
                                                                    "opportunity_id"};
  Id lead_id;
  Id owner_id;
  Money amount;
  Date expected_close_date;
  std::optional<std::string> opportunity_title;  // default: the company's name
  std::optional<Id> existing_customer_id;        // convert into this customer instead of a new one
  std::optional<Id> customer_id;
  std::optional<Id> contact_id;
  std::optional<Id> opportunity_id;
};
constexpr auto Fields(const ConvertLead*) {
  using T = ConvertLead;
  return std::tuple{
      F("lead_id", &T::lead_id),
      F("owner_id", &T::owner_id).Doc("an active employee; owns what is created"),
      F("amount", &T::amount).Doc("expected amount of the opportunity"),
      F("expected_close_date", &T::expected_close_date),
      F("opportunity_title", &T::opportunity_title)
          .MaxLength(200)
          .Doc("default: the company's name"),
      F("existing_customer_id", &T::existing_customer_id)
          .Doc("the company is already a customer: add the contact and opportunity to it"),
      F("customer_id", &T::customer_id)
          .Doc("id of the new customer; generated when absent; unused with "
               "existing_customer_id"),
      F("contact_id", &T::contact_id).Doc("id of the new contact; generated when absent"),
      F("opportunity_id", &T::opportunity_id)
          .Doc("id of the new opportunity; generated when absent")};
}

using LeadCommand = std::variant<CaptureLead, QualifyLead, DisqualifyLead, ConvertLead>;

}  // namespace dealstream::domain
