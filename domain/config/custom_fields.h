// The custom-field definitions (category "config", id "custom_fields").
//
// Rules (each a DomainError code):
//   custom_field_key_invalid   key not [a-z][a-z0-9_]*
//   label_blank
//   choices_required / too_many_choices / choice_blank / choice_duplicate
//                              a choice field needs a valid, non-empty list
//   choices_not_allowed        choices given for a type other than choice
//   custom_field_type_fixed    redefining a field with another type
//   custom_field_unchanged     redefining with the same label and choices
//   custom_field_retired       redefining or retiring a retired field
//   custom_field_not_found     retiring an undefined field
//   too_many_custom_fields     more than kMaxCustomFields per entity type
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/common/aggregate.h"
#include "domain/config/custom_fields_commands.h"
#include "domain/config/custom_fields_events.h"

namespace dealstream::domain {

inline constexpr size_t kMaxCustomFields = 100;  // per entity type
inline constexpr size_t kMaxChoices = 200;

struct CustomFieldDefinition {
  std::string label;
  CustomFieldType type = CustomFieldType::kText;
  std::vector<std::string> choices;
  bool retired = false;
};

struct CustomFieldsState {
  // Keyed by entity type name ("customer") and field key.
  std::map<std::string, std::map<std::string, CustomFieldDefinition>> fields;
};

struct CustomFieldsAggregate {
  static constexpr std::string_view kCategory = "config";
  static constexpr std::string_view kFixedId = "custom_fields";
  using State = CustomFieldsState;
  using Command = std::variant<DefineCustomField, RetireCustomField>;
  using Event = std::variant<CustomFieldDefined, CustomFieldRedefined, CustomFieldRetired>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The facts of every field in use (retired ones left out), for the
// Directory's FindCustomField.
std::vector<CustomFieldFacts> FactsOf(const CustomFieldsState& state);

// True if `value` is a valid value of `field`: text (anything), number
// (optional '-', digits, optional '.' and digits), date (an existing
// YYYY-MM-DD day), boolean ("true" or "false"), choice (one of the choices,
// exactly).
bool IsValidCustomFieldValue(const CustomFieldFacts& field, std::string_view value);

}  // namespace dealstream::domain
