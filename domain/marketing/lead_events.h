// Events of the lead aggregate. LeadConverted carries everything the
// follow-up commands need (see lead.h).
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
#include "domain/marketing/lead_commands.h"

namespace dealstream::domain {

enum class LeadStatus { kCaptured, kQualified, kDisqualified, kConverted };
constexpr auto EnumNames(LeadStatus) {
  using S = LeadStatus;
  return std::array{std::pair{S::kCaptured, std::string_view("captured")},
                    std::pair{S::kQualified, std::string_view("qualified")},
                    std::pair{S::kDisqualified, std::string_view("disqualified")},
                    std::pair{S::kConverted, std::string_view("converted")}};
}

struct LeadCaptured {
  static constexpr std::string_view kType = "crm.lead.captured.v1";
  Id lead_id;
  std::optional<Id> campaign_id;
  std::string company;
  std::string contact_name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> interest;
  std::optional<std::string> source;
  std::optional<Id> owner_id;
  Id captured_by;
  bool operator==(const LeadCaptured&) const = default;
};
constexpr auto Fields(const LeadCaptured*) {
  using T = LeadCaptured;
  return std::tuple{F("lead_id", &T::lead_id),
                    F("campaign_id", &T::campaign_id),
                    F("company", &T::company).MaxLength(200),
                    F("contact_name", &T::contact_name).MaxLength(200).Doc("personal data"),
                    F("email", &T::email).MaxLength(254).Doc("personal data"),
                    F("phone", &T::phone).MaxLength(40).Doc("personal data"),
                    F("interest", &T::interest).MaxLength(4000),
                    F("source", &T::source).MaxLength(200),
                    F("owner_id", &T::owner_id),
                    F("captured_by", &T::captured_by)};
}

struct LeadQualified {
  static constexpr std::string_view kType = "crm.lead.qualified.v1";
  Id lead_id;
  std::optional<Id> campaign_id;
  std::optional<std::string> note;
  Id qualified_by;
  bool operator==(const LeadQualified&) const = default;
};
constexpr auto Fields(const LeadQualified*) {
  using T = LeadQualified;
  return std::tuple{F("lead_id", &T::lead_id), F("campaign_id", &T::campaign_id),
                    F("note", &T::note).MaxLength(4000), F("qualified_by", &T::qualified_by)};
}

struct LeadDisqualified {
  static constexpr std::string_view kType = "crm.lead.disqualified.v1";
  Id lead_id;
  std::optional<Id> campaign_id;
  std::string reason;
  Id disqualified_by;
  bool operator==(const LeadDisqualified&) const = default;
};
constexpr auto Fields(const LeadDisqualified*) {
  using T = LeadDisqualified;
  return std::tuple{F("lead_id", &T::lead_id), F("campaign_id", &T::campaign_id),
                    F("reason", &T::reason).MaxLength(4000),
                    F("disqualified_by", &T::disqualified_by)};
}

struct LeadConverted {
  static constexpr std::string_view kType = "crm.lead.converted.v1";
  Id lead_id;
  std::optional<Id> campaign_id;
  Id customer_id;
  bool new_customer = true;  // false: converted into an existing customer
  Id contact_id;
  Id opportunity_id;
  Id owner_id;
  std::string company;
  std::string contact_name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::string opportunity_title;
  Money amount;
  Date expected_close_date;
  // For the new customer and opportunity: the lead's source, else
  // "campaign:<campaign_id>", else "lead:<lead_id>".
  std::string source;
  Id converted_by;
  bool operator==(const LeadConverted&) const = default;
};
constexpr auto Fields(const LeadConverted*) {
  using T = LeadConverted;
  return std::tuple{F("lead_id", &T::lead_id),
                    F("campaign_id", &T::campaign_id),
                    F("customer_id", &T::customer_id),
                    F("new_customer", &T::new_customer),
                    F("contact_id", &T::contact_id),
                    F("opportunity_id", &T::opportunity_id),
                    F("owner_id", &T::owner_id),
                    F("company", &T::company).MaxLength(200),
                    F("contact_name", &T::contact_name).MaxLength(200).Doc("personal data"),
                    F("email", &T::email).MaxLength(254).Doc("personal data"),
                    F("phone", &T::phone).MaxLength(40).Doc("personal data"),
                    F("opportunity_title", &T::opportunity_title).MaxLength(200),
                    F("amount", &T::amount),
                    F("expected_close_date", &T::expected_close_date),
                    F("source", &T::source).MaxLength(200),
                    F("converted_by", &T::converted_by)};
}

using LeadEvent = std::variant<LeadCaptured, LeadQualified, LeadDisqualified, LeadConverted>;

}  // namespace dealstream::domain
