// Commands of the custom-field definitions (DESIGN §2.2: custom fields are
// defined per entity type, typed and queryable). One configuration record
// at a fixed id holds the definitions of every entity type (see
// sales_process_commands.h for the fixed-id convention).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "domain/common/reflect.h"

namespace dealstream::domain {

enum class CustomEntityType { kCustomer, kContact, kOpportunity, kContract };
constexpr auto EnumNames(CustomEntityType) {
  return std::array{std::pair{CustomEntityType::kCustomer, std::string_view("customer")},
                    std::pair{CustomEntityType::kContact, std::string_view("contact")},
                    std::pair{CustomEntityType::kOpportunity, std::string_view("opportunity")},
                    std::pair{CustomEntityType::kContract, std::string_view("contract")}};
}

// How a value is written (values travel as text; see IsValidCustomFieldValue):
// text (any), number ("-12.5"), date ("2017-03-01"), boolean ("true" /
// "false"), choice (one of the field's choices).
enum class CustomFieldType { kText, kNumber, kDate, kBoolean, kChoice };
constexpr auto EnumNames(CustomFieldType) {
  return std::array{std::pair{CustomFieldType::kText, std::string_view("text")},
                    std::pair{CustomFieldType::kNumber, std::string_view("number")},
                    std::pair{CustomFieldType::kDate, std::string_view("date")},
                    std::pair{CustomFieldType::kBoolean, std::string_view("boolean")},
                    std::pair{CustomFieldType::kChoice, std::string_view("choice")}};
}

// Defines a new field, or redefines the label and choices of an existing
// one. Its type is fixed once defined, so stored values never change
// meaning.
struct DefineCustomField {
  static constexpr std::string_view kType = "DefineCustomField";
  static constexpr std::string_view kTargetField = "";
  static constexpr std::string_view kFixedId = "custom_fields";
  static constexpr bool kCreates = false;
  CustomEntityType entity_type = CustomEntityType::kCustomer;
  std::string key;
  std::string label;
  CustomFieldType type = CustomFieldType::kText;
  std::optional<std::vector<std::string>> choices;
};
constexpr auto Fields(const DefineCustomField*) {
  using T = DefineCustomField;
  return std::tuple{
      F("entity_type", &T::entity_type),
      F("key", &T::key).MinLength(1).MaxLength(64).Doc("[a-z][a-z0-9_]*, e.g. \"erp_account_no\""),
      F("label", &T::label).MinLength(1).MaxLength(200).Doc("shown to people"), F("type", &T::type),
      F("choices", &T::choices).MaxLength(200).Doc("the allowed values; only for type \"choice\"")};
}

// Retires a field: no new values; stored values stay in history. A
// retired key is never reused.
struct RetireCustomField {
  static constexpr std::string_view kType = "RetireCustomField";
  static constexpr std::string_view kTargetField = "";
  static constexpr std::string_view kFixedId = "custom_fields";
  static constexpr bool kCreates = false;
  CustomEntityType entity_type = CustomEntityType::kCustomer;
  std::string key;
};
constexpr auto Fields(const RetireCustomField*) {
  using T = RetireCustomField;
  return std::tuple{F("entity_type", &T::entity_type),
                    F("key", &T::key).MinLength(1).MaxLength(64)};
}

}  // namespace dealstream::domain
