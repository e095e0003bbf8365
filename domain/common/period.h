// Period: a calendar month, quarter or year, the unit of sales targets,
// budgets and projection filters. Text form (DESIGN §10): "2017-03" (month),
// "2017-Q1" (quarter), "2017" (year).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/common/values.h"

namespace dealstream::domain {

struct Period {
  enum class Kind { kMonth, kQuarter, kYear };

  Kind kind = Kind::kYear;
  int32_t year = 1970;  // 1..9999
  int32_t index = 0;    // month 1–12 or quarter 1–4; 0 for a year

  // nullopt unless `text` is exactly one of the three forms with a valid
  // month (01–12) or quarter (Q1–Q4) and a four-digit year.
  static std::optional<Period> Parse(std::string_view text);

  // The text form; Parse(p.ToString()) == p.
  std::string ToString() const;
  // First and last calendar day of the period (both included).
  Date First() const;
  Date Last() const;
  bool Contains(Date day) const { return First() <= day && day <= Last(); }

  bool operator==(const Period&) const = default;
};

}  // namespace dealstream::domain
