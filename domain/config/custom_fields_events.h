// Events of the custom-field definitions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/common/reflect.h"
#include "domain/config/custom_fields_commands.h"

namespace dealstream::domain {

struct CustomFieldDefined {
  static constexpr std::string_view kType = "crm.config.custom_field_defined.v1";
  CustomEntityType entity_type = CustomEntityType::kCustomer;
  std::string key;
  std::string label;
  CustomFieldType type = CustomFieldType::kText;
  std::vector<std::string> choices;  // empty unless type is choice
  bool operator==(const CustomFieldDefined&) const = default;
};
constexpr auto Fields(const CustomFieldDefined*) {
  using T = CustomFieldDefined;
  return std::tuple{F("entity_type", &T::entity_type), F("key", &T::key).MaxLength(64),
                    F("label", &T::label).MaxLength(200), F("type", &T::type),
                    F("choices", &T::choices).MaxLength(200)};
}

// A new label and/or choice list for an existing field, with the previous
// ones. Values stored under a dropped choice stay as they were.
struct CustomFieldRedefined {
  static constexpr std::string_view kType = "crm.config.custom_field_redefined.v1";
  CustomEntityType entity_type = CustomEntityType::kCustomer;
  std::string key;
  std::string label;
  std::string previous_label;
  std::vector<std::string> choices;
  std::vector<std::string> previous_choices;
  bool operator==(const CustomFieldRedefined&) const = default;
};
constexpr auto Fields(const CustomFieldRedefined*) {
  using T = CustomFieldRedefined;
  return std::tuple{F("entity_type", &T::entity_type),
                    F("key", &T::key).MaxLength(64),
                    F("label", &T::label).MaxLength(200),
                    F("previous_label", &T::previous_label).MaxLength(200),
                    F("choices", &T::choices).MaxLength(200),
                    F("previous_choices", &T::previous_choices).MaxLength(200)};
}

struct CustomFieldRetired {
  static constexpr std::string_view kType = "crm.config.custom_field_retired.v1";
  CustomEntityType entity_type = CustomEntityType::kCustomer;
  std::string key;
  bool operator==(const CustomFieldRetired&) const = default;
};
constexpr auto Fields(const CustomFieldRetired*) {
  using T = CustomFieldRetired;
  return std::tuple{F("entity_type", &T::entity_type), F("key", &T::key).MaxLength(64)};
}

}  // namespace dealstream::domain
