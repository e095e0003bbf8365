#include "domain/customer/customer.h"

#include <string>

#include "domain/common/change.h"
#include "domain/common/checks.h"
#include "domain/common/text_rules.h"
#include "domain/config/custom_fields.h"
#include "domain/customer/customer_decide.h"
#include "domain/organisation/org_checks.h"

namespace dealstream::domain {
namespace customer_internal {

std::optional<DomainError> RequireUsable(const CustomerState& state, bool allow_archived) {
  if (!state.exists) {
    return NotFound("customer_not_found", "customer_id", "customer_id: no such customer");
  }
  if (state.merged_into) {
    return RuleViolated(
        "customer_merged", "customer_id",
        "customer_id: was merged into \"" + state.merged_into->value + "\"; use that customer");
  }
  if (state.archived && !allow_archived) {
    return RuleViolated("customer_archived", "customer_id",
                        "customer_id: is archived; restore it first");
  }
  return std::nullopt;
}

Outcome DecideOne(const CustomerState& state, const RegisterCustomer& c, const DecideContext& ctx) {
  if (!c.id) {
    return Refuse(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Refuse(AlreadyExists("customer_exists", "customer \"" + c.id->value + "\" exists"));
  }
  if (IsBlank(c.name)) return Refuse(Invalid("name_blank", "name", "name: must not be blank"));
  auto owner = RequireActiveEmployee(ctx.directory, c.owner_id, "owner_id", "owner");
  if (!owner.ok()) return Refuse(owner.error());
  Id department = c.department_id.value_or(owner->department_id);
  if (auto e = RequireOpenDepartment(ctx.directory, department, "department_id")) return Refuse(*e);
  return Emit<Event>(CustomerRegistered{*c.id, c.name, c.owner_id, department, NonEmpty(c.industry),
                                        NonEmpty(c.region), c.size, NonEmpty(c.source),
                                        NonEmpty(c.address), NonEmpty(c.phone), NonEmpty(c.website),
                                        c.lifecycle.value_or(Lifecycle::kTarget)});
}

Outcome DecideOne(const CustomerState& state, const UpdateCustomerProfile& c,
                  const DecideContext&) {
  if (auto e = RequireUsable(state)) return Refuse(*e);
  if (c.name && IsBlank(*c.name)) {
    return Refuse(Invalid("name_blank", "name", "name: must not be blank"));
  }
  CustomerProfileUpdated event{c.customer_id};
  event.name = DiffText(c.name, state.name);
  event.industry = DiffText(c.industry, state.industry);
  event.region = DiffText(c.region, state.region);
  if (c.size && c.size != state.size) event.size = CustomerSizeChange{c.size, state.size};
  event.source = DiffText(c.source, state.source);
  event.address = DiffText(c.address, state.address);
  event.phone = DiffText(c.phone, state.phone);
  event.website = DiffText(c.website, state.website);
  if (event == CustomerProfileUpdated{c.customer_id}) {
    return Refuse(
        RuleViolated("nothing_to_update", "", "the update changes no field of the customer"));
  }
  return Emit<Event>(std::move(event));
}

Outcome DecideOne(const CustomerState& state, const SetCustomerCustomFields& c,
                  const DecideContext& ctx) {
  if (auto e = RequireUsable(state)) return Refuse(*e);
  auto changes = DiffCustomFieldValues("customer", state.custom_fields, c.values, ctx.directory);
  if (!changes.ok()) return Refuse(changes.error());
  return Emit<Event>(CustomerCustomFieldsSet{c.customer_id, std::move(*changes)});
}

Outcome DecideOne(const CustomerState& state, const AssignCustomer& c, const DecideContext& ctx) {
  if (auto e = RequireUsable(state)) return Refuse(*e);
  if (!c.owner_id && !c.department_id) {
    return Refuse(Invalid("assignment_required", "owner_id",
                          "owner_id: give a new owner_id and/or department_id"));
  }
  Id owner = c.owner_id.value_or(state.owner_id);
  Id department = state.department_id;
  if (c.owner_id) {
    auto facts = RequireActiveEmployee(ctx.directory, owner, "owner_id", "owner");
    if (!facts.ok()) return Refuse(facts.error());
    if (owner != state.owner_id) department = facts->department_id;
  }
  if (c.department_id) department = *c.department_id;
  if (owner == state.owner_id && department == state.department_id) {
    return Refuse(RuleViolated("assignment_unchanged", c.owner_id ? "owner_id" : "department_id",
                               "the customer is assigned like this already"));
  }
  if (department != state.department_id) {
    if (auto e = RequireOpenDepartment(ctx.directory, department, "department_id")) {
      return Refuse(*e);
    }
  }
  return Emit<Event>(CustomerAssigned{c.customer_id, owner, state.owner_id, department,
                                      state.department_id, c.reason});
}

Outcome DecideOne(const CustomerState& state, const ArchiveCustomer& c, const DecideContext&) {
  if (auto e = RequireUsable(state)) return Refuse(*e);
  return Emit<Event>(CustomerArchived{c.customer_id, c.reason});
}

Outcome DecideOne(const CustomerState& state, const RestoreCustomer& c, const DecideContext&) {
  if (auto e = RequireUsable(state, /*allow_archived=*/true)) return Refuse(*e);
  if (!state.archived) {
    return Refuse(
        RuleViolated("customer_not_archived", "customer_id", "customer_id: is not archived"));
  }
  return Emit<Event>(CustomerRestored{c.customer_id});
}

namespace {

void EvolveOne(CustomerState& s, const CustomerRegistered& e) {
  s.exists = true;
  s.id = e.customer_id;
  s.name = e.name;
  s.owner_id = e.owner_id;
  s.department_id = e.department_id;
  s.industry = e.industry;
  s.region = e.region;
  s.size = e.size;
  s.source = e.source;
  s.address = e.address;
  s.phone = e.phone;
  s.website = e.website;
  s.lifecycle = e.lifecycle;
}
void EvolveOne(CustomerState& s, const CustomerProfileUpdated& e) {
  // The name is required, so its change always carries a value.
  if (e.name && e.name->value) s.name = *e.name->value;
  ApplyChange(e.industry, s.industry);
  ApplyChange(e.region, s.region);
  if (e.size) s.size = e.size->value;
  ApplyChange(e.source, s.source);
  ApplyChange(e.address, s.address);
  ApplyChange(e.phone, s.phone);
  ApplyChange(e.website, s.website);
}
void EvolveOne(CustomerState& s, const CustomerCustomFieldsSet& e) {
  ApplyCustomFieldChanges(s.custom_fields, e.changes);
}
void EvolveOne(CustomerState& s, const CustomerAssigned& e) {
  s.owner_id = e.owner_id;
  s.department_id = e.department_id;
}
void EvolveOne(CustomerState& s, const CustomerArchived&) { s.archived = true; }
void EvolveOne(CustomerState& s, const CustomerRestored&) { s.archived = false; }
void EvolveOne(CustomerState& s, const CustomerDuplicateMerged& e) {
  s.merged_into = e.survivor_id;
}
void EvolveOne(CustomerState& s, const CustomerDuplicateAbsorbed& e) {
  s.absorbed_duplicates.push_back(e.duplicate_id);
}
void EvolveOne(CustomerState& s, const CustomerLifecycleChanged& e) { s.lifecycle = e.to; }

}  // namespace

void EvolveAny(CustomerState& state, const Event& event) {
  std::visit([&](const auto& e) { EvolveOne(state, e); }, event);
}

}  // namespace customer_internal

Decision<CustomerAggregate::Event> CustomerAggregate::Decide(const State& state,
                                                             const Command& command,
                                                             const DecideContext& ctx) {
  return std::visit([&](const auto& c) { return customer_internal::DecideOne(state, c, ctx); },
                    command);
}

void CustomerAggregate::Evolve(State& state, const Event& event, Timestamp) {
  customer_internal::EvolveAny(state, event);
}

std::optional<CustomerFacts> FactsOf(const CustomerState& state) {
  if (!state.exists) return std::nullopt;
  return CustomerFacts{state.id,
                       state.name,
                       state.owner_id,
                       state.department_id,
                       std::string(NameOf(state.lifecycle)),
                       state.archived,
                       state.merged_into.has_value(),
                       state.merged_into};
}

RecordMergedDuplicate FollowUpOf(const CustomerDuplicateMerged& merged) {
  return RecordMergedDuplicate{merged.survivor_id, merged.customer_id};
}

}  // namespace dealstream::domain
