// The campaign aggregate (stream category "campaign"): launched for a
// period, then ended (early or late; the event keeps the planned end).
//
// Rules (DomainError codes): "name_required"; "end_before_start";
// "negative_amount" for the budget; the owner is an active employee
// ("owner_*") and the department open ("department_*"); a campaign ends
// once ("campaign_ended").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/aggregate.h"
#include "domain/common/reflect.h"
#include "domain/marketing/campaign_commands.h"
#include "domain/marketing/campaign_events.h"

namespace dealstream::domain {

// Default-constructed = no events yet (exists == false).
struct CampaignState {
  bool exists = false;
  Id id;
  std::string name;
  CampaignChannel channel = CampaignChannel::kOther;
  Date start_date;
  Date end_date;
  std::optional<Money> budget;
  std::optional<Id> owner_id;
  bool ended = false;
  std::optional<Date> ended_on;
};
constexpr auto Fields(const CampaignState*) {
  using T = CampaignState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("name", &T::name),
                    F("channel", &T::channel),
                    F("start_date", &T::start_date),
                    F("end_date", &T::end_date),
                    F("budget", &T::budget),
                    F("owner_id", &T::owner_id),
                    F("ended", &T::ended),
                    F("ended_on", &T::ended_on)};
}

struct CampaignAggregate {
  static constexpr std::string_view kCategory = "campaign";
  using State = CampaignState;
  using Command = CampaignCommand;
  using Event = CampaignEvent;

  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& context);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The Directory facts of this campaign. Precondition: state.exists.
CampaignFacts FactsOf(const CampaignState& state);

}  // namespace dealstream::domain
