// The text forms of the domain's value types in JSON, and their rules.
// Shared by the decoders, the encoder, the schema generator and the
// upcasters, so each rule is written once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/time.h"
#include "domain/common/values.h"

namespace dealstream::codec {

// A rule broken by a value, phrased to follow the field name:
// "must be a date YYYY-MM-DD".
using Rule = std::string;

// Id: 1-64 characters from [A-Za-z0-9_.-].
inline constexpr std::string_view kIdPattern = "^[A-Za-z0-9_.-]{1,64}$";
bool IsValidId(std::string_view text);

// ISO 4217 style code: three upper-case ASCII letters.
inline constexpr std::string_view kCurrencyPattern = "^[A-Z]{3}$";
bool IsCurrencyCode(std::string_view text);

// Decimal amount strings: digits, optionally '.' and at most three more
// digits (the largest currency exponent); the decoder then applies the
// currency's own exponent. Events may carry negative amounts (a reversal is
// a fact too); commands may not.
inline constexpr std::string_view kAmountPattern = "^[0-9]{1,19}(\\.[0-9]{1,3})?$";
inline constexpr std::string_view kSignedAmountPattern = "^-?[0-9]{1,19}(\\.[0-9]{1,3})?$";

// "125000.00" in `currency` -> 12500000 minor units. The number of decimals
// may not exceed CurrencyExponent(currency); values beyond int64 overflow.
Result<int64_t, Rule> ParseAmount(std::string_view text, std::string_view currency,
                                  bool allow_negative);
// 12500000 -> "125000.00" for a two-decimal currency: always exactly the
// currency's number of decimals.
std::string FormatAmount(int64_t minor, std::string_view currency);

// Calendar date, exactly "YYYY-MM-DD" (year 0001-9999).
inline constexpr std::string_view kDatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
Result<domain::Date, Rule> ParseDate(std::string_view text);
std::string FormatDate(domain::Date date);

// RFC 3339 date-time with a time zone ("2017-03-01T09:30:00Z"); a bare
// date is refused here (it is ambiguous for an instant). Every pattern here
// has bounded repetition: std::regex (used by valijson) recurses per
// character on unbounded ones, and inputs are untrusted.
inline constexpr std::string_view kDateTimePattern =
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})$";
Result<Timestamp, Rule> ParseDateTime(std::string_view text);

}  // namespace dealstream::codec
