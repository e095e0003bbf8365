// Commands of the competing product aggregate: a competitor's product, as
// our people know it, set against one of ours (DESIGN §2.4).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

struct RegisterCompetingProduct {
  static constexpr std::string_view kType = "RegisterCompetingProduct";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  Id competitor_id;
  std::string name;
  std::optional<Money> price;
  std::optional<Id> compared_to_product_id;
  std::optional<std::string> specs;
};
constexpr auto Fields(const RegisterCompetingProduct*) {
  using T = RegisterCompetingProduct;
  return std::tuple{
      F("id", &T::id).Doc("id of the new competing product; generated when absent"),
      F("competitor_id", &T::competitor_id).Doc("the competitor who sells it"),
      F("name", &T::name).MinLength(1).MaxLength(200),
      F("price", &T::price).Doc("their usual price, when known; not negative"),
      F("compared_to_product_id", &T::compared_to_product_id).Doc("our product it competes with"),
      F("specs", &T::specs).MaxLength(4000).Doc("specifications, free text")};
}

// Changes the given fields: absent fields stay, "" clears the specs.
struct UpdateCompetingProduct {
  static constexpr std::string_view kType = "UpdateCompetingProduct";
  static constexpr std::string_view kTargetField = "competing_product_id";
  static constexpr bool kCreates = false;
  Id competing_product_id;
  std::optional<std::string> name;
  std::optional<Id> compared_to_product_id;
  std::optional<std::string> specs;
};
constexpr auto Fields(const UpdateCompetingProduct*) {
  using T = UpdateCompetingProduct;
  return std::tuple{F("competing_product_id", &T::competing_product_id),
                    F("name", &T::name).MaxLength(200),
                    F("compared_to_product_id", &T::compared_to_product_id),
                    F("specs", &T::specs).MaxLength(4000)};
}

// Records a new (observed) price of the competing product.
struct ChangeCompetingProductPrice {
  static constexpr std::string_view kType = "ChangeCompetingProductPrice";
  static constexpr std::string_view kTargetField = "competing_product_id";
  static constexpr bool kCreates = false;
  Id competing_product_id;
  Money price;
};
constexpr auto Fields(const ChangeCompetingProductPrice*) {
  using T = ChangeCompetingProductPrice;
  return std::tuple{F("competing_product_id", &T::competing_product_id), F("price", &T::price)};
}

}  // namespace dealstream::domain
