// The customer's merge and lifecycle deciders.
#include <algorithm>
#include <string>

#include "domain/common/text_rules.h"
#include "domain/customer/customer_decide.h"

namespace dealstream::domain::customer_internal {

Outcome DecideOne(const CustomerState& state, const MergeCustomer& c, const DecideContext& ctx) {
  // An archived duplicate may still be merged: cleaning up old duplicates is
  // the usual case.
  if (auto e = RequireUsable(state, /*allow_archived=*/true)) return Refuse(*e);
  if (c.survivor_id == c.customer_id) {
    return Refuse(Invalid("merge_into_self", "survivor_id",
                          "survivor_id: a customer cannot be merged into itself"));
  }
  std::optional<CustomerFacts> survivor = ctx.directory.FindCustomer(c.survivor_id);
  if (!survivor) {
    return Refuse(NotFound("customer_not_found", "survivor_id",
                           "survivor_id: no customer has id \"" + c.survivor_id.value + "\""));
  }
  if (survivor->merged) {
    return Refuse(RuleViolated(
        "customer_merged", "survivor_id",
        "survivor_id: \"" + c.survivor_id.value + "\" was itself merged into another customer"));
  }
  if (survivor->archived) {
    return Refuse(
        RuleViolated("customer_archived", "survivor_id",
                     "survivor_id: \"" + c.survivor_id.value + "\" is archived; restore it first"));
  }
  return Emit<Event>(CustomerDuplicateMerged{c.customer_id, c.survivor_id, c.reason});
}

Outcome DecideOne(const CustomerState& state, const RecordMergedDuplicate& c,
                  const DecideContext& ctx) {
  if (auto e = RequireUsable(state, /*allow_archived=*/true)) return Refuse(*e);
  std::optional<CustomerFacts> duplicate = ctx.directory.FindCustomer(c.duplicate_id);
  if (!duplicate || duplicate->merged_into != c.customer_id) {
    return Refuse(RuleViolated(
        "duplicate_not_merged_here", "duplicate_id",
        "duplicate_id: \"" + c.duplicate_id.value + "\" was not merged into this customer"));
  }
  const std::vector<Id>& absorbed = state.absorbed_duplicates;
  if (std::find(absorbed.begin(), absorbed.end(), c.duplicate_id) != absorbed.end()) {
    return Refuse(RuleViolated(
        "duplicate_already_recorded", "duplicate_id",
        "duplicate_id: the merge of \"" + c.duplicate_id.value + "\" is recorded already"));
  }
  return Emit<Event>(CustomerDuplicateAbsorbed{c.customer_id, c.duplicate_id});
}

Outcome DecideOne(const CustomerState& state, const ChangeCustomerLifecycle& c,
                  const DecideContext&) {
  if (auto e = RequireUsable(state)) return Refuse(*e);
  if (IsBlank(c.reason)) {
    return Refuse(
        Invalid("reason_required", "reason", "reason: say why the lifecycle is set by hand"));
  }
  if (c.lifecycle == state.lifecycle) {
    return Refuse(RuleViolated(
        "lifecycle_unchanged", "lifecycle",
        "lifecycle: the customer is \"" + std::string(NameOf(c.lifecycle)) + "\" already"));
  }
  return Emit<Event>(CustomerLifecycleChanged{c.customer_id, state.lifecycle, c.lifecycle, c.reason,
                                              LifecycleCause::kManual});
}

Outcome DecideOne(const CustomerState& state, const DeriveCustomerLifecycle& c,
                  const DecideContext&) {
  // Facts about an archived customer (a contract completing, say) still
  // move its lifecycle; only a merged-away record is closed for good.
  if (auto e = RequireUsable(state, /*allow_archived=*/true)) return Refuse(*e);
  if (IsBlank(c.reason)) {
    return Refuse(Invalid("reason_required", "reason", "reason: name the derivation rule"));
  }
  if (c.lifecycle == state.lifecycle) return NoEvents<Event>();
  return Emit<Event>(CustomerLifecycleChanged{c.customer_id, state.lifecycle, c.lifecycle, c.reason,
                                              LifecycleCause::kDerived});
}

}  // namespace dealstream::domain::customer_internal
