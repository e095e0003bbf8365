#include "domain/catalog/product.h"

#include "domain/common/change.h"
#include "domain/common/checks.h"
#include "domain/common/text_rules.h"

namespace dealstream::domain {
namespace {

using Event = ProductAggregate::Event;
using Outcome = Decision<Event>;

Outcome Refuse(DomainError error) { return Unexpected(std::move(error)); }

std::optional<DomainError> RequireOnSale(const ProductState& state) {
  if (!state.exists) {
    return NotFound("product_not_found", "product_id", "product_id: no such product");
  }
  if (state.discontinued) {
    return RuleViolated("product_discontinued", "product_id",
                        "product_id: \"" + state.sku + "\" is discontinued");
  }
  return std::nullopt;
}

Outcome DecideOne(const ProductState& state, const RegisterProduct& c, const DecideContext& ctx) {
  if (!c.id) {
    return Refuse(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Refuse(AlreadyExists("product_exists", "product \"" + c.id->value + "\" exists"));
  }
  if (IsBlank(c.sku)) return Refuse(Invalid("sku_blank", "sku", "sku: must not be blank"));
  if (IsBlank(c.name)) return Refuse(Invalid("name_blank", "name", "name: must not be blank"));
  if (auto e = CheckNotNegative(c.list_price, "list_price")) return Refuse(*e);
  if (auto taken = ctx.directory.FindProductBySku(c.sku)) {
    return Refuse(AlreadyExists(
        "sku_taken", "sku: \"" + c.sku + "\" is the SKU of product \"" + taken->id.value + "\""));
  }
  return Emit<Event>(ProductRegistered{*c.id, c.sku, c.name, c.list_price, NonEmpty(c.product_line),
                                       NonEmpty(c.description)});
}

Outcome DecideOne(const ProductState& state, const UpdateProduct& c, const DecideContext&) {
  if (auto e = RequireOnSale(state)) return Refuse(*e);
  if (c.name && IsBlank(*c.name)) {
    return Refuse(Invalid("name_blank", "name", "name: must not be blank"));
  }
  ProductDetailsUpdated event{c.product_id};
  event.name = DiffText(c.name, state.name);
  event.product_line = DiffText(c.product_line, state.product_line);
  event.description = DiffText(c.description, state.description);
  if (event == ProductDetailsUpdated{c.product_id}) {
    return Refuse(
        RuleViolated("nothing_to_update", "", "the update changes no field of the product"));
  }
  return Emit<Event>(std::move(event));
}

Outcome DecideOne(const ProductState& state, const ChangeProductPrice& c, const DecideContext&) {
  if (auto e = RequireOnSale(state)) return Refuse(*e);
  if (auto e = CheckNotNegative(c.list_price, "list_price")) return Refuse(*e);
  if (c.list_price == state.list_price) {
    return Refuse(RuleViolated("price_unchanged", "list_price",
                               "list_price: the product has this price already"));
  }
  return Emit<Event>(ProductPriceChanged{c.product_id, c.list_price, state.list_price, c.reason});
}

Outcome DecideOne(const ProductState& state, const DiscontinueProduct& c, const DecideContext&) {
  if (auto e = RequireOnSale(state)) return Refuse(*e);
  return Emit<Event>(ProductDiscontinued{c.product_id, c.reason});
}

void EvolveOne(ProductState& s, const ProductRegistered& e) {
  s.exists = true;
  s.id = e.product_id;
  s.sku = e.sku;
  s.name = e.name;
  s.list_price = e.list_price;
  s.product_line = e.product_line;
  s.description = e.description;
}
void EvolveOne(ProductState& s, const ProductDetailsUpdated& e) {
  // The name is required, so its change always carries a value.
  if (e.name && e.name->value) s.name = *e.name->value;
  ApplyChange(e.product_line, s.product_line);
  ApplyChange(e.description, s.description);
}
void EvolveOne(ProductState& s, const ProductPriceChanged& e) { s.list_price = e.list_price; }
void EvolveOne(ProductState& s, const ProductDiscontinued&) { s.discontinued = true; }

}  // namespace

Decision<Event> ProductAggregate::Decide(const State& state, const Command& command,
                                         const DecideContext& ctx) {
  return std::visit([&](const auto& c) { return DecideOne(state, c, ctx); }, command);
}

void ProductAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { EvolveOne(state, e); }, event);
}

std::optional<ProductFacts> FactsOf(const ProductState& state) {
  if (!state.exists) return std::nullopt;
  return ProductFacts{state.id,         state.sku,          state.name,
                      state.list_price, state.product_line, state.discontinued};
}

}  // namespace dealstream::domain
