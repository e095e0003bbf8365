// The sales process configuration aggregate (category "config", id
// "sales_process").
//
// Rules (each a DomainError code, field paths like "stages[2].name"):
//   stage_name_blank / stage_name_duplicate (case-insensitive)
//   probability_out_of_range        not within 0–100
//   too_many_stages                 more than kMaxStages
//   open_stage_required             no open stage at all
//   open_stage_category             an open stage in category "closed"
//   closed_stage_category           a closed stage neither "closed" (won) nor "omitted" (lost)
//   won_stage_probability / lost_stage_probability   won must be 100, lost 0
//   closed_stage_not_last           an open stage after a closed one
//   won_stage_required / lost_stage_required   not exactly one of each
//   sales_process_unchanged         the process in force already
#pragma once

#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/common/aggregate.h"
#include "domain/config/activity_types.h"
#include "domain/config/loss_reasons.h"
#include "domain/config/sales_process_commands.h"
#include "domain/config/sales_process_events.h"

namespace dealstream::domain {

inline constexpr size_t kMaxStages = 30;

// The default process of DESIGN §2.3 (Salesforce's stage names and
// probabilities): Prospecting 10, Qualification 10, Needs Analysis 20,
// Value Proposition 50, Identify Decision Makers 60, Perception Analysis 70,
// Proposal/Price Quote 75, Negotiation/Review 90, Closed Won 100, Closed
// Lost 0. Forecast categories: up to 60% "pipeline", 70–75% "best_case",
// Negotiation/Review "commit", Closed Won "closed", Closed Lost "omitted";
// Salesforce puts every open stage in "pipeline", but then a forecast by
// category says nothing, so the late stages are graded here.
std::vector<SalesStage> DefaultSalesStages();

// The configuration in force when nothing has been configured: the default
// stages, DefaultLossReasons() and DefaultActivityTypes().
SalesProcessFacts DefaultSalesProcess();

// Stage facts for the Directory, from stages of a configuration.
std::vector<StageFacts> ToStageFacts(const std::vector<SalesStage>& stages);

struct SalesProcessState {
  bool configured = false;  // false: DefaultSalesStages() are in force
  std::vector<SalesStage> stages;
};

struct SalesProcessAggregate {
  static constexpr std::string_view kCategory = "config";
  static constexpr std::string_view kFixedId = "sales_process";
  using State = SalesProcessState;
  using Command = std::variant<ConfigureSalesProcess>;
  using Event = std::variant<SalesProcessConfigured>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The stages in force: the configured ones, or the defaults.
std::vector<StageFacts> FactsOf(const SalesProcessState& state);

// Directory::SalesProcess() from the three configuration records (each
// default-constructed when never configured). scoring_criteria is left
// empty: the opportunity's default rule set.
SalesProcessFacts CurrentSalesProcess(const SalesProcessState& process,
                                      const LossReasonsState& loss_reasons,
                                      const ActivityTypesState& activity_types);

}  // namespace dealstream::domain
