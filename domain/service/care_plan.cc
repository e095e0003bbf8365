#include "domain/service/care_plan.h"

#include <string>
#include <variant>

#include "domain/common/checks.h"

namespace dealstream::domain {

namespace {

using Outcome = Decision<CarePlanEvent>;

std::optional<DomainError> CheckExists(const CarePlanState& state) {
  if (state.exists) return std::nullopt;
  return NotFound("care_plan_not_found", "care_plan_id",
                  "care_plan_id: no care plan with this id has been created");
}

const CareActivity* FindActivity(const CarePlanState& state, const Id& id) {
  for (const CareActivity& a : state.activities) {
    if (a.activity_id == id) return &a;
  }
  return nullptr;
}

Result<CareActivity, DomainError> RequireScheduled(const CarePlanState& state, const Id& id) {
  const CareActivity* activity = FindActivity(state, id);
  if (activity == nullptr) {
    return Unexpected(
        NotFound("care_activity_not_found", "activity_id",
                 "activity_id: '" + id.value + "' is not an activity of this care plan"));
  }
  if (activity->status == CareActivityStatus::kCompleted) {
    return Unexpected(RuleViolated("care_activity_already_completed", "activity_id",
                                   "activity_id: '" + id.value + "' is already completed"));
  }
  if (activity->status == CareActivityStatus::kCancelled) {
    return Unexpected(RuleViolated("care_activity_cancelled", "activity_id",
                                   "activity_id: '" + id.value + "' was cancelled"));
  }
  return *activity;
}

Outcome DecideCommand(const CarePlanState& state, const CreateCarePlan& c,
                      const DecideContext& ctx) {
  if (!c.id) {
    return Unexpected(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Unexpected(
        AlreadyExists("care_plan_exists", "care plan '" + c.id->value + "' already exists"));
  }
  if (auto e = CheckNotBlank(c.name, "name")) return Unexpected(*e);
  auto customer = RequireUsableCustomer(ctx.directory, c.customer_id, "customer_id");
  if (!customer.ok()) return Unexpected(customer.error());
  if (c.contact_id) {
    std::optional<ContactFacts> contact = ctx.directory.FindContact(*c.contact_id);
    if (!contact) {
      return Unexpected(
          NotFound("contact_not_found", "contact_id",
                   "contact_id: contact '" + c.contact_id->value + "' does not exist"));
    }
    if (contact->customer_id != c.customer_id) {
      return Unexpected(Invalid("contact_customer_mismatch", "contact_id",
                                "contact_id: the contact belongs to another customer"));
    }
    if (contact->left_company) {
      return Unexpected(RuleViolated("contact_left_company", "contact_id",
                                     "contact_id: the contact has left the customer's company"));
    }
  }
  auto owner = RequireActiveEmployee(ctx.directory, c.owner_id, "owner_id", "owner");
  if (!owner.ok()) return Unexpected(owner.error());
  return Emit<CarePlanEvent>(
      CarePlanCreated{*c.id, c.customer_id, c.contact_id, c.owner_id, c.name, ctx.actor});
}

Outcome DecideCommand(const CarePlanState& state, const ScheduleCareActivity& c,
                      const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  if (c.kind == CareKind::kBirthday && !state.contact_id) {
    return Unexpected(Invalid("contact_required", "kind",
                              "kind: a birthday is a contact's; this care plan has no contact"));
  }
  if (c.due_date < Date::Of(ctx.now)) {
    return Unexpected(Invalid("due_date_in_past", "due_date",
                              "due_date: " + DateText(c.due_date) + " is already past"));
  }
  const Id assignee = c.assignee_id.value_or(state.owner_id);
  auto employee = RequireActiveEmployee(ctx.directory, assignee, "assignee_id", "assignee");
  if (!employee.ok()) return Unexpected(employee.error());
  auto taken = [&](const Id& id) { return FindActivity(state, id) != nullptr; };
  if (c.activity_id && taken(*c.activity_id)) {
    return Unexpected(RuleViolated(
        "duplicate_activity_id", "activity_id",
        "activity_id: '" + c.activity_id->value + "' is already an activity of this care plan"));
  }
  Id id = c.activity_id ? *c.activity_id : NextLocalId("care", state.activities.size() + 1, taken);
  return Emit<CarePlanEvent>(CareActivityScheduled{state.id, id, c.kind, c.due_date, assignee,
                                                   state.customer_id, state.contact_id, c.note});
}

Outcome DecideCommand(const CarePlanState& state, const CompleteCareActivity& c,
                      const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  auto activity = RequireScheduled(state, c.activity_id);
  if (!activity.ok()) return Unexpected(activity.error());
  return Emit<CarePlanEvent>(CareActivityCompleted{state.id, c.activity_id, activity->kind,
                                                   activity->due_date, Date::Of(ctx.now), ctx.actor,
                                                   c.outcome});
}

Outcome DecideCommand(const CarePlanState& state, const CancelCareActivity& c,
                      const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  auto activity = RequireScheduled(state, c.activity_id);
  if (!activity.ok()) return Unexpected(activity.error());
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  return Emit<CarePlanEvent>(
      CareActivityCancelled{state.id, c.activity_id, activity->kind, c.reason, ctx.actor});
}

void Apply(CarePlanState& s, const CarePlanCreated& e) {
  s.exists = true;
  s.id = e.care_plan_id;
  s.customer_id = e.customer_id;
  s.contact_id = e.contact_id;
  s.owner_id = e.owner_id;
  s.name = e.name;
}

void Apply(CarePlanState& s, const CareActivityScheduled& e) {
  s.activities.push_back({e.activity_id, e.kind, e.due_date, e.assignee_id,
                          CareActivityStatus::kScheduled, std::nullopt});
}

void Apply(CarePlanState& s, const CareActivityCompleted& e) {
  for (CareActivity& a : s.activities) {
    if (a.activity_id != e.activity_id) continue;
    a.status = CareActivityStatus::kCompleted;
    a.completed_on = e.completed_on;
  }
}

void Apply(CarePlanState& s, const CareActivityCancelled& e) {
  for (CareActivity& a : s.activities) {
    if (a.activity_id == e.activity_id) a.status = CareActivityStatus::kCancelled;
  }
}

}  // namespace

Decision<CarePlanEvent> CarePlanAggregate::Decide(const State& state, const Command& command,
                                                  const DecideContext& context) {
  return std::visit([&](const auto& c) { return DecideCommand(state, c, context); }, command);
}

void CarePlanAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { Apply(state, e); }, event);
}

}  // namespace dealstream::domain
