#include "domain/config/custom_fields.h"

#include "base/time.h"
#include "domain/common/text_rules.h"
#include "domain/config/name_list.h"

namespace dealstream::domain {
namespace {

using Event = CustomFieldsAggregate::Event;
using Outcome = Decision<Event>;

Outcome Refuse(DomainError error) { return Unexpected(std::move(error)); }

bool IsValidKey(std::string_view key) {
  if (key.empty() || key.size() > 64 || key[0] < 'a' || key[0] > 'z') return false;
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

const CustomFieldDefinition* FindDefinition(const CustomFieldsState& state, CustomEntityType entity,
                                            const std::string& key) {
  auto type_it = state.fields.find(std::string(NameOf(entity)));
  if (type_it == state.fields.end()) return nullptr;
  auto it = type_it->second.find(key);
  return it == type_it->second.end() ? nullptr : &it->second;
}

std::string Describe(CustomEntityType entity, const std::string& key) {
  return std::string(NameOf(entity)) + " field \"" + key + "\"";
}

Outcome DecideOne(const CustomFieldsState& state, const DefineCustomField& c,
                  const DecideContext&) {
  if (!IsValidKey(c.key)) {
    return Refuse(
        Invalid("custom_field_key_invalid", "key",
                "key: \"" + c.key + "\" must start with a-z and use only a-z, 0-9 and _"));
  }
  if (IsBlank(c.label)) return Refuse(Invalid("label_blank", "label", "label: must not be blank"));
  std::vector<std::string> choices = c.choices.value_or(std::vector<std::string>{});
  if (c.type == CustomFieldType::kChoice) {
    if (auto e = CheckNameList(choices, "choices", "choice", kMaxChoices)) return Refuse(*e);
  } else if (!choices.empty()) {
    return Refuse(Invalid("choices_not_allowed", "choices",
                          "choices: only a field of type \"choice\" has choices"));
  }
  const CustomFieldDefinition* existing = FindDefinition(state, c.entity_type, c.key);
  if (existing == nullptr) {
    auto type_it = state.fields.find(std::string(NameOf(c.entity_type)));
    if (type_it != state.fields.end() && type_it->second.size() >= kMaxCustomFields) {
      return Refuse(RuleViolated("too_many_custom_fields", "key",
                                 "key: " + std::string(NameOf(c.entity_type)) + " already has " +
                                     std::to_string(kMaxCustomFields) + " custom fields"));
    }
    return Emit<Event>(
        CustomFieldDefined{c.entity_type, c.key, c.label, c.type, std::move(choices)});
  }
  if (existing->retired) {
    return Refuse(RuleViolated(
        "custom_field_retired", "key",
        "key: " + Describe(c.entity_type, c.key) + " was retired and cannot be reused"));
  }
  if (existing->type != c.type) {
    return Refuse(RuleViolated("custom_field_type_fixed", "type",
                               "type: " + Describe(c.entity_type, c.key) + " is of type \"" +
                                   std::string(NameOf(existing->type)) + "\" and keeps it"));
  }
  if (existing->label == c.label && existing->choices == choices) {
    return Refuse(
        RuleViolated("custom_field_unchanged", "key",
                     "key: " + Describe(c.entity_type, c.key) + " is defined like this already"));
  }
  return Emit<Event>(CustomFieldRedefined{c.entity_type, c.key, c.label, existing->label,
                                          std::move(choices), existing->choices});
}

Outcome DecideOne(const CustomFieldsState& state, const RetireCustomField& c,
                  const DecideContext&) {
  const CustomFieldDefinition* existing = FindDefinition(state, c.entity_type, c.key);
  if (existing == nullptr) {
    return Refuse(
        NotFound("custom_field_not_found", "key", "key: no " + Describe(c.entity_type, c.key)));
  }
  if (existing->retired) {
    return Refuse(RuleViolated("custom_field_retired", "key",
                               "key: " + Describe(c.entity_type, c.key) + " is retired already"));
  }
  return Emit<Event>(CustomFieldRetired{c.entity_type, c.key});
}

void EvolveOne(CustomFieldsState& s, const CustomFieldDefined& e) {
  s.fields[std::string(NameOf(e.entity_type))][e.key] =
      CustomFieldDefinition{e.label, e.type, e.choices, false};
}
void EvolveOne(CustomFieldsState& s, const CustomFieldRedefined& e) {
  CustomFieldDefinition& d = s.fields[std::string(NameOf(e.entity_type))][e.key];
  d.label = e.label;
  d.choices = e.choices;
}
void EvolveOne(CustomFieldsState& s, const CustomFieldRetired& e) {
  s.fields[std::string(NameOf(e.entity_type))][e.key].retired = true;
}

bool IsNumber(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  size_t digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++digits;
  if (digits == 0) return false;
  if (i == text.size()) return true;
  if (text[i] != '.') return false;
  ++i;
  size_t fraction = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++fraction;
  return fraction > 0 && i == text.size();
}

bool IsDate(std::string_view text) {
  if (text.size() != 10) return false;
  Result<Timestamp> parsed = ParseDateStart(text);
  // Round-tripping rejects days that do not exist, such as 2017-02-30.
  return parsed.ok() && FormatDate(*parsed) == text;
}

}  // namespace

Decision<Event> CustomFieldsAggregate::Decide(const State& state, const Command& command,
                                              const DecideContext& ctx) {
  return std::visit([&](const auto& c) { return DecideOne(state, c, ctx); }, command);
}

void CustomFieldsAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { EvolveOne(state, e); }, event);
}

std::vector<CustomFieldFacts> FactsOf(const CustomFieldsState& state) {
  std::vector<CustomFieldFacts> facts;
  for (const auto& [entity_type, fields] : state.fields) {
    for (const auto& [key, definition] : fields) {
      if (definition.retired) continue;
      facts.push_back(CustomFieldFacts{entity_type, key, std::string(NameOf(definition.type)),
                                       definition.choices});
    }
  }
  return facts;
}

bool IsValidCustomFieldValue(const CustomFieldFacts& field, std::string_view value) {
  if (field.type == "number") return IsNumber(value);
  if (field.type == "date") return IsDate(value);
  if (field.type == "boolean") return value == "true" || value == "false";
  if (field.type == "choice") {
    for (const std::string& choice : field.choices) {
      if (choice == value) return true;
    }
    return false;
  }
  return true;
}

}  // namespace dealstream::domain
