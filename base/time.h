// Timestamp: an instant in UTC with microsecond resolution.
//
// Every time the engine stores or prints is UTC in one fixed format,
// "YYYY-MM-DDTHH:MM:SS.ffffffZ" (RFC 3339), so that stored bytes and output
// never depend on the machine's time zone.
#pragma once

#include <cstdint>
#include <compare>
#include <string>
#include <string_view>

#include "base/result.h"

namespace dealstream {

class Timestamp {
 public:
  constexpr Timestamp() = default;  // the Unix epoch
  static constexpr Timestamp FromMicros(int64_t micros) { return Timestamp(micros); }
  // Year 0001 to 9999 are the formattable range.
  static constexpr Timestamp Min() { return Timestamp(-62135596800LL * 1000000); }
  static constexpr Timestamp Max() { return Timestamp(253402300799999999LL); }

  constexpr int64_t micros() const { return micros_; }
  constexpr auto operator<=>(const Timestamp&) const = default;

  // Days since the epoch of this instant's UTC calendar date.
  int64_t EpochDay() const;

 private:
  constexpr explicit Timestamp(int64_t micros) : micros_(micros) {}
  int64_t micros_ = 0;
};

// The current wall-clock time. Only edges (the API, the CLI, the log writer)
// read the clock; domain code receives `now` as an argument.
Timestamp Now();

// "2017-03-01T09:30:00.000000Z".
std::string FormatTimestamp(Timestamp t);
// "2017-03-01".
std::string FormatDate(Timestamp t);

// Parses RFC 3339 ("2017-03-01T09:30:00Z", "…T09:30:00.25+02:00").
// A plain date ("2017-03-01") means the END of that day UTC
// (2017-03-01T23:59:59.999999Z), so that "as of 2017-03-01" includes all of
// that day. Errors name the rule that was broken.
Result<Timestamp> ParseTimestamp(std::string_view text);
// Like ParseTimestamp, but a plain date means the START of that day UTC.
// Used for calendar fields such as an expected close date.
Result<Timestamp> ParseDateStart(std::string_view text);

// Days since 1970-01-01 for a proleptic Gregorian date (no validation).
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);

}  // namespace dealstream
