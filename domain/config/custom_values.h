// Custom-field VALUES on a record (customer, contact, opportunity, contract).
// The definitions live in the custom-fields configuration record
// (custom_fields.h); every entity type that has custom fields sets its
// values with one command `Set<Entity>CustomFields {<entity>_id, values}`
// and records one event `…custom_fields_set` carrying the changes below.
//
// Rules of DiffCustomFieldValues (each a DomainError code):
//   custom_fields_required / too_many_custom_fields     values
//   custom_field_not_found / custom_field_value_invalid  values.<key>
//   nothing_to_update                                   values
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "base/result.h"
#include "domain/common/directory.h"
#include "domain/common/domain_error.h"
#include "domain/common/reflect.h"

namespace dealstream::domain {

inline constexpr size_t kMaxCustomFieldsPerCommand = 50;

struct CustomFieldValueChange {
  std::string key;
  std::optional<std::string> value;     // absent = cleared
  std::optional<std::string> previous;  // absent = had none
  bool operator==(const CustomFieldValueChange&) const = default;
};
constexpr auto Fields(const CustomFieldValueChange*) {
  using T = CustomFieldValueChange;
  return std::tuple{F("key", &T::key).MaxLength(64), F("value", &T::value).MaxLength(4000),
                    F("previous", &T::previous).MaxLength(4000)};
}

using CustomFieldValues = std::map<std::string, std::string>;

// The changes, in key order, that setting `values` ("" clears a value)
// makes to `current`, each checked against the field defined for
// `entity_type` ("customer", "contact", "opportunity", "contract").
Result<std::vector<CustomFieldValueChange>, DomainError> DiffCustomFieldValues(
    std::string_view entity_type, const CustomFieldValues& current,
    const CustomFieldValues& values, const Directory& directory);

// Applies changes made by DiffCustomFieldValues.
void ApplyCustomFieldChanges(CustomFieldValues& fields,
                             const std::vector<CustomFieldValueChange>& changes);

}  // namespace dealstream::domain
