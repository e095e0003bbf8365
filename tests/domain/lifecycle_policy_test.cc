#include "domain/customer/lifecycle_policy.h"

#include <gtest/gtest.h>

namespace dealstream::domain {
namespace {

using L = Lifecycle;
using T = LifecycleTrigger;

// The state the policy derives, or nullopt; fails the test if the command
// is for another customer.
std::optional<L> Derive(L current, T trigger, CustomerBusiness business = {},
                        LifecyclePolicyOptions options = {}) {
  std::optional<DeriveCustomerLifecycle> command =
      DeriveLifecycle(Id{"c1"}, current, trigger, business, options);
  if (!command) return std::nullopt;
  EXPECT_EQ(command->customer_id, Id{"c1"});
  EXPECT_FALSE(command->reason.empty());
  return command->lifecycle;
}

std::string ReasonFor(L current, T trigger, CustomerBusiness business = {}) {
  std::optional<DeriveCustomerLifecycle> command =
      DeriveLifecycle(Id{"c1"}, current, trigger, business);
  return command ? command->reason : "";
}

TEST(LifecyclePolicyTest, EngagementMakesATargetPotential) {
  EXPECT_EQ(Derive(L::kTarget, T::kEngaged), L::kPotential);
  EXPECT_EQ(ReasonFor(L::kTarget, T::kEngaged), "engaged");
  for (L later : {L::kPotential, L::kOpportunity, L::kSigned, L::kLoyal, L::kChurned}) {
    EXPECT_EQ(Derive(later, T::kEngaged), std::nullopt);
  }
}

TEST(LifecyclePolicyTest, FirstOpportunityOpened) {
  CustomerBusiness one_open{.open_opportunities = 1};
  EXPECT_EQ(Derive(L::kTarget, T::kOpportunityOpened, one_open), L::kOpportunity);
  EXPECT_EQ(Derive(L::kPotential, T::kOpportunityOpened, one_open), L::kOpportunity);
  EXPECT_EQ(ReasonFor(L::kPotential, T::kOpportunityOpened, one_open), "first_opportunity_opened");
  EXPECT_EQ(Derive(L::kChurned, T::kOpportunityOpened, one_open), L::kOpportunity);
  EXPECT_EQ(ReasonFor(L::kChurned, T::kOpportunityOpened, one_open), "reactivated_by_opportunity");
  // An existing customer with a new deal stays what it is.
  EXPECT_EQ(Derive(L::kSigned, T::kOpportunityOpened, one_open), std::nullopt);
  EXPECT_EQ(Derive(L::kLoyal, T::kOpportunityOpened, one_open), std::nullopt);
  EXPECT_EQ(Derive(L::kOpportunity, T::kOpportunityOpened, one_open), std::nullopt);
}

TEST(LifecyclePolicyTest, FirstContractSignedOrDealWon) {
  CustomerBusiness first{.signed_contracts = 1, .active_contracts = 1};
  for (L before : {L::kTarget, L::kPotential, L::kOpportunity, L::kChurned}) {
    EXPECT_EQ(Derive(before, T::kContractSigned, first), L::kSigned);
  }
  EXPECT_EQ(ReasonFor(L::kOpportunity, T::kContractSigned, first), "first_contract_signed");
  CustomerBusiness won{.won_opportunities = 1};
  EXPECT_EQ(Derive(L::kOpportunity, T::kOpportunityWon, won), L::kSigned);
  EXPECT_EQ(ReasonFor(L::kOpportunity, T::kOpportunityWon, won), "first_deal_won");
  // The contract of a deal already won changes nothing.
  CustomerBusiness won_then_signed{
      .won_opportunities = 1, .signed_contracts = 1, .active_contracts = 1};
  EXPECT_EQ(Derive(L::kSigned, T::kContractSigned, won_then_signed), std::nullopt);
}

TEST(LifecyclePolicyTest, RepeatPurchaseMakesLoyal) {
  CustomerBusiness second{.won_opportunities = 1, .signed_contracts = 2, .active_contracts = 1};
  EXPECT_EQ(Derive(L::kSigned, T::kContractSigned, second), L::kLoyal);
  EXPECT_EQ(ReasonFor(L::kSigned, T::kContractSigned, second), "repeat_purchase");
  EXPECT_EQ(Derive(L::kOpportunity, T::kOpportunityWon, CustomerBusiness{.won_opportunities = 2}),
            L::kLoyal);
  EXPECT_EQ(Derive(L::kLoyal, T::kContractSigned, second), std::nullopt);
  // The threshold is an option.
  EXPECT_EQ(Derive(L::kSigned, T::kContractSigned, second, {.loyal_after_purchases = 3}),
            std::nullopt);
  EXPECT_EQ(Derive(L::kSigned, T::kContractSigned, CustomerBusiness{.signed_contracts = 3},
                   {.loyal_after_purchases = 3}),
            L::kLoyal);
}

TEST(LifecyclePolicyTest, AllDealsLostReturnsToPotential) {
  EXPECT_EQ(Derive(L::kOpportunity, T::kOpportunityLost, {}), L::kPotential);
  EXPECT_EQ(ReasonFor(L::kOpportunity, T::kOpportunityLost, {}), "all_opportunities_lost");
  EXPECT_EQ(Derive(L::kOpportunity, T::kOpportunityLost, CustomerBusiness{.open_opportunities = 1}),
            std::nullopt);
  // A former customer whose comeback deal is lost churns again.
  EXPECT_EQ(Derive(L::kOpportunity, T::kOpportunityLost, CustomerBusiness{.won_opportunities = 1}),
            L::kChurned);
  EXPECT_EQ(Derive(L::kSigned, T::kOpportunityLost, {}), std::nullopt);
}

TEST(LifecyclePolicyTest, NoActiveBusinessAndNoActivityChurns) {
  CustomerBusiness idle{
      .won_opportunities = 1, .signed_contracts = 1, .days_since_last_activity = 400};
  EXPECT_EQ(Derive(L::kSigned, T::kInactivityReviewed, idle), L::kChurned);
  EXPECT_EQ(Derive(L::kLoyal, T::kContractEnded, idle), L::kChurned);
  EXPECT_EQ(ReasonFor(L::kLoyal, T::kContractEnded, idle), "no_active_business");
  EXPECT_EQ(Derive(L::kSigned, T::kContractEnded, CustomerBusiness{.signed_contracts = 1}),
            L::kChurned);

  CustomerBusiness recent = idle;
  recent.days_since_last_activity = 30;
  EXPECT_EQ(Derive(L::kSigned, T::kInactivityReviewed, recent), std::nullopt);
  EXPECT_EQ(Derive(L::kSigned, T::kInactivityReviewed, recent, {.churn_after_inactive_days = 30}),
            L::kChurned);
  CustomerBusiness active = idle;
  active.active_contracts = 1;
  EXPECT_EQ(Derive(L::kSigned, T::kContractEnded, active), std::nullopt);
  CustomerBusiness dealing = idle;
  dealing.open_opportunities = 1;
  EXPECT_EQ(Derive(L::kLoyal, T::kInactivityReviewed, dealing), std::nullopt);
  // Prospects that go quiet were never customers, so they do not churn.
  EXPECT_EQ(Derive(L::kPotential, T::kInactivityReviewed, idle), std::nullopt);
}

}  // namespace
}  // namespace dealstream::domain
