// The product aggregate (stream category "product").
//
// Rules (each a DomainError code):
//   id_required / product_exists / product_not_found
//   sku_blank / name_blank
//   sku_taken              another product has this SKU (Directory::FindProductBySku)
//   negative_amount        a negative list price
//   price_unchanged / nothing_to_update
//   product_discontinued   changing a discontinued product
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "domain/catalog/product_commands.h"
#include "domain/catalog/product_events.h"
#include "domain/common/aggregate.h"

namespace dealstream::domain {

struct ProductState {
  bool exists = false;
  Id id;
  std::string sku;
  std::string name;
  Money list_price;
  std::optional<std::string> product_line;
  std::optional<std::string> description;
  bool discontinued = false;
};
// What record views show (the codec renders it).
constexpr auto Fields(const ProductState*) {
  using T = ProductState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("sku", &T::sku),
                    F("name", &T::name),
                    F("list_price", &T::list_price),
                    F("product_line", &T::product_line),
                    F("description", &T::description),
                    F("discontinued", &T::discontinued)};
}

struct ProductAggregate {
  static constexpr std::string_view kCategory = "product";
  using State = ProductState;
  using Command =
      std::variant<RegisterProduct, UpdateProduct, ChangeProductPrice, DiscontinueProduct>;
  using Event = std::variant<ProductRegistered, ProductDetailsUpdated, ProductPriceChanged,
                             ProductDiscontinued>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The Directory facts of a product; nullopt before registration.
std::optional<ProductFacts> FactsOf(const ProductState& state);

}  // namespace dealstream::domain
