// Events of the competitor aggregate.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/change.h"
#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

struct CompetitorRegistered {
  static constexpr std::string_view kType = "crm.competitor.registered.v1";
  Id competitor_id;
  std::string name;
  std::optional<std::string> strengths;
  std::optional<std::string> weaknesses;
  std::optional<std::string> market_segment;
  std::optional<std::string> website;
  bool operator==(const CompetitorRegistered&) const = default;
};
constexpr auto Fields(const CompetitorRegistered*) {
  using T = CompetitorRegistered;
  return std::tuple{F("competitor_id", &T::competitor_id),
                    F("name", &T::name).MaxLength(200),
                    F("strengths", &T::strengths).MaxLength(4000),
                    F("weaknesses", &T::weaknesses).MaxLength(4000),
                    F("market_segment", &T::market_segment).MaxLength(200),
                    F("website", &T::website).MaxLength(200)};
}

// Only the fields that changed are present, each with its previous value.
struct CompetitorProfileUpdated {
  static constexpr std::string_view kType = "crm.competitor.profile_updated.v1";
  Id competitor_id;
  std::optional<TextChange> name;
  std::optional<TextChange> strengths;
  std::optional<TextChange> weaknesses;
  std::optional<TextChange> market_segment;
  std::optional<TextChange> website;
  bool operator==(const CompetitorProfileUpdated&) const = default;
};
constexpr auto Fields(const CompetitorProfileUpdated*) {
  using T = CompetitorProfileUpdated;
  return std::tuple{F("competitor_id", &T::competitor_id),   F("name", &T::name),
                    F("strengths", &T::strengths),           F("weaknesses", &T::weaknesses),
                    F("market_segment", &T::market_segment), F("website", &T::website)};
}

}  // namespace dealstream::domain
