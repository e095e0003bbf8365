#include "domain/config/custom_values.h"

#include "domain/common/change.h"
#include "domain/config/custom_fields.h"

namespace dealstream::domain {

Result<std::vector<CustomFieldValueChange>, DomainError> DiffCustomFieldValues(
    std::string_view entity_type, const CustomFieldValues& current,
    const CustomFieldValues& values, const Directory& directory) {
  if (values.empty()) {
    return Unexpected(Invalid("custom_fields_required", "values", "values: give at least one field"));
  }
  if (values.size() > kMaxCustomFieldsPerCommand) {
    return Unexpected(Invalid(
        "too_many_custom_fields", "values",
        "values: at most " + std::to_string(kMaxCustomFieldsPerCommand) + " fields per command"));
  }
  const std::string entity(entity_type);
  std::vector<CustomFieldValueChange> changes;
  for (const auto& [key, value] : values) {
    const std::string path = "values." + key;
    std::optional<CustomFieldFacts> field = directory.FindCustomField(entity, key);
    if (!field) {
      return Unexpected(NotFound(
          "custom_field_not_found", path,
          path + ": no custom field \"" + key + "\" is defined for entity type " + entity));
    }
    if (!value.empty() && !IsValidCustomFieldValue(*field, value)) {
      return Unexpected(Invalid("custom_field_value_invalid", path,
                                path + ": \"" + value + "\" is not a valid " + field->type +
                                    " value"));
    }
    std::optional<std::string> previous;
    if (auto it = current.find(key); it != current.end()) previous = it->second;
    std::optional<std::string> next = NonEmpty(value);
    if (next != previous) changes.push_back(CustomFieldValueChange{key, next, previous});
  }
  if (changes.empty()) {
    return Unexpected(
        RuleViolated("nothing_to_update", "values", "values: every field has this value already"));
  }
  return changes;
}

void ApplyCustomFieldChanges(CustomFieldValues& fields,
                             const std::vector<CustomFieldValueChange>& changes) {
  for (const CustomFieldValueChange& change : changes) {
    if (change.value) {
      fields[change.key] = *change.value;
    } else {
      fields.erase(change.key);
    }
  }
}

}  // namespace dealstream::domain
