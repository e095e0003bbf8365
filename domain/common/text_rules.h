// Checks on free text shared by the aggregates' rules. The codec already
// bounds lengths (from Fields()); these are the rules a schema cannot say.
#pragma once

#include <string_view>

namespace dealstream::domain {

// True if `text` has no character other than ASCII white space.
constexpr bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

// A deliberately loose e-mail check ("local@domain.tld", no spaces): it
// catches typing slips such as a phone number in the e-mail field without
// rejecting valid unusual addresses.
constexpr bool LooksLikeEmail(std::string_view text) {
  size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view domain = text.substr(at + 1);
  size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size()) return false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return false;
  }
  return true;
}

}  // namespace dealstream::domain
