// Value types of the domain: identifiers, money and calendar dates.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/time.h"

namespace dealstream::domain {

using dealstream::Timestamp;

// The id of a record: 1–64 characters from [A-Za-z0-9_.-] (clients may choose
// it; otherwise the server generates a UUID). The codec enforces the pattern,
// so an Id inside the domain is always valid.
struct Id {
  std::string value;
  bool empty() const { return value.empty(); }
  auto operator<=>(const Id&) const = default;
};

// An amount of money: integer minor units of an ISO 4217 currency. Never a
// floating-point number. JSON form: {"amount": "125000.00", "currency": "USD"}.
struct Money {
  int64_t minor = 0;      // cents for USD, yen for JPY
  std::string currency;   // three upper-case letters
  auto operator<=>(const Money&) const = default;
  bool is_negative() const { return minor < 0; }
};

// Number of decimal places of a currency's minor unit (2 for most; 0 for
// JPY, KRW…; 3 for BHD, KWD…).
int CurrencyExponent(std::string_view currency);

// A calendar date without a time of day, e.g. an expected close date.
// JSON form: "2017-03-01".
struct Date {
  int64_t epoch_day = 0;  // days since 1970-01-01
  auto operator<=>(const Date&) const = default;
  static Date Of(Timestamp t) { return Date{t.EpochDay()}; }
  // Start of the day, UTC.
  Timestamp Start() const { return Timestamp::FromMicros(epoch_day * 86400LL * 1000000LL); }
};

}  // namespace dealstream::domain
