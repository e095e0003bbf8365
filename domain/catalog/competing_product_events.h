// Events of the competing product aggregate.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/change.h"
#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

struct CompetingProductRegistered {
  static constexpr std::string_view kType = "crm.competing_product.registered.v1";
  Id competing_product_id;
  Id competitor_id;
  std::string name;
  std::optional<Money> price;
  std::optional<Id> compared_to_product_id;
  std::optional<std::string> specs;
  bool operator==(const CompetingProductRegistered&) const = default;
};
constexpr auto Fields(const CompetingProductRegistered*) {
  using T = CompetingProductRegistered;
  return std::tuple{F("competing_product_id", &T::competing_product_id),
                    F("competitor_id", &T::competitor_id),
                    F("name", &T::name).MaxLength(200),
                    F("price", &T::price),
                    F("compared_to_product_id", &T::compared_to_product_id),
                    F("specs", &T::specs).MaxLength(4000)};
}

// Only the fields that changed are present, each with its previous value.
struct CompetingProductUpdated {
  static constexpr std::string_view kType = "crm.competing_product.updated.v1";
  Id competing_product_id;
  std::optional<TextChange> name;
  std::optional<IdChange> compared_to_product_id;
  std::optional<TextChange> specs;
  bool operator==(const CompetingProductUpdated&) const = default;
};
constexpr auto Fields(const CompetingProductUpdated*) {
  using T = CompetingProductUpdated;
  return std::tuple{F("competing_product_id", &T::competing_product_id), F("name", &T::name),
                    F("compared_to_product_id", &T::compared_to_product_id), F("specs", &T::specs)};
}

struct CompetingProductPriceChanged {
  static constexpr std::string_view kType = "crm.competing_product.price_changed.v1";
  Id competing_product_id;
  Money price;
  std::optional<Money> previous_price;  // absent = was unknown
  bool operator==(const CompetingProductPriceChanged&) const = default;
};
constexpr auto Fields(const CompetingProductPriceChanged*) {
  using T = CompetingProductPriceChanged;
  return std::tuple{F("competing_product_id", &T::competing_product_id), F("price", &T::price),
                    F("previous_price", &T::previous_price)};
}

}  // namespace dealstream::domain
