#include "domain/catalog/competing_product.h"

#include "domain/common/change.h"
#include "domain/common/checks.h"
#include "domain/common/text_rules.h"

namespace dealstream::domain {
namespace {

using Event = CompetingProductAggregate::Event;
using Outcome = Decision<Event>;

Outcome Refuse(DomainError error) { return Unexpected(std::move(error)); }

std::optional<DomainError> CheckOurProduct(const std::optional<Id>& product_id,
                                           const Directory& directory) {
  if (product_id && !directory.FindProduct(*product_id)) {
    return NotFound("product_not_found", "compared_to_product_id",
                    "compared_to_product_id: no product has id \"" + product_id->value + "\"");
  }
  return std::nullopt;
}

Outcome DecideOne(const CompetingProductState& state, const RegisterCompetingProduct& c,
                  const DecideContext& ctx) {
  if (!c.id) {
    return Refuse(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Refuse(AlreadyExists("competing_product_exists",
                                "competing product \"" + c.id->value + "\" exists"));
  }
  if (IsBlank(c.name)) return Refuse(Invalid("name_blank", "name", "name: must not be blank"));
  if (!ctx.directory.FindCompetitor(c.competitor_id)) {
    return Refuse(
        NotFound("competitor_not_found", "competitor_id",
                 "competitor_id: no competitor has id \"" + c.competitor_id.value + "\""));
  }
  if (c.price) {
    if (auto e = CheckNotNegative(*c.price, "price")) return Refuse(*e);
  }
  if (auto e = CheckOurProduct(c.compared_to_product_id, ctx.directory)) return Refuse(*e);
  return Emit<Event>(CompetingProductRegistered{*c.id, c.competitor_id, c.name, c.price,
                                                c.compared_to_product_id, NonEmpty(c.specs)});
}

Outcome DecideOne(const CompetingProductState& state, const UpdateCompetingProduct& c,
                  const DecideContext& ctx) {
  if (!state.exists) {
    return Refuse(NotFound("competing_product_not_found", "competing_product_id",
                           "competing_product_id: no such competing product"));
  }
  if (c.name && IsBlank(*c.name)) {
    return Refuse(Invalid("name_blank", "name", "name: must not be blank"));
  }
  if (auto e = CheckOurProduct(c.compared_to_product_id, ctx.directory)) return Refuse(*e);
  CompetingProductUpdated event{c.competing_product_id};
  event.name = DiffText(c.name, state.name);
  if (c.compared_to_product_id && c.compared_to_product_id != state.compared_to_product_id) {
    event.compared_to_product_id = IdChange{c.compared_to_product_id, state.compared_to_product_id};
  }
  event.specs = DiffText(c.specs, state.specs);
  if (event == CompetingProductUpdated{c.competing_product_id}) {
    return Refuse(RuleViolated("nothing_to_update", "",
                               "the update changes no field of the competing product"));
  }
  return Emit<Event>(std::move(event));
}

Outcome DecideOne(const CompetingProductState& state, const ChangeCompetingProductPrice& c,
                  const DecideContext&) {
  if (!state.exists) {
    return Refuse(NotFound("competing_product_not_found", "competing_product_id",
                           "competing_product_id: no such competing product"));
  }
  if (auto e = CheckNotNegative(c.price, "price")) return Refuse(*e);
  if (state.price == c.price) {
    return Refuse(RuleViolated("price_unchanged", "price",
                               "price: the competing product has this price already"));
  }
  return Emit<Event>(CompetingProductPriceChanged{c.competing_product_id, c.price, state.price});
}

void EvolveOne(CompetingProductState& s, const CompetingProductRegistered& e) {
  s.exists = true;
  s.id = e.competing_product_id;
  s.competitor_id = e.competitor_id;
  s.name = e.name;
  s.price = e.price;
  s.compared_to_product_id = e.compared_to_product_id;
  s.specs = e.specs;
}
void EvolveOne(CompetingProductState& s, const CompetingProductUpdated& e) {
  // The name is required, so its change always carries a value.
  if (e.name && e.name->value) s.name = *e.name->value;
  if (e.compared_to_product_id) s.compared_to_product_id = e.compared_to_product_id->value;
  ApplyChange(e.specs, s.specs);
}
void EvolveOne(CompetingProductState& s, const CompetingProductPriceChanged& e) {
  s.price = e.price;
}

}  // namespace

Decision<Event> CompetingProductAggregate::Decide(const State& state, const Command& command,
                                                  const DecideContext& ctx) {
  return std::visit([&](const auto& c) { return DecideOne(state, c, ctx); }, command);
}

void CompetingProductAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { EvolveOne(state, e); }, event);
}

std::optional<CompetingProductFacts> FactsOf(const CompetingProductState& state) {
  if (!state.exists) return std::nullopt;
  return CompetingProductFacts{state.id, state.competitor_id, state.name, state.price};
}

}  // namespace dealstream::domain
