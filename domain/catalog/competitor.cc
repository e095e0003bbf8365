#include "domain/catalog/competitor.h"

#include "domain/common/change.h"
#include "domain/common/text_rules.h"

namespace dealstream::domain {
namespace {

using Event = CompetitorAggregate::Event;
using Outcome = Decision<Event>;

Outcome Refuse(DomainError error) { return Unexpected(std::move(error)); }

Outcome DecideOne(const CompetitorState& state, const RegisterCompetitor& c) {
  if (!c.id) {
    return Refuse(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Refuse(AlreadyExists("competitor_exists", "competitor \"" + c.id->value + "\" exists"));
  }
  if (IsBlank(c.name)) return Refuse(Invalid("name_blank", "name", "name: must not be blank"));
  return Emit<Event>(CompetitorRegistered{*c.id, c.name, NonEmpty(c.strengths),
                                          NonEmpty(c.weaknesses), NonEmpty(c.market_segment),
                                          NonEmpty(c.website)});
}

Outcome DecideOne(const CompetitorState& state, const UpdateCompetitor& c) {
  if (!state.exists) {
    return Refuse(
        NotFound("competitor_not_found", "competitor_id", "competitor_id: no such competitor"));
  }
  if (c.name && IsBlank(*c.name)) {
    return Refuse(Invalid("name_blank", "name", "name: must not be blank"));
  }
  CompetitorProfileUpdated event{c.competitor_id};
  event.name = DiffText(c.name, state.name);
  event.strengths = DiffText(c.strengths, state.strengths);
  event.weaknesses = DiffText(c.weaknesses, state.weaknesses);
  event.market_segment = DiffText(c.market_segment, state.market_segment);
  event.website = DiffText(c.website, state.website);
  if (event == CompetitorProfileUpdated{c.competitor_id}) {
    return Refuse(
        RuleViolated("nothing_to_update", "", "the update changes no field of the competitor"));
  }
  return Emit<Event>(std::move(event));
}

void EvolveOne(CompetitorState& s, const CompetitorRegistered& e) {
  s.exists = true;
  s.id = e.competitor_id;
  s.name = e.name;
  s.strengths = e.strengths;
  s.weaknesses = e.weaknesses;
  s.market_segment = e.market_segment;
  s.website = e.website;
}
void EvolveOne(CompetitorState& s, const CompetitorProfileUpdated& e) {
  // The name is required, so its change always carries a value.
  if (e.name && e.name->value) s.name = *e.name->value;
  ApplyChange(e.strengths, s.strengths);
  ApplyChange(e.weaknesses, s.weaknesses);
  ApplyChange(e.market_segment, s.market_segment);
  ApplyChange(e.website, s.website);
}

}  // namespace

Decision<Event> CompetitorAggregate::Decide(const State& state, const Command& command,
                                            const DecideContext&) {
  return std::visit([&](const auto& c) { return DecideOne(state, c); }, command);
}

void CompetitorAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { EvolveOne(state, e); }, event);
}

std::optional<CompetitorFacts> FactsOf(const CompetitorState& state) {
  if (!state.exists) return std::nullopt;
  return CompetitorFacts{state.id, state.name};
}

}  // namespace dealstream::domain
