// Planned and completed sales activities (calls, visits, demos, …).
#include <algorithm>
#include <string>

#include "domain/common/checks.h"
#include "domain/opportunity/opportunity_internal.h"

namespace dealstream::domain::opportunity_internal {

namespace {

const OpportunityActivity* FindActivity(const OpportunityState& state, const Id& id) {
  for (const OpportunityActivity& activity : state.activities) {
    if (activity.activity_id == id) return &activity;
  }
  return nullptr;
}

OpportunityActivity* FindActivity(OpportunityState& state, const Id& id) {
  for (OpportunityActivity& activity : state.activities) {
    if (activity.activity_id == id) return &activity;
  }
  return nullptr;
}

// The planned activity `id`, or the rule that forbids acting on it.
Result<OpportunityActivity, DomainError> RequirePlanned(const OpportunityState& state,
                                                        const Id& id) {
  const OpportunityActivity* activity = FindActivity(state, id);
  if (activity == nullptr) {
    return Unexpected(
        NotFound("activity_not_found", "activity_id",
                 "activity_id: '" + id.value + "' is not an activity of this opportunity"));
  }
  if (activity->status == ActivityStatus::kCompleted) {
    return Unexpected(RuleViolated("activity_already_completed", "activity_id",
                                   "activity_id: '" + id.value + "' is already completed"));
  }
  if (activity->status == ActivityStatus::kCancelled) {
    return Unexpected(RuleViolated("activity_cancelled", "activity_id",
                                   "activity_id: '" + id.value + "' was cancelled"));
  }
  return *activity;
}

}  // namespace

Outcome DecideCommand(const OpportunityState& state, const PlanOpportunityActivity& c,
                      const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  const SalesProcessFacts process = ctx.directory.SalesProcess();
  if (std::find(process.activity_types.begin(), process.activity_types.end(), c.type) ==
      process.activity_types.end()) {
    return Unexpected(Invalid("unknown_activity_type", "type",
                              "type: '" + c.type + "' is not a configured activity type"));
  }
  if (auto e = CheckNotBlank(c.subject, "subject")) return Unexpected(*e);
  auto assignee = RequireActiveEmployee(ctx.directory, c.assignee_id, "assignee_id", "assignee");
  if (!assignee.ok()) return Unexpected(assignee.error());
  std::vector<Id> contacts = c.contact_ids.value_or(std::vector<Id>{});
  for (size_t i = 0; i < contacts.size(); ++i) {
    const std::string field = "contact_ids[" + std::to_string(i) + "]";
    std::optional<ContactFacts> contact = ctx.directory.FindContact(contacts[i]);
    if (!contact) {
      return Unexpected(NotFound("contact_not_found", field,
                                 field + ": contact '" + contacts[i].value + "' does not exist"));
    }
    if (contact->customer_id != state.customer_id) {
      return Unexpected(Invalid("contact_customer_mismatch", field,
                                field + ": contact '" + contacts[i].value +
                                    "' belongs to another customer than this opportunity's"));
    }
    if (contact->left_company) {
      return Unexpected(RuleViolated(
          "contact_left_company", field,
          field + ": contact '" + contacts[i].value + "' has left the customer's company"));
    }
  }
  auto taken = [&](const Id& id) { return FindActivity(state, id) != nullptr; };
  if (c.activity_id && taken(*c.activity_id)) {
    return Unexpected(RuleViolated(
        "duplicate_activity_id", "activity_id",
        "activity_id: '" + c.activity_id->value + "' is already an activity of this opportunity"));
  }
  Id id =
      c.activity_id ? *c.activity_id : NextLocalId("activity", state.activities.size() + 1, taken);
  return Emit<OpportunityEvent>(OpportunityActivityPlanned{
      state.id, id, c.type, c.assignee_id, c.planned_date, c.subject, std::move(contacts)});
}

void Apply(OpportunityState& s, const OpportunityActivityPlanned& e, Timestamp) {
  OpportunityActivity activity;
  activity.activity_id = e.activity_id;
  activity.type = e.type;
  activity.assignee_id = e.assignee_id;
  activity.planned_date = e.planned_date;
  activity.subject = e.subject;
  activity.contact_ids = e.contact_ids;
  s.activities.push_back(std::move(activity));
}

Outcome DecideCommand(const OpportunityState& state, const CompleteOpportunityActivity& c,
                      const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  auto activity = RequirePlanned(state, c.activity_id);
  if (!activity.ok()) return Unexpected(activity.error());
  if (c.completed_date < activity->planned_date) {
    return Unexpected(Invalid("completed_before_planned", "completed_date",
                              "completed_date: " + DateText(c.completed_date) +
                                  " is before the planned date " +
                                  DateText(activity->planned_date)));
  }
  if (c.completed_date > Date::Of(ctx.now)) {
    return Unexpected(
        Invalid("completed_in_future", "completed_date",
                "completed_date: " + DateText(c.completed_date) + " has not happened yet"));
  }
  if (auto e = CheckNotBlank(c.outcome, "outcome")) return Unexpected(*e);
  if (c.cost) {
    if (auto e = CheckDealMoney(state, *c.cost, "cost")) return Unexpected(*e);
  }
  return Emit<OpportunityEvent>(OpportunityActivityCompleted{
      state.id, c.activity_id, activity->type, activity->assignee_id, activity->planned_date,
      c.completed_date, c.outcome, c.decision_maker_met, c.cost});
}

void Apply(OpportunityState& s, const OpportunityActivityCompleted& e, Timestamp) {
  OpportunityActivity* activity = FindActivity(s, e.activity_id);
  if (activity == nullptr) return;
  activity->status = ActivityStatus::kCompleted;
  activity->completed_date = e.completed_date;
  activity->outcome = e.outcome;
  activity->decision_maker_met = e.decision_maker_met;
  activity->cost = e.cost;
}

Outcome DecideCommand(const OpportunityState& state, const CancelOpportunityActivity& c,
                      const DecideContext&) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  auto activity = RequirePlanned(state, c.activity_id);
  if (!activity.ok()) return Unexpected(activity.error());
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  return Emit<OpportunityEvent>(OpportunityActivityCancelled{
      state.id, c.activity_id, activity->type, activity->assignee_id, c.reason});
}

void Apply(OpportunityState& s, const OpportunityActivityCancelled& e, Timestamp) {
  OpportunityActivity* activity = FindActivity(s, e.activity_id);
  if (activity != nullptr) activity->status = ActivityStatus::kCancelled;
}

}  // namespace dealstream::domain::opportunity_internal
