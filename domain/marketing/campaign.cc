#include "domain/marketing/campaign.h"

#include <string>
#include <variant>

#include "domain/common/checks.h"
#include "domain/organisation/org_checks.h"

namespace dealstream::domain {

namespace {

using Outcome = Decision<CampaignEvent>;

Outcome DecideCommand(const CampaignState& state, const LaunchCampaign& c,
                      const DecideContext& ctx) {
  if (!c.id) {
    return Unexpected(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Unexpected(
        AlreadyExists("campaign_exists", "campaign '" + c.id->value + "' is already launched"));
  }
  if (auto e = CheckNotBlank(c.name, "name")) return Unexpected(*e);
  if (c.end_date < c.start_date) {
    return Unexpected(Invalid("end_before_start", "end_date",
                              "end_date: " + DateText(c.end_date) + " is before the start date " +
                                  DateText(c.start_date)));
  }
  if (c.budget) {
    if (auto e = CheckNotNegative(*c.budget, "budget")) return Unexpected(*e);
  }
  if (c.owner_id) {
    auto owner = RequireActiveEmployee(ctx.directory, *c.owner_id, "owner_id", "owner");
    if (!owner.ok()) return Unexpected(owner.error());
  }
  if (c.department_id) {
    if (auto e = RequireOpenDepartment(ctx.directory, *c.department_id, "department_id")) {
      return Unexpected(*e);
    }
  }
  return Emit<CampaignEvent>(CampaignLaunched{*c.id, c.name, c.channel, c.start_date, c.end_date,
                                              c.budget, c.owner_id, c.department_id, c.description,
                                              ctx.actor});
}

Outcome DecideCommand(const CampaignState& state, const EndCampaign& c, const DecideContext& ctx) {
  if (!state.exists) {
    return Unexpected(NotFound("campaign_not_found", "campaign_id",
                               "campaign_id: no campaign with this id has been launched"));
  }
  if (state.ended) {
    return Unexpected(
        RuleViolated("campaign_ended", "campaign_id",
                     "campaign_id: the campaign ended on " + DateText(*state.ended_on)));
  }
  return Emit<CampaignEvent>(
      CampaignEnded{state.id, Date::Of(ctx.now), state.end_date, c.outcome, ctx.actor});
}

void Apply(CampaignState& s, const CampaignLaunched& e) {
  s.exists = true;
  s.id = e.campaign_id;
  s.name = e.name;
  s.channel = e.channel;
  s.start_date = e.start_date;
  s.end_date = e.end_date;
  s.budget = e.budget;
  s.owner_id = e.owner_id;
}

void Apply(CampaignState& s, const CampaignEnded& e) {
  s.ended = true;
  s.ended_on = e.ended_on;
}

}  // namespace

Decision<CampaignEvent> CampaignAggregate::Decide(const State& state, const Command& command,
                                                  const DecideContext& context) {
  return std::visit([&](const auto& c) { return DecideCommand(state, c, context); }, command);
}

void CampaignAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { Apply(state, e); }, event);
}

CampaignFacts FactsOf(const CampaignState& state) {
  return CampaignFacts{state.id, state.name, state.ended};
}

}  // namespace dealstream::domain
