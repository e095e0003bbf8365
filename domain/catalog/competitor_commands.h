// Commands of the competitor aggregate (DESIGN §2.4).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

struct RegisterCompetitor {
  static constexpr std::string_view kType = "RegisterCompetitor";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  std::string name;
  std::optional<std::string> strengths;
  std::optional<std::string> weaknesses;
  std::optional<std::string> market_segment;
  std::optional<std::string> website;
};
constexpr auto Fields(const RegisterCompetitor*) {
  using T = RegisterCompetitor;
  return std::tuple{
      F("id", &T::id).Doc("id of the new competitor; generated when absent"),
      F("name", &T::name).MinLength(1).MaxLength(200),
      F("strengths", &T::strengths).MaxLength(4000),
      F("weaknesses", &T::weaknesses).MaxLength(4000),
      F("market_segment", &T::market_segment).MaxLength(200).Doc("e.g. \"mid-market ERP\""),
      F("website", &T::website).MaxLength(200)};
}

// Changes the given fields: absent fields stay, "" clears an optional one.
struct UpdateCompetitor {
  static constexpr std::string_view kType = "UpdateCompetitor";
  static constexpr std::string_view kTargetField = "competitor_id";
  static constexpr bool kCreates = false;
  Id competitor_id;
  std::optional<std::string> name;
  std::optional<std::string> strengths;
  std::optional<std::string> weaknesses;
  std::optional<std::string> market_segment;
  std::optional<std::string> website;
};
constexpr auto Fields(const UpdateCompetitor*) {
  using T = UpdateCompetitor;
  return std::tuple{F("competitor_id", &T::competitor_id),
                    F("name", &T::name).MaxLength(200),
                    F("strengths", &T::strengths).MaxLength(4000),
                    F("weaknesses", &T::weaknesses).MaxLength(4000),
                    F("market_segment", &T::market_segment).MaxLength(200),
                    F("website", &T::website).MaxLength(200)};
}

}  // namespace dealstream::domain
