// Calendar arithmetic for read models: every date and time is UTC, and
// periods are counted in months since year 0 ("month index" = year × 12 +
// month − 1), so that a month, a quarter and a year are all month ranges.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "base/time.h"

namespace dealstream::projections {

constexpr int64_t kMicrosPerDay = 86400LL * 1000000LL;

// UTC calendar day (days since 1970-01-01) of an instant.
constexpr int32_t DayOf(int64_t micros) {
  const int64_t q = micros / kMicrosPerDay;
  return static_cast<int32_t>(q - ((micros % kMicrosPerDay != 0) && (micros < 0)));
}

// Month index (year × 12 + month − 1) of a UTC calendar day.
int32_t MonthOfDay(int32_t epoch_day);
inline int32_t MonthOfTime(int64_t micros) { return MonthOfDay(DayOf(micros)); }

// "2017-03" / "2017-Q1" / "2017" of the month, quarter or year holding
// `month_index`.
std::string MonthName(int32_t month_index);
std::string QuarterName(int32_t month_index);
std::string YearName(int32_t month_index);

// A range of months, both ends included.
struct MonthRange {
  int32_t first = std::numeric_limits<int32_t>::min();
  int32_t last = std::numeric_limits<int32_t>::max();
  bool Contains(int32_t month) const { return first <= month && month <= last; }
  bool all() const { return first == std::numeric_limits<int32_t>::min(); }
};

// The months of a period in DESIGN §10 form ("2017", "2017-Q1",
// "2017-03"); nullopt when the text is none of these.
std::optional<MonthRange> ParsePeriod(std::string_view text);

// How a time series is bucketed.
enum class Granularity { kMonth, kQuarter, kYear };
std::optional<Granularity> ParseGranularity(std::string_view text);  // month|quarter|year
// First month of the bucket holding `month_index`.
int32_t BucketStart(int32_t month_index, Granularity g);
std::string BucketName(int32_t month_index, Granularity g);

}  // namespace dealstream::projections
