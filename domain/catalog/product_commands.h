// Commands of the product aggregate: what we sell (DESIGN §2.4).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

struct RegisterProduct {
  static constexpr std::string_view kType = "RegisterProduct";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  std::string sku;
  std::string name;
  Money list_price;
  std::optional<std::string> product_line;
  std::optional<std::string> description;
};
constexpr auto Fields(const RegisterProduct*) {
  using T = RegisterProduct;
  return std::tuple{F("id", &T::id).Doc("id of the new product; generated when absent"),
                    F("sku", &T::sku).MinLength(1).MaxLength(64).Doc("stock-keeping unit; unique"),
                    F("name", &T::name).MinLength(1).MaxLength(200),
                    F("list_price", &T::list_price).Doc("price before discounts; not negative"),
                    F("product_line", &T::product_line).MaxLength(200).Doc("e.g. \"GTX\""),
                    F("description", &T::description).MaxLength(4000)};
}

// Changes the given fields: absent fields stay, "" clears an optional one.
// The SKU never changes: quotes and imports refer to it.
struct UpdateProduct {
  static constexpr std::string_view kType = "UpdateProduct";
  static constexpr std::string_view kTargetField = "product_id";
  static constexpr bool kCreates = false;
  Id product_id;
  std::optional<std::string> name;
  std::optional<std::string> product_line;
  std::optional<std::string> description;
};
constexpr auto Fields(const UpdateProduct*) {
  using T = UpdateProduct;
  return std::tuple{F("product_id", &T::product_id), F("name", &T::name).MaxLength(200),
                    F("product_line", &T::product_line).MaxLength(200),
                    F("description", &T::description).MaxLength(4000)};
}

struct ChangeProductPrice {
  static constexpr std::string_view kType = "ChangeProductPrice";
  static constexpr std::string_view kTargetField = "product_id";
  static constexpr bool kCreates = false;
  Id product_id;
  Money list_price;
  std::optional<std::string> reason;
};
constexpr auto Fields(const ChangeProductPrice*) {
  using T = ChangeProductPrice;
  return std::tuple{F("product_id", &T::product_id),
                    F("list_price", &T::list_price).Doc("the new list price"),
                    F("reason", &T::reason).MaxLength(4000)};
}

// Takes the product off sale; it stays in the history of deals and quotes.
struct DiscontinueProduct {
  static constexpr std::string_view kType = "DiscontinueProduct";
  static constexpr std::string_view kTargetField = "product_id";
  static constexpr bool kCreates = false;
  Id product_id;
  std::optional<std::string> reason;
};
constexpr auto Fields(const DiscontinueProduct*) {
  using T = DiscontinueProduct;
  return std::tuple{F("product_id", &T::product_id), F("reason", &T::reason).MaxLength(4000)};
}

}  // namespace dealstream::domain
