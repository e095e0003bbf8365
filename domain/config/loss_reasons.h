// The loss reason list (category "config", id "loss_reasons").
//
// Rules: loss_reasons_required, too_many_loss_reasons, loss_reason_blank,
// loss_reason_duplicate (field "reasons[i]", case-insensitive),
// loss_reasons_unchanged.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/common/aggregate.h"
#include "domain/config/loss_reasons_commands.h"
#include "domain/config/loss_reasons_events.h"

namespace dealstream::domain {

inline constexpr size_t kMaxLossReasons = 100;

// In force until the list is defined: price, product_fit, competitor,
// relationship, budget, timing, no_decision, other.
std::vector<std::string> DefaultLossReasons();

struct LossReasonsState {
  bool defined = false;  // false: DefaultLossReasons() are in force
  std::vector<std::string> reasons;
};

struct LossReasonsAggregate {
  static constexpr std::string_view kCategory = "config";
  static constexpr std::string_view kFixedId = "loss_reasons";
  using State = LossReasonsState;
  using Command = std::variant<DefineLossReasons>;
  using Event = std::variant<LossReasonsDefined>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The reasons in force: the defined ones, or the defaults.
std::vector<std::string> FactsOf(const LossReasonsState& state);

}  // namespace dealstream::domain
