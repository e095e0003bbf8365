#include "domain/common/period.h"

#include <cstdio>

#include "base/time.h"

namespace dealstream::domain {
namespace {

// Parses exactly `text.size()` ASCII digits; nullopt on anything else.
std::optional<int32_t> Digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// First month (1–12) of the period, and how many months it spans.
int32_t FirstMonth(const Period& p) {
  switch (p.kind) {
    case Period::Kind::kMonth:
      return p.index;
    case Period::Kind::kQuarter:
      return (p.index - 1) * 3 + 1;
    case Period::Kind::kYear:
      return 1;
  }
  return 1;
}

int32_t MonthSpan(Period::Kind kind) {
  switch (kind) {
    case Period::Kind::kMonth:
      return 1;
    case Period::Kind::kQuarter:
      return 3;
    case Period::Kind::kYear:
      return 12;
  }
  return 12;
}

}  // namespace

std::optional<Period> Period::Parse(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  std::optional<int32_t> year = Digits(text.substr(0, 4));
  if (!year || *year < 1) return std::nullopt;
  if (text.size() == 4) return Period{Kind::kYear, *year, 0};
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  if (text[5] == 'Q') {
    std::optional<int32_t> quarter = Digits(text.substr(6, 1));
    if (!quarter || *quarter < 1 || *quarter > 4) return std::nullopt;
    return Period{Kind::kQuarter, *year, *quarter};
  }
  std::optional<int32_t> month = Digits(text.substr(5, 2));
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  return Period{Kind::kMonth, *year, *month};
}

std::string Period::ToString() const {
  char buffer[16];
  switch (kind) {
    case Kind::kMonth:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, index);
      break;
    case Kind::kQuarter:
      std::snprintf(buffer, sizeof buffer, "%04d-Q%d", year, index);
      break;
    case Kind::kYear:
      std::snprintf(buffer, sizeof buffer, "%04d", year);
      break;
  }
  return buffer;
}

Date Period::First() const {
  return Date{DaysFromCivil(year, static_cast<unsigned>(FirstMonth(*this)), 1)};
}

Date Period::Last() const {
  // The day before the first day of the next period.
  int32_t next_month = FirstMonth(*this) + MonthSpan(kind);
  int64_t next_year = year + (next_month > 12 ? 1 : 0);
  if (next_month > 12) next_month -= 12;
  return Date{DaysFromCivil(next_year, static_cast<unsigned>(next_month), 1) - 1};
}

}  // namespace dealstream::domain
