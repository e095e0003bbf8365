#include "domain/config/name_list.h"

#include <set>

#include "domain/common/text_rules.h"

namespace dealstream::domain {

std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::optional<DomainError> CheckNameList(const std::vector<std::string>& names,
                                         std::string_view field, std::string_view item,
                                         size_t max_items) {
  const std::string f(field);
  const std::string i(item);
  if (names.empty()) return Invalid(i + "s_required", f, f + ": give at least one " + i);
  if (names.size() > max_items) {
    return Invalid("too_many_" + i + "s", f,
                   f + ": at most " + std::to_string(max_items) + " entries");
  }
  std::set<std::string> seen;
  for (size_t n = 0; n < names.size(); ++n) {
    std::string path = f + "[" + std::to_string(n) + "]";
    if (IsBlank(names[n])) return Invalid(i + "_blank", path, path + ": must not be blank");
    if (!seen.insert(LowerAscii(names[n])).second) {
      return Invalid(i + "_duplicate", path, path + ": \"" + names[n] + "\" is listed twice");
    }
  }
  return std::nullopt;
}

}  // namespace dealstream::domain
