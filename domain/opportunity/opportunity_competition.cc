// Competitors engaged on the deal and what we learn about them as it
// progresses.
#include <algorithm>
#include <string>

#include "domain/common/checks.h"
#include "domain/opportunity/opportunity_internal.h"

namespace dealstream::domain::opportunity_internal {

namespace {

const EngagedCompetitor* FindEngaged(const OpportunityState& state, const Id& id) {
  for (const EngagedCompetitor& c : state.competitors) {
    if (c.competitor_id == id) return &c;
  }
  return nullptr;
}

std::optional<DomainError> CheckIntel(const OpportunityState& state,
                                      const std::optional<Money>& quoted_price,
                                      const std::optional<int32_t>& threat_level) {
  if (quoted_price) {
    if (auto e = CheckDealMoney(state, *quoted_price, "quoted_price")) return e;
  }
  if (threat_level && (*threat_level < 1 || *threat_level > 5)) {
    return Invalid("threat_level_out_of_range", "threat_level",
                   "threat_level: must be between 1 (low) and 5 (high)");
  }
  return std::nullopt;
}

DomainError NotEngaged(const Id& id) {
  return NotFound(
      "competitor_not_engaged", "competitor_id",
      "competitor_id: competitor '" + id.value + "' is not recorded on this opportunity");
}

}  // namespace

Outcome DecideCommand(const OpportunityState& state, const RecordCompetitor& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  if (!ctx.directory.FindCompetitor(c.competitor_id)) {
    return Unexpected(
        NotFound("competitor_not_found", "competitor_id",
                 "competitor_id: competitor '" + c.competitor_id.value + "' does not exist"));
  }
  if (FindEngaged(state, c.competitor_id) != nullptr) {
    return Unexpected(RuleViolated("competitor_already_recorded", "competitor_id",
                                   "competitor_id: '" + c.competitor_id.value +
                                       "' is already recorded; use UpdateOpportunityCompetitor"));
  }
  if (auto e = CheckIntel(state, c.quoted_price, c.threat_level)) return Unexpected(*e);
  OpportunityCompetitorRecorded recorded;
  recorded.opportunity_id = state.id;
  recorded.competitor_id = c.competitor_id;
  recorded.quoted_price = c.quoted_price;
  recorded.product = c.product;
  recorded.strengths = c.strengths;
  recorded.weaknesses = c.weaknesses;
  recorded.threat_level = c.threat_level;
  return Emit<OpportunityEvent>(std::move(recorded));
}

void Apply(OpportunityState& s, const OpportunityCompetitorRecorded& e, Timestamp) {
  s.competitors.push_back(
      {e.competitor_id, e.quoted_price, e.product, e.strengths, e.weaknesses, e.threat_level});
}

Outcome DecideCommand(const OpportunityState& state, const UpdateOpportunityCompetitor& c,
                      const DecideContext&) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  const EngagedCompetitor* current = FindEngaged(state, c.competitor_id);
  if (current == nullptr) return Unexpected(NotEngaged(c.competitor_id));
  if (!c.quoted_price && !c.product && !c.strengths && !c.weaknesses && !c.threat_level) {
    return Unexpected(Invalid("nothing_to_update", "",
                              "give at least one of quoted_price, product, strengths, "
                              "weaknesses, threat_level"));
  }
  if (auto e = CheckIntel(state, c.quoted_price, c.threat_level)) return Unexpected(*e);
  OpportunityCompetitorUpdated updated;
  updated.opportunity_id = state.id;
  updated.competitor_id = c.competitor_id;
  updated.quoted_price = c.quoted_price ? c.quoted_price : current->quoted_price;
  updated.product = c.product ? c.product : current->product;
  updated.strengths = c.strengths ? c.strengths : current->strengths;
  updated.weaknesses = c.weaknesses ? c.weaknesses : current->weaknesses;
  updated.threat_level = c.threat_level ? c.threat_level : current->threat_level;
  updated.previous_quoted_price = current->quoted_price;
  updated.previous_threat_level = current->threat_level;
  return Emit<OpportunityEvent>(std::move(updated));
}

void Apply(OpportunityState& s, const OpportunityCompetitorUpdated& e, Timestamp) {
  for (EngagedCompetitor& c : s.competitors) {
    if (c.competitor_id != e.competitor_id) continue;
    c = {e.competitor_id, e.quoted_price, e.product, e.strengths, e.weaknesses, e.threat_level};
  }
}

Outcome DecideCommand(const OpportunityState& state, const RemoveOpportunityCompetitor& c,
                      const DecideContext&) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  if (FindEngaged(state, c.competitor_id) == nullptr) {
    return Unexpected(NotEngaged(c.competitor_id));
  }
  return Emit<OpportunityEvent>(OpportunityCompetitorRemoved{state.id, c.competitor_id, c.reason});
}

void Apply(OpportunityState& s, const OpportunityCompetitorRemoved& e, Timestamp) {
  std::erase_if(s.competitors,
                [&](const EngagedCompetitor& c) { return c.competitor_id == e.competitor_id; });
}

}  // namespace dealstream::domain::opportunity_internal
