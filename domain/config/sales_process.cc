#include "domain/config/sales_process.h"

#include <set>
#include <string>

#include "domain/common/text_rules.h"
#include "domain/config/name_list.h"

namespace dealstream::domain {
namespace {

using Event = SalesProcessAggregate::Event;
using Outcome = Decision<Event>;

std::string StagePath(size_t index, std::string_view member) {
  return "stages[" + std::to_string(index) + "]." + std::string(member);
}

// The rules on a closed stage; `won` and `lost` count them.
std::optional<DomainError> CheckClosedStage(const SalesStage& stage, size_t index, int& won,
                                            int& lost) {
  if (stage.forecast_category == ForecastCategory::kClosed) {
    ++won;
    if (stage.probability != 100) {
      return Invalid("won_stage_probability", StagePath(index, "probability"),
                     StagePath(index, "probability") + ": the won stage has probability 100");
    }
  } else if (stage.forecast_category == ForecastCategory::kOmitted) {
    ++lost;
    if (stage.probability != 0) {
      return Invalid("lost_stage_probability", StagePath(index, "probability"),
                     StagePath(index, "probability") + ": the lost stage has probability 0");
    }
  } else {
    return Invalid("closed_stage_category", StagePath(index, "forecast_category"),
                   StagePath(index, "forecast_category") +
                       ": a closed stage is \"closed\" (won) or \"omitted\" (lost)");
  }
  return std::nullopt;
}

std::optional<DomainError> CheckStages(const std::vector<SalesStage>& stages) {
  if (stages.size() > kMaxStages) {
    return Invalid("too_many_stages", "stages",
                   "stages: at most " + std::to_string(kMaxStages) + " stages");
  }
  std::set<std::string> names;
  int open = 0, won = 0, lost = 0;
  bool seen_closed = false;
  for (size_t i = 0; i < stages.size(); ++i) {
    const SalesStage& stage = stages[i];
    if (IsBlank(stage.name)) {
      return Invalid("stage_name_blank", StagePath(i, "name"),
                     StagePath(i, "name") + ": must not be blank");
    }
    if (!names.insert(LowerAscii(stage.name)).second) {
      return Invalid("stage_name_duplicate", StagePath(i, "name"),
                     StagePath(i, "name") + ": \"" + stage.name + "\" names two stages");
    }
    if (stage.probability < 0 || stage.probability > 100) {
      return Invalid("probability_out_of_range", StagePath(i, "probability"),
                     StagePath(i, "probability") + ": must be within 0–100");
    }
    if (stage.closed) {
      seen_closed = true;
      if (auto e = CheckClosedStage(stage, i, won, lost)) return e;
      continue;
    }
    ++open;
    if (seen_closed) {
      return Invalid("closed_stage_not_last", StagePath(i, "closed"),
                     StagePath(i, "closed") + ": open stages come before the won and lost stages");
    }
    if (stage.forecast_category == ForecastCategory::kClosed) {
      return Invalid("open_stage_category", StagePath(i, "forecast_category"),
                     StagePath(i, "forecast_category") + ": only the won stage is \"closed\"");
    }
  }
  if (open == 0) {
    return Invalid("open_stage_required", "stages",
                   "stages: the process needs at least one open stage");
  }
  if (won != 1) {
    return Invalid("won_stage_required", "stages",
                   "stages: exactly one won stage (closed, 100, \"closed\")");
  }
  if (lost != 1) {
    return Invalid("lost_stage_required", "stages",
                   "stages: exactly one lost stage (closed, 0, \"omitted\")");
  }
  return std::nullopt;
}

Outcome DecideOne(const SalesProcessState& state, const ConfigureSalesProcess& c,
                  const DecideContext&) {
  if (auto e = CheckStages(c.stages)) return Unexpected(*e);
  const std::vector<SalesStage>& in_force = state.configured ? state.stages : DefaultSalesStages();
  if (c.stages == in_force) {
    return Unexpected(RuleViolated("sales_process_unchanged", "stages",
                                   "stages: this process is in force already"));
  }
  return Emit<Event>(SalesProcessConfigured{c.stages});
}

}  // namespace

std::vector<SalesStage> DefaultSalesStages() {
  using C = ForecastCategory;
  return {{"Prospecting", 10, C::kPipeline, false},
          {"Qualification", 10, C::kPipeline, false},
          {"Needs Analysis", 20, C::kPipeline, false},
          {"Value Proposition", 50, C::kPipeline, false},
          {"Identify Decision Makers", 60, C::kPipeline, false},
          {"Perception Analysis", 70, C::kBestCase, false},
          {"Proposal/Price Quote", 75, C::kBestCase, false},
          {"Negotiation/Review", 90, C::kCommit, false},
          {"Closed Won", 100, C::kClosed, true},
          {"Closed Lost", 0, C::kOmitted, true}};
}

SalesProcessFacts DefaultSalesProcess() {
  SalesProcessFacts facts;
  facts.stages = ToStageFacts(DefaultSalesStages());
  facts.loss_reasons = DefaultLossReasons();
  facts.activity_types = DefaultActivityTypes();
  return facts;
}

std::vector<StageFacts> ToStageFacts(const std::vector<SalesStage>& stages) {
  std::vector<StageFacts> facts;
  facts.reserve(stages.size());
  for (const SalesStage& stage : stages) {
    facts.push_back(StageFacts{stage.name, stage.probability,
                               std::string(NameOf(stage.forecast_category)), stage.closed});
  }
  return facts;
}

Decision<Event> SalesProcessAggregate::Decide(const State& state, const Command& command,
                                              const DecideContext& ctx) {
  return std::visit([&](const auto& c) { return DecideOne(state, c, ctx); }, command);
}

void SalesProcessAggregate::Evolve(State& state, const Event& event, Timestamp) {
  const auto& configured = std::get<SalesProcessConfigured>(event);
  state.configured = true;
  state.stages = configured.stages;
}

std::vector<StageFacts> FactsOf(const SalesProcessState& state) {
  return ToStageFacts(state.configured ? state.stages : DefaultSalesStages());
}

SalesProcessFacts CurrentSalesProcess(const SalesProcessState& process,
                                      const LossReasonsState& loss_reasons,
                                      const ActivityTypesState& activity_types) {
  SalesProcessFacts facts;
  facts.stages = FactsOf(process);
  facts.loss_reasons = FactsOf(loss_reasons);
  facts.activity_types = FactsOf(activity_types);
  return facts;
}

}  // namespace dealstream::domain
