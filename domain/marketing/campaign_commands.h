// Commands of the campaign aggregate (DESIGN §2.8).
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

enum class CampaignChannel {
  kEmail,
  kEvent,
  kTradeShow,
  kWebinar,
  kAdvertising,
  kSocial,
  kTelemarketing,
  kReferral,
  kOther
};
constexpr auto EnumNames(CampaignChannel) {
  using C = CampaignChannel;
  return std::array{std::pair{C::kEmail, std::string_view("email")},
                    std::pair{C::kEvent, std::string_view("event")},
                    std::pair{C::kTradeShow, std::string_view("trade_show")},
                    std::pair{C::kWebinar, std::string_view("webinar")},
                    std::pair{C::kAdvertising, std::string_view("advertising")},
                    std::pair{C::kSocial, std::string_view("social")},
                    std::pair{C::kTelemarketing, std::string_view("telemarketing")},
                    std::pair{C::kReferral, std::string_view("referral")},
                    std::pair{C::kOther, std::string_view("other")}};
}

struct LaunchCampaign {
  static constexpr std::string_view kType = "LaunchCampaign";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  std::string name;
  CampaignChannel channel = CampaignChannel::kOther;
  Date start_date;
  Date end_date;
  std::optional<Money> budget;
  std::optional<Id> owner_id;
  std::optional<Id> department_id;
  std::optional<std::string> description;
};
constexpr auto Fields(const LaunchCampaign*) {
  using T = LaunchCampaign;
  return std::tuple{F("id", &T::id),
                    F("name", &T::name).MinLength(1).MaxLength(200),
                    F("channel", &T::channel),
                    F("start_date", &T::start_date),
                    F("end_date", &T::end_date).Doc("not before start_date"),
                    F("budget", &T::budget).Doc("planned spend; not negative"),
                    F("owner_id", &T::owner_id).Doc("an active employee"),
                    F("department_id", &T::department_id),
                    F("description", &T::description).MaxLength(4000)};
}

struct EndCampaign {
  static constexpr std::string_view kType = "EndCampaign";
  static constexpr std::string_view kTargetField = "campaign_id";
  static constexpr bool kCreates = false;
  Id campaign_id;
  std::optional<std::string> outcome;
};
constexpr auto Fields(const EndCampaign*) {
  using T = EndCampaign;
  return std::tuple{F("campaign_id", &T::campaign_id), F("outcome", &T::outcome).MaxLength(4000)};
}

using CampaignCommand = std::variant<LaunchCampaign, EndCampaign>;

}  // namespace dealstream::domain
