// Events of the campaign aggregate.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>

#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/marketing/campaign_commands.h"

namespace dealstream::domain {

struct CampaignLaunched {
  static constexpr std::string_view kType = "crm.campaign.launched.v1";
  Id campaign_id;
  std::string name;
  CampaignChannel channel = CampaignChannel::kOther;
  Date start_date;
  Date end_date;
  std::optional<Money> budget;
  std::optional<Id> owner_id;
  std::optional<Id> department_id;
  std::optional<std::string> description;
  Id launched_by;
  bool operator==(const CampaignLaunched&) const = default;
};
constexpr auto Fields(const CampaignLaunched*) {
  using T = CampaignLaunched;
  return std::tuple{F("campaign_id", &T::campaign_id),
                    F("name", &T::name).MaxLength(200),
                    F("channel", &T::channel),
                    F("start_date", &T::start_date),
                    F("end_date", &T::end_date),
                    F("budget", &T::budget),
                    F("owner_id", &T::owner_id),
                    F("department_id", &T::department_id),
                    F("description", &T::description).MaxLength(4000),
                    F("launched_by", &T::launched_by)};
}

struct CampaignEnded {
  static constexpr std::string_view kType = "crm.campaign.ended.v1";
  Id campaign_id;
  Date ended_on;
  Date planned_end_date;
  std::optional<std::string> outcome;
  Id ended_by;
  bool operator==(const CampaignEnded&) const = default;
};
constexpr auto Fields(const CampaignEnded*) {
  using T = CampaignEnded;
  return std::tuple{F("campaign_id", &T::campaign_id), F("ended_on", &T::ended_on),
                    F("planned_end_date", &T::planned_end_date),
                    F("outcome", &T::outcome).MaxLength(4000), F("ended_by", &T::ended_by)};
}

using CampaignEvent = std::variant<CampaignLaunched, CampaignEnded>;

}  // namespace dealstream::domain
