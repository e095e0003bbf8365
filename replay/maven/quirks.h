// The data-quality quirks of the Maven dataset (its README lists them):
// the corrections the import applies to values, and the report of every
// quirk with how it was handled and how many rows it touched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "replay/maven/dataset.h"
#include "replay/maven/plan.h"

namespace dealstream::replay::maven {

// Corrected values: misspelled sectors and countries, account names
// starting with a lower-case letter.
class Cleaned {
 public:
  explicit Cleaned(const Dataset& data) : data_(data) {}
  std::string SectorOf(std::string_view sector) const;
  std::string CountryOf(std::string_view country) const;
  std::string AccountName(std::string_view name) const;

 private:
  const Dataset& data_;
};

// "1,234,567", for reports.
std::string Thousands(int64_t n);

// Every quirk checked, in a fixed order, count 0 when the data has none.
std::vector<Quirk> FindQuirks(const Dataset& data, const Cleaned& cleaned,
                              const PlanSettings& settings, const std::string& last_day);

}  // namespace dealstream::replay::maven
