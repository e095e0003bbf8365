#include "codec/value_rules.h"

#include "eventstore/stream_name.h"

namespace dealstream::codec {

bool IsValidId(std::string_view text) { return eventstore::StreamName::IsValidId(text); }

bool IsCurrencyCode(std::string_view text) {
  if (text.size() != 3) return false;
  for (char c : text) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

Result<int64_t, Rule> ParseAmount(std::string_view text, std::string_view currency,
                                  bool allow_negative) {
  const auto bad = [] {
    return Unexpected(Rule("must be a decimal string such as \"125000.00\" (digits, optionally "
                           "'.' and decimals; never a JSON number)"));
  };
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) {
    if (!allow_negative) return Unexpected(Rule("must not be negative"));
    text.remove_prefix(1);
  }
  const size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && fraction.empty())) return bad();
  const int exponent = domain::CurrencyExponent(currency);
  if (fraction.size() > static_cast<size_t>(exponent)) {
    return Unexpected(Rule("has " + std::to_string(fraction.size()) + " decimal places but " +
                           std::string(currency) + " allows " + std::to_string(exponent)));
  }
  // Accumulate as a negative number, which reaches INT64_MIN as well.
  int64_t minor = 0;
  const auto push_digit = [&](char c) {
    if (c < '0' || c > '9') return false;
    const int digit = c - '0';
    if (minor < (INT64_MIN + digit) / 10) return false;
    minor = minor * 10 - digit;
    return true;
  };
  const Rule too_large = "is too large (at most 19 digits of minor units)";
  for (char c : whole) {
    if (c < '0' || c > '9') return bad();
    if (!push_digit(c)) return Unexpected(too_large);
  }
  for (int i = 0; i < exponent; ++i) {
    const char c = static_cast<size_t>(i) < fraction.size() ? fraction[i] : '0';
    if (c < '0' || c > '9') return bad();
    if (!push_digit(c)) return Unexpected(too_large);
  }
  if (negative) return minor;
  if (minor == INT64_MIN) return Unexpected(too_large);
  return -minor;
}

std::string FormatAmount(int64_t minor, std::string_view currency) {
  const int exponent = domain::CurrencyExponent(currency);
  const bool negative = minor < 0;
  uint64_t magnitude = negative ? ~static_cast<uint64_t>(minor) + 1 : static_cast<uint64_t>(minor);
  std::string digits = std::to_string(magnitude);
  if (digits.size() <= static_cast<size_t>(exponent)) {
    digits.insert(0, static_cast<size_t>(exponent) + 1 - digits.size(), '0');
  }
  if (exponent > 0) digits.insert(digits.size() - static_cast<size_t>(exponent), 1, '.');
  return negative ? "-" + digits : digits;
}

Result<domain::Date, Rule> ParseDate(std::string_view text) {
  const bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-';
  if (!shape) return Unexpected(Rule("must be a date YYYY-MM-DD"));
  auto start = ParseDateStart(text);
  if (!start.ok()) return Unexpected(Rule("must be a valid calendar date YYYY-MM-DD"));
  return domain::Date::Of(*start);
}

std::string FormatDate(domain::Date date) { return dealstream::FormatDate(date.Start()); }

Result<Timestamp, Rule> ParseDateTime(std::string_view text) {
  // The longest RFC 3339 form the schema pattern admits is 35 characters.
  if (text.size() <= 10 || text.size() > 35) {
    return Unexpected(Rule("must be an RFC 3339 date-time such as \"2017-03-01T09:30:00Z\""));
  }
  auto t = ParseTimestamp(text);
  if (!t.ok()) {
    return Unexpected(Rule("must be an RFC 3339 date-time such as \"2017-03-01T09:30:00Z\""));
  }
  return *t;
}

}  // namespace dealstream::codec
