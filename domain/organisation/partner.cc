#include "domain/organisation/partner.h"

#include <string>

#include "domain/common/change.h"
#include "domain/common/text_rules.h"

namespace dealstream::domain {
namespace {

using Event = PartnerAggregate::Event;
using Outcome = Decision<Event>;

Outcome Refuse(DomainError error) { return Unexpected(std::move(error)); }

std::optional<DomainError> RequireExists(const PartnerState& state) {
  if (!state.exists) {
    return NotFound("partner_not_found", "partner_id", "partner_id: no such partner");
  }
  return std::nullopt;
}

std::optional<DomainError> RequireActive(const PartnerState& state) {
  if (auto e = RequireExists(state)) return e;
  if (!state.active) {
    return RuleViolated("partner_inactive", "partner_id",
                        "partner_id: \"" + state.id.value + "\" is deactivated");
  }
  return std::nullopt;
}

Outcome DecideOne(const PartnerState& state, const RegisterPartner& c, const DecideContext&) {
  if (!c.id) {
    return Refuse(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Refuse(AlreadyExists("partner_exists", "partner \"" + c.id->value + "\" exists"));
  }
  if (IsBlank(c.name)) return Refuse(Invalid("name_blank", "name", "name: must not be blank"));
  return Emit<Event>(PartnerRegistered{*c.id, c.name, c.kind, NonEmpty(c.region), NonEmpty(c.phone),
                                       NonEmpty(c.website)});
}

Outcome DecideOne(const PartnerState& state, const UpdatePartner& c, const DecideContext&) {
  if (auto e = RequireActive(state)) return Refuse(*e);
  if (c.name && IsBlank(*c.name)) {
    return Refuse(Invalid("name_blank", "name", "name: must not be blank"));
  }
  PartnerProfileUpdated event{c.partner_id};
  event.name = DiffText(c.name, state.name);
  if (c.kind && *c.kind != state.kind) event.kind = PartnerKindChange{*c.kind, state.kind};
  event.region = DiffText(c.region, state.region);
  event.phone = DiffText(c.phone, state.phone);
  event.website = DiffText(c.website, state.website);
  if (event == PartnerProfileUpdated{c.partner_id}) {
    return Refuse(
        RuleViolated("nothing_to_update", "", "the update changes no field of the partner"));
  }
  return Emit<Event>(std::move(event));
}

Outcome DecideOne(const PartnerState& state, const DeactivatePartner& c, const DecideContext&) {
  if (auto e = RequireActive(state)) return Refuse(*e);
  return Emit<Event>(PartnerDeactivated{c.partner_id, c.reason});
}

Outcome DecideOne(const PartnerState& state, const ReactivatePartner& c, const DecideContext&) {
  if (auto e = RequireExists(state)) return Refuse(*e);
  if (state.active) {
    return Refuse(RuleViolated("partner_active", "partner_id",
                               "partner_id: \"" + state.id.value + "\" is active"));
  }
  return Emit<Event>(PartnerReactivated{c.partner_id});
}

void EvolveOne(PartnerState& s, const PartnerRegistered& e) {
  s.exists = true;
  s.id = e.partner_id;
  s.name = e.name;
  s.kind = e.kind;
  s.region = e.region;
  s.phone = e.phone;
  s.website = e.website;
}
void EvolveOne(PartnerState& s, const PartnerProfileUpdated& e) {
  // The name is required, so its change always carries a value.
  if (e.name && e.name->value) s.name = *e.name->value;
  if (e.kind) s.kind = e.kind->value;
  ApplyChange(e.region, s.region);
  ApplyChange(e.phone, s.phone);
  ApplyChange(e.website, s.website);
}
void EvolveOne(PartnerState& s, const PartnerDeactivated&) { s.active = false; }
void EvolveOne(PartnerState& s, const PartnerReactivated&) { s.active = true; }

}  // namespace

Decision<Event> PartnerAggregate::Decide(const State& state, const Command& command,
                                         const DecideContext& ctx) {
  return std::visit([&](const auto& c) { return DecideOne(state, c, ctx); }, command);
}

void PartnerAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { EvolveOne(state, e); }, event);
}

std::optional<PartnerFacts> FactsOf(const PartnerState& state) {
  if (!state.exists) return std::nullopt;
  return PartnerFacts{state.id, state.name, state.active};
}

}  // namespace dealstream::domain
