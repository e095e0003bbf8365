// Value types and enums shared by the opportunity's commands, events and
// state (DESIGN §2.3). Each has its Fields() / EnumNames() for the codec.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

enum class OpportunityStatus { kOpen, kWon, kLost, kAbandoned };
constexpr auto EnumNames(OpportunityStatus) {
  using S = OpportunityStatus;
  return std::array{std::pair{S::kOpen, std::string_view("open")},
                    std::pair{S::kWon, std::string_view("won")},
                    std::pair{S::kLost, std::string_view("lost")},
                    std::pair{S::kAbandoned, std::string_view("abandoned")}};
}

// What a member does on the deal team. A partner member's id is a partner
// record, any other member's id an employee.
enum class TeamRole { kSales, kPresales, kService, kPartner };
constexpr auto EnumNames(TeamRole) {
  return std::array{std::pair{TeamRole::kSales, std::string_view("sales")},
                    std::pair{TeamRole::kPresales, std::string_view("presales")},
                    std::pair{TeamRole::kService, std::string_view("service")},
                    std::pair{TeamRole::kPartner, std::string_view("partner")}};
}

// draft -> pending_approval -> approved | rejected; any of them becomes
// superseded when a newer version is drafted.
enum class QuoteStatus { kDraft, kPendingApproval, kApproved, kRejected, kSuperseded };
constexpr auto EnumNames(QuoteStatus) {
  using S = QuoteStatus;
  return std::array{std::pair{S::kDraft, std::string_view("draft")},
                    std::pair{S::kPendingApproval, std::string_view("pending_approval")},
                    std::pair{S::kApproved, std::string_view("approved")},
                    std::pair{S::kRejected, std::string_view("rejected")},
                    std::pair{S::kSuperseded, std::string_view("superseded")}};
}

enum class ActivityStatus { kPlanned, kCompleted, kCancelled };
constexpr auto EnumNames(ActivityStatus) {
  using S = ActivityStatus;
  return std::array{std::pair{S::kPlanned, std::string_view("planned")},
                    std::pair{S::kCompleted, std::string_view("completed")},
                    std::pair{S::kCancelled, std::string_view("cancelled")}};
}

// The planned date of reaching one stage of the sales process.
struct StagePlanEntry {
  std::string stage;
  Date planned_date;
  bool operator==(const StagePlanEntry&) const = default;
};
constexpr auto Fields(const StagePlanEntry*) {
  using T = StagePlanEntry;
  return std::tuple{F("stage", &T::stage).MinLength(1).MaxLength(80).Doc("a configured stage name"),
                    F("planned_date", &T::planned_date)};
}

// One answer of the scoring questionnaire: how well the deal meets a
// configured criterion, 0 (not at all) to 10 (fully).
struct ScoringAnswer {
  std::string criterion;
  int32_t value = 0;
  bool operator==(const ScoringAnswer&) const = default;
};
constexpr auto Fields(const ScoringAnswer*) {
  using T = ScoringAnswer;
  return std::tuple{F("criterion", &T::criterion).MinLength(1).MaxLength(80),
                    F("value", &T::value).Range(0, 10).Doc("0 = not at all, 10 = fully")};
}

// An answer as scored: with the weight its criterion had when it was scored,
// so that the score reproduces even if the rule set changes later.
struct ScoredAnswer {
  std::string criterion;
  int32_t value = 0;
  int32_t weight = 0;
  bool operator==(const ScoredAnswer&) const = default;
};
constexpr auto Fields(const ScoredAnswer*) {
  using T = ScoredAnswer;
  return std::tuple{F("criterion", &T::criterion).MinLength(1).MaxLength(80),
                    F("value", &T::value).Range(0, 10),
                    F("weight", &T::weight).Range(0, 1000).Doc("weight of the criterion in force")};
}

// A quote line as requested.
struct QuoteLineInput {
  Id product_id;
  int64_t quantity = 0;
  Money unit_price;
  std::optional<int32_t> discount_percent;
  bool operator==(const QuoteLineInput&) const = default;
};
constexpr auto Fields(const QuoteLineInput*) {
  using T = QuoteLineInput;
  return std::tuple{F("product_id", &T::product_id),
                    F("quantity", &T::quantity).Range(1, 1000000000),
                    F("unit_price", &T::unit_price),
                    F("discount_percent", &T::discount_percent).Range(0, 100).Doc("default 0")};
}

// A quote line as priced by the domain: line_total = quantity × unit_price ×
// (100 − discount_percent) / 100, rounded half up to the minor unit.
struct QuoteLine {
  Id product_id;
  int64_t quantity = 0;
  Money unit_price;
  int32_t discount_percent = 0;
  Money line_total;
  bool operator==(const QuoteLine&) const = default;
};
constexpr auto Fields(const QuoteLine*) {
  using T = QuoteLine;
  return std::tuple{
      F("product_id", &T::product_id), F("quantity", &T::quantity).Range(1, 1000000000),
      F("unit_price", &T::unit_price), F("discount_percent", &T::discount_percent).Range(0, 100),
      F("line_total", &T::line_total)};
}

// One member's share of the deal's revenue, in whole percent.
struct RevenueSplit {
  Id member_id;
  int32_t percent = 0;
  bool operator==(const RevenueSplit&) const = default;
};
constexpr auto Fields(const RevenueSplit*) {
  using T = RevenueSplit;
  return std::tuple{F("member_id", &T::member_id), F("percent", &T::percent).Range(0, 100)};
}

}  // namespace dealstream::domain
