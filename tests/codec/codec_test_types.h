// Reflected structs that use every field type the codec supports, for the
// codec's tests.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::codec::testing {

using domain::F;

enum class Stance { kChampion, kNeutral, kOpponent };
constexpr auto EnumNames(Stance) {
  return std::array{std::pair{Stance::kChampion, std::string_view("champion")},
                    std::pair{Stance::kNeutral, std::string_view("neutral")},
                    std::pair{Stance::kOpponent, std::string_view("opponent")}};
}

struct Line {
  domain::Id product_id;
  int32_t quantity = 0;
  domain::Money unit_price;
  std::optional<int32_t> discount_percent;
  bool operator==(const Line&) const = default;
};
constexpr auto Fields(const Line*) {
  using T = Line;
  return std::tuple{F("product_id", &T::product_id),
                    F("quantity", &T::quantity).Range(1, 1000000).Doc("units"),
                    F("unit_price", &T::unit_price),
                    F("discount_percent", &T::discount_percent).Range(0, 100)};
}

struct IssueQuote {
  static constexpr std::string_view kType = "IssueQuote";
  domain::Id opportunity_id;
  std::string title;
  std::vector<Line> lines;
  std::optional<domain::Date> valid_until;
  std::optional<Timestamp> sent_at;
  Stance stance = Stance::kNeutral;
  bool urgent = false;
  int64_t sequence = 0;
  std::vector<std::string> tags;
  std::map<std::string, std::string> custom;
  std::optional<domain::Money> budget;
  bool operator==(const IssueQuote&) const = default;
};
constexpr auto Fields(const IssueQuote*) {
  using T = IssueQuote;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("title", &T::title).MinLength(1).MaxLength(10).Doc("short title"),
                    F("lines", &T::lines),
                    F("valid_until", &T::valid_until),
                    F("sent_at", &T::sent_at),
                    F("stance", &T::stance),
                    F("urgent", &T::urgent),
                    F("sequence", &T::sequence),
                    F("tags", &T::tags).MaxLength(5),
                    F("custom", &T::custom).MaxLength(8),
                    F("budget", &T::budget)};
}

}  // namespace dealstream::codec::testing
