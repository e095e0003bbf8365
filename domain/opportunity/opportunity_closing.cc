// Closing a deal (won, lost, abandoned) and reopening it.
#include <algorithm>
#include <string>

#include "domain/common/checks.h"
#include "domain/opportunity/opportunity_internal.h"

namespace dealstream::domain::opportunity_internal {

namespace {

std::vector<Id> EngagedCompetitorIds(const OpportunityState& state) {
  std::vector<Id> ids;
  for (const EngagedCompetitor& c : state.competitors) ids.push_back(c.competitor_id);
  return ids;
}

void Close(OpportunityState& s, OpportunityStatus status, Timestamp at) {
  s.status = status;
  s.closed_at = at;
}

void EnterClosedStage(OpportunityState& s, const std::string& stage, int32_t probability,
                      const std::string& forecast_category, Timestamp at) {
  s.stage = stage;
  s.probability = probability;
  s.forecast_category = forecast_category;
  bool reached = std::any_of(s.stages_reached.begin(), s.stages_reached.end(),
                             [&](const StageReached& r) { return r.stage == stage; });
  if (!reached) s.stages_reached.push_back({stage, Date::Of(at)});
}

}  // namespace

Outcome DecideCommand(const OpportunityState& state, const WinOpportunity& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  const Money amount = c.amount.value_or(state.amount);
  if (auto e = CheckDealMoney(state, amount, "amount")) return Unexpected(*e);
  const StageFacts stage = WonStage(ctx.directory.SalesProcess());
  OpportunityWon won;
  won.opportunity_id = state.id;
  won.customer_id = state.customer_id;
  won.owner_id = state.owner_id;
  won.department_id = state.department_id;
  won.amount = amount;
  won.previous_amount = state.amount;
  won.stage = stage.name;
  won.previous_stage = state.stage;
  won.probability = stage.probability;
  won.forecast_category = stage.forecast_category;
  won.product_ids = state.product_ids;
  won.competitor_ids = EngagedCompetitorIds(state);
  won.note = c.note;
  return Emit<OpportunityEvent>(std::move(won));
}

void Apply(OpportunityState& s, const OpportunityWon& e, Timestamp at) {
  s.amount = e.amount;
  EnterClosedStage(s, e.stage, e.probability, e.forecast_category, at);
  Close(s, OpportunityStatus::kWon, at);
}

Outcome DecideCommand(const OpportunityState& state, const LoseOpportunity& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  const SalesProcessFacts process = ctx.directory.SalesProcess();
  if (std::find(process.loss_reasons.begin(), process.loss_reasons.end(), c.reason) ==
      process.loss_reasons.end()) {
    std::string known;
    for (const std::string& reason : process.loss_reasons) {
      known += (known.empty() ? "" : ", ") + reason;
    }
    return Unexpected(
        Invalid("unknown_loss_reason", "reason",
                "reason: '" + c.reason + "' is not a configured loss reason (" + known + ")"));
  }
  if (c.competitor_id && !ctx.directory.FindCompetitor(*c.competitor_id)) {
    return Unexpected(
        NotFound("competitor_not_found", "competitor_id",
                 "competitor_id: competitor '" + c.competitor_id->value + "' does not exist"));
  }
  if (c.competitor_price) {
    if (!c.competitor_id) {
      return Unexpected(Invalid("competitor_required", "competitor_id",
                                "competitor_id: a competitor price needs the competitor"));
    }
    if (auto e = CheckDealMoney(state, *c.competitor_price, "competitor_price")) {
      return Unexpected(*e);
    }
  }
  const StageFacts stage = LostStage(process);
  OpportunityLost lost;
  lost.opportunity_id = state.id;
  lost.customer_id = state.customer_id;
  lost.owner_id = state.owner_id;
  lost.department_id = state.department_id;
  lost.amount = state.amount;
  lost.reason = c.reason;
  lost.competitor_id = c.competitor_id;
  lost.competitor_price = c.competitor_price;
  lost.note = c.note;
  lost.stage = stage.name;
  lost.previous_stage = state.stage;
  lost.probability = stage.probability;
  lost.forecast_category = stage.forecast_category;
  lost.product_ids = state.product_ids;
  lost.competitor_ids = EngagedCompetitorIds(state);
  return Emit<OpportunityEvent>(std::move(lost));
}

void Apply(OpportunityState& s, const OpportunityLost& e, Timestamp at) {
  EnterClosedStage(s, e.stage, e.probability, e.forecast_category, at);
  s.close_reason = e.reason;
  s.lost_to_competitor_id = e.competitor_id;
  Close(s, OpportunityStatus::kLost, at);
}

Outcome DecideCommand(const OpportunityState& state, const AbandonOpportunity& c,
                      const DecideContext&) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  return Emit<OpportunityEvent>(OpportunityAbandoned{state.id, state.customer_id, state.owner_id,
                                                     state.department_id, state.amount, state.stage,
                                                     c.reason});
}

void Apply(OpportunityState& s, const OpportunityAbandoned& e, Timestamp at) {
  s.close_reason = e.reason;
  Close(s, OpportunityStatus::kAbandoned, at);
}

Outcome DecideCommand(const OpportunityState& state, const ReopenOpportunity& c,
                      const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  if (state.status == OpportunityStatus::kOpen) {
    return Unexpected(RuleViolated("opportunity_not_closed", "opportunity_id",
                                   "opportunity_id: only a won, lost or abandoned opportunity "
                                   "can be reopened; this one is open"));
  }
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  const SalesProcessFacts process = ctx.directory.SalesProcess();
  StageFacts stage;
  if (c.stage) {
    auto requested = RequireOpenStage(process, *c.stage, "stage");
    if (!requested.ok()) return Unexpected(requested.error());
    stage = *requested;
  } else if (const StageFacts* last = FindStage(process, state.last_open_stage);
             last != nullptr && !last->closed) {
    stage = *last;
  } else {
    // The stage it left is no longer configured: restart at the first one.
    auto first = std::find_if(process.stages.begin(), process.stages.end(),
                              [](const StageFacts& s) { return !s.closed; });
    if (first == process.stages.end()) {
      return Unexpected(RuleViolated("sales_process_not_configured", "",
                                     "the sales process has no open stage to reopen the deal in"));
    }
    stage = *first;
  }
  return Emit<OpportunityEvent>(OpportunityReopened{state.id, state.status, c.reason, stage.name,
                                                    stage.probability, stage.forecast_category,
                                                    state.amount});
}

void Apply(OpportunityState& s, const OpportunityReopened& e, Timestamp) {
  s.status = OpportunityStatus::kOpen;
  s.stage = e.stage;
  s.last_open_stage = e.stage;
  s.probability = e.probability;
  s.forecast_category = e.forecast_category;
  s.close_reason.reset();
  s.lost_to_competitor_id.reset();
  s.closed_at.reset();
}

}  // namespace dealstream::domain::opportunity_internal
