// Stages of the configured sales process, the stage plan, and revisions of
// the amount and expected close date.
#include <algorithm>
#include <string>

#include "domain/common/checks.h"
#include "domain/opportunity/opportunity_internal.h"

namespace dealstream::domain::opportunity_internal {

namespace {

template <typename E>
void ApplyStageChange(OpportunityState& s, const E& e, Timestamp at) {
  s.stage = e.stage;
  s.last_open_stage = e.stage;
  s.probability = e.probability;
  s.forecast_category = e.forecast_category;
  bool reached = std::any_of(s.stages_reached.begin(), s.stages_reached.end(),
                             [&](const StageReached& r) { return r.stage == e.stage; });
  // Plan vs actual compares with the first time a stage was reached.
  if (!reached) s.stages_reached.push_back({e.stage, Date::Of(at)});
}

}  // namespace

Outcome DecideCommand(const OpportunityState& state, const AdvanceOpportunityStage& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  const SalesProcessFacts process = ctx.directory.SalesProcess();
  auto stage = RequireOpenStage(process, c.stage, "stage");
  if (!stage.ok()) return Unexpected(stage.error());
  if (stage->name == state.stage) {
    return Unexpected(RuleViolated("stage_unchanged", "stage",
                                   "stage: the opportunity is already in stage '" + c.stage + "'"));
  }
  std::optional<Date> planned;
  for (const StagePlanEntry& entry : state.stage_plan) {
    if (entry.stage == stage->name) planned = entry.planned_date;
  }
  const bool backward = StageIndex(process, stage->name) < StageIndex(process, state.stage);
  auto fill = [&](auto event) {
    event.opportunity_id = state.id;
    event.stage = stage->name;
    event.previous_stage = state.stage;
    event.probability = stage->probability;
    event.previous_probability = state.probability;
    event.forecast_category = stage->forecast_category;
    event.amount = state.amount;
    event.planned_date = planned;
    event.reached_on = Date::Of(ctx.now);
    return event;
  };
  if (backward) return Emit<OpportunityEvent>(fill(OpportunityStageMovedBack{}));
  return Emit<OpportunityEvent>(fill(OpportunityStageAdvanced{}));
}

void Apply(OpportunityState& s, const OpportunityStageAdvanced& e, Timestamp at) {
  ApplyStageChange(s, e, at);
}

void Apply(OpportunityState& s, const OpportunityStageMovedBack& e, Timestamp at) {
  ApplyStageChange(s, e, at);
}

Outcome DecideCommand(const OpportunityState& state, const PlanOpportunityStages& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  const SalesProcessFacts process = ctx.directory.SalesProcess();
  // (process position, index in the command) of each entry.
  std::vector<std::pair<int, size_t>> order;
  for (size_t i = 0; i < c.plan.size(); ++i) {
    const std::string field = "plan[" + std::to_string(i) + "].stage";
    int position = StageIndex(process, c.plan[i].stage);
    if (position < 0) {
      return Unexpected(
          Invalid("unknown_stage", field,
                  field + ": '" + c.plan[i].stage + "' is not a stage of the sales process"));
    }
    for (size_t j = 0; j < i; ++j) {
      if (c.plan[j].stage == c.plan[i].stage) {
        return Unexpected(Invalid("duplicate_stage", field,
                                  field + ": stage '" + c.plan[i].stage + "' is planned twice"));
      }
    }
    order.emplace_back(position, i);
  }
  std::sort(order.begin(), order.end());
  OpportunityStagesPlanned planned{state.id, {}, state.stage_plan};
  for (size_t k = 0; k < order.size(); ++k) {
    const StagePlanEntry& entry = c.plan[order[k].second];
    if (k > 0 && entry.planned_date < planned.plan.back().planned_date) {
      const std::string field = "plan[" + std::to_string(order[k].second) + "].planned_date";
      return Unexpected(Invalid("stage_plan_out_of_order", field,
                                field + ": '" + entry.stage + "' is planned for " +
                                    DateText(entry.planned_date) + ", before the earlier stage '" +
                                    planned.plan.back().stage + "'"));
    }
    planned.plan.push_back(entry);
  }
  return Emit<OpportunityEvent>(std::move(planned));
}

void Apply(OpportunityState& s, const OpportunityStagesPlanned& e, Timestamp) {
  s.stage_plan = e.plan;
}

Outcome DecideCommand(const OpportunityState& state, const ReviseOpportunityAmount& c,
                      const DecideContext&) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  if (auto e = CheckDealMoney(state, c.amount, "amount")) return Unexpected(*e);
  if (c.amount == state.amount) {
    return Unexpected(RuleViolated("amount_unchanged", "amount",
                                   "amount: equals the amount in force; nothing to revise"));
  }
  return Emit<OpportunityEvent>(OpportunityAmountRevised{state.id, c.amount, state.amount,
                                                         state.stage, state.probability, c.reason});
}

void Apply(OpportunityState& s, const OpportunityAmountRevised& e, Timestamp) {
  s.amount = e.amount;
}

Outcome DecideCommand(const OpportunityState& state, const ReviseOpportunityCloseDate& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  if (c.expected_close_date < Date::Of(ctx.now)) {
    return Unexpected(
        Invalid("close_date_in_past", "expected_close_date",
                "expected_close_date: " + DateText(c.expected_close_date) + " is already past"));
  }
  if (c.expected_close_date == state.expected_close_date) {
    return Unexpected(RuleViolated("close_date_unchanged", "expected_close_date",
                                   "expected_close_date: equals the date in force"));
  }
  return Emit<OpportunityEvent>(OpportunityCloseDateRevised{state.id, c.expected_close_date,
                                                            state.expected_close_date, c.reason});
}

void Apply(OpportunityState& s, const OpportunityCloseDateRevised& e, Timestamp) {
  s.expected_close_date = e.expected_close_date;
}

}  // namespace dealstream::domain::opportunity_internal
