// Validation shared by the configured pick lists (loss reasons, activity
// types, custom-field choices): a non-empty, bounded list of non-blank
// names that are unique regardless of letter case.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/domain_error.h"

namespace dealstream::domain {

// nullopt if `names` is a valid list; otherwise the first broken rule:
//   <item>s_required   the list is empty
//   too_many_<item>s   more than `max_items` entries
//   <item>_blank       an entry is blank             (field "<field>[i]")
//   <item>_duplicate   an entry repeats an earlier one, ignoring case
// where <item> is e.g. "loss_reason" and <field> e.g. "reasons".
std::optional<DomainError> CheckNameList(const std::vector<std::string>& names,
                                         std::string_view field, std::string_view item,
                                         size_t max_items);

// ASCII lower-case copy, for case-insensitive comparisons of names.
std::string LowerAscii(std::string_view text);

}  // namespace dealstream::domain
