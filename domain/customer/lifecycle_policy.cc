#include "domain/customer/lifecycle_policy.h"

#include <algorithm>
#include <string>

namespace dealstream::domain {
namespace {

using L = Lifecycle;
using T = LifecycleTrigger;

bool IsOneOf(L value, std::initializer_list<L> options) {
  return std::find(options.begin(), options.end(), value) != options.end();
}

std::optional<std::pair<L, std::string_view>> Rule(L current, T trigger,
                                                   const CustomerBusiness& business,
                                                   const LifecyclePolicyOptions& options) {
  const int32_t purchases = std::max(business.won_opportunities, business.signed_contracts);
  switch (trigger) {
    case T::kEngaged:
      if (current == L::kTarget) return std::pair{L::kPotential, "engaged"};
      return std::nullopt;
    case T::kOpportunityOpened:
      if (IsOneOf(current, {L::kTarget, L::kPotential})) {
        return std::pair{L::kOpportunity, "first_opportunity_opened"};
      }
      if (current == L::kChurned) return std::pair{L::kOpportunity, "reactivated_by_opportunity"};
      return std::nullopt;
    case T::kOpportunityWon:
    case T::kContractSigned:
      if (purchases >= options.loyal_after_purchases && current != L::kLoyal) {
        return std::pair{L::kLoyal, "repeat_purchase"};
      }
      if (IsOneOf(current, {L::kTarget, L::kPotential, L::kOpportunity, L::kChurned})) {
        return std::pair{
            L::kSigned, trigger == T::kOpportunityWon ? "first_deal_won" : "first_contract_signed"};
      }
      return std::nullopt;
    case T::kOpportunityLost:
      if (current != L::kOpportunity || business.open_opportunities > 0) return std::nullopt;
      return std::pair{purchases == 0 ? L::kPotential : L::kChurned, "all_opportunities_lost"};
    case T::kContractEnded:
    case T::kInactivityReviewed: {
      bool idle = !business.days_since_last_activity ||
                  *business.days_since_last_activity >= options.churn_after_inactive_days;
      if (IsOneOf(current, {L::kSigned, L::kLoyal}) && business.active_contracts == 0 &&
          business.open_opportunities == 0 && idle) {
        return std::pair{L::kChurned, "no_active_business"};
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<DeriveCustomerLifecycle> DeriveLifecycle(const Id& customer_id, Lifecycle current,
                                                       LifecycleTrigger trigger,
                                                       const CustomerBusiness& business,
                                                       const LifecyclePolicyOptions& options) {
  auto rule = Rule(current, trigger, business, options);
  if (!rule || rule->first == current) return std::nullopt;
  return DeriveCustomerLifecycle{customer_id, rule->first, std::string(rule->second)};
}

}  // namespace dealstream::domain
