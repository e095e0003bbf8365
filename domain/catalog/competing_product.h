// The competing product aggregate (stream category "competing_product").
//
// Rules (each a DomainError code):
//   id_required / competing_product_exists / competing_product_not_found
//   competitor_not_found       competitor_id
//   product_not_found          compared_to_product_id
//   name_blank / negative_amount (price) / nothing_to_update / price_unchanged
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "domain/catalog/competing_product_commands.h"
#include "domain/catalog/competing_product_events.h"
#include "domain/common/aggregate.h"

namespace dealstream::domain {

struct CompetingProductState {
  bool exists = false;
  Id id;
  Id competitor_id;
  std::string name;
  std::optional<Money> price;
  std::optional<Id> compared_to_product_id;
  std::optional<std::string> specs;
};
// What record views show (the codec renders it).
constexpr auto Fields(const CompetingProductState*) {
  using T = CompetingProductState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("competitor_id", &T::competitor_id),
                    F("name", &T::name),
                    F("price", &T::price),
                    F("compared_to_product_id", &T::compared_to_product_id),
                    F("specs", &T::specs)};
}

struct CompetingProductAggregate {
  static constexpr std::string_view kCategory = "competing_product";
  using State = CompetingProductState;
  using Command =
      std::variant<RegisterCompetingProduct, UpdateCompetingProduct, ChangeCompetingProductPrice>;
  using Event = std::variant<CompetingProductRegistered, CompetingProductUpdated,
                             CompetingProductPriceChanged>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The Directory facts of a competing product; nullopt before registration.
std::optional<CompetingProductFacts> FactsOf(const CompetingProductState& state);

}  // namespace dealstream::domain
