#include "projections/calendar.h"

#include <cstdio>

#include "domain/common/period.h"

namespace dealstream::projections {

int32_t MonthOfDay(int32_t epoch_day) {
  // Howard Hinnant's civil_from_days, reduced to year and month.
  int64_t z = static_cast<int64_t>(epoch_day) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  return static_cast<int32_t>(y * 12 + (m - 1));
}

namespace {
int32_t YearOf(int32_t month_index) {
  return month_index >= 0 ? month_index / 12 : (month_index - 11) / 12;
}
int32_t MonthOf(int32_t month_index) { return month_index - YearOf(month_index) * 12 + 1; }
}  // namespace

std::string MonthName(int32_t month_index) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", YearOf(month_index), MonthOf(month_index));
  return buffer;
}

std::string QuarterName(int32_t month_index) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%04d-Q%d", YearOf(month_index),
                (MonthOf(month_index) - 1) / 3 + 1);
  return buffer;
}

std::string YearName(int32_t month_index) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d", YearOf(month_index));
  return buffer;
}

std::optional<MonthRange> ParsePeriod(std::string_view text) {
  const std::optional<domain::Period> p = domain::Period::Parse(text);
  if (!p) return std::nullopt;
  const int32_t base = p->year * 12;
  switch (p->kind) {
    case domain::Period::Kind::kMonth: return MonthRange{base + p->index - 1, base + p->index - 1};
    case domain::Period::Kind::kQuarter:
      return MonthRange{base + (p->index - 1) * 3, base + (p->index - 1) * 3 + 2};
    case domain::Period::Kind::kYear: return MonthRange{base, base + 11};
  }
  return std::nullopt;
}

std::optional<Granularity> ParseGranularity(std::string_view text) {
  if (text == "month") return Granularity::kMonth;
  if (text == "quarter") return Granularity::kQuarter;
  if (text == "year") return Granularity::kYear;
  return std::nullopt;
}

int32_t BucketStart(int32_t month_index, Granularity g) {
  const int32_t year_start = YearOf(month_index) * 12;
  switch (g) {
    case Granularity::kMonth: return month_index;
    case Granularity::kQuarter: return year_start + (MonthOf(month_index) - 1) / 3 * 3;
    case Granularity::kYear: return year_start;
  }
  return month_index;
}

std::string BucketName(int32_t month_index, Granularity g) {
  switch (g) {
    case Granularity::kMonth: return MonthName(month_index);
    case Granularity::kQuarter: return QuarterName(month_index);
    case Granularity::kYear: return YearName(month_index);
  }
  return MonthName(month_index);
}

}  // namespace dealstream::projections
