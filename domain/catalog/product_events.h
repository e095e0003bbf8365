// Events of the product aggregate.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/change.h"
#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

struct ProductRegistered {
  static constexpr std::string_view kType = "crm.product.registered.v1";
  Id product_id;
  std::string sku;
  std::string name;
  Money list_price;
  std::optional<std::string> product_line;
  std::optional<std::string> description;
  bool operator==(const ProductRegistered&) const = default;
};
constexpr auto Fields(const ProductRegistered*) {
  using T = ProductRegistered;
  return std::tuple{F("product_id", &T::product_id),
                    F("sku", &T::sku).MaxLength(64),
                    F("name", &T::name).MaxLength(200),
                    F("list_price", &T::list_price),
                    F("product_line", &T::product_line).MaxLength(200),
                    F("description", &T::description).MaxLength(4000)};
}

// Only the fields that changed are present, each with its previous value.
struct ProductDetailsUpdated {
  static constexpr std::string_view kType = "crm.product.details_updated.v1";
  Id product_id;
  std::optional<TextChange> name;
  std::optional<TextChange> product_line;
  std::optional<TextChange> description;
  bool operator==(const ProductDetailsUpdated&) const = default;
};
constexpr auto Fields(const ProductDetailsUpdated*) {
  using T = ProductDetailsUpdated;
  return std::tuple{F("product_id", &T::product_id), F("name", &T::name),
                    F("product_line", &T::product_line), F("description", &T::description)};
}

struct ProductPriceChanged {
  static constexpr std::string_view kType = "crm.product.price_changed.v1";
  Id product_id;
  Money list_price;
  Money previous_list_price;
  std::optional<std::string> reason;
  bool operator==(const ProductPriceChanged&) const = default;
};
constexpr auto Fields(const ProductPriceChanged*) {
  using T = ProductPriceChanged;
  return std::tuple{F("product_id", &T::product_id), F("list_price", &T::list_price),
                    F("previous_list_price", &T::previous_list_price),
                    F("reason", &T::reason).MaxLength(4000)};
}

struct ProductDiscontinued {
  static constexpr std::string_view kType = "crm.product.discontinued.v1";
  Id product_id;
  std::optional<std::string> reason;
  bool operator==(const ProductDiscontinued&) const = default;
};
constexpr auto Fields(const ProductDiscontinued*) {
  using T = ProductDiscontinued;
  return std::tuple{F("product_id", &T::product_id), F("reason", &T::reason).MaxLength(4000)};
}

}  // namespace dealstream::domain
