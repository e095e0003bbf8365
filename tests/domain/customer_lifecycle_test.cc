// The customer's merge and lifecycle commands.
#include <gtest/gtest.h>

#include "domain/customer/customer.h"
#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain {
namespace {

using testing::Emits;
using testing::FakeDirectory;
using testing::GivenWhen;
using testing::IsRefused;
using A = CustomerAggregate;
using L = Lifecycle;

class CustomerLifecycleTest : public ::testing::Test {
 protected:
  CustomerLifecycleTest() {
    directory_.customers["c2"] = {
        Id{"c2"}, "Huaxin Steel Group", Id{"li"}, Id{"east"}, "signed", false, false, {}};
    directory_.customers["archived"] = {Id{"archived"}, "A",  Id{"li"}, Id{"east"},
                                        "target",       true, false,    {}};
    directory_.customers["gone"] = {Id{"gone"}, "G",   Id{"li"}, Id{"east"},
                                    "target",   false, true,     Id{"c9"}};
  }

  Decision<A::Event> When(const std::vector<A::Event>& given, A::Command command) {
    return GivenWhen<A>(given, command, DecideContext{testing::TestNow(), Id{"li"}, directory_});
  }

  static std::vector<A::Event> Customer(std::vector<A::Event> more = {}) {
    std::vector<A::Event> events = {
        CustomerRegistered{Id{"c1"}, "Huaxin Steel", Id{"li"}, Id{"east"}}};
    events.insert(events.end(), more.begin(), more.end());
    return events;
  }

  FakeDirectory directory_;
};

TEST_F(CustomerLifecycleTest, MergesADuplicateIntoTheSurvivor) {
  EXPECT_TRUE(Emits(When(Customer(), MergeCustomer{Id{"c1"}, Id{"c2"}, "same company"}),
                    {CustomerDuplicateMerged{Id{"c1"}, Id{"c2"}, "same company"}}));
  // Old archived duplicates are the usual thing to merge.
  EXPECT_TRUE(
      When(Customer({CustomerArchived{Id{"c1"}, std::nullopt}}), MergeCustomer{Id{"c1"}, Id{"c2"}})
          .ok());
  EXPECT_EQ(FollowUpOf(CustomerDuplicateMerged{Id{"c1"}, Id{"c2"}, std::nullopt}).customer_id,
            Id{"c2"});
  EXPECT_EQ(FollowUpOf(CustomerDuplicateMerged{Id{"c1"}, Id{"c2"}, std::nullopt}).duplicate_id,
            Id{"c1"});
}

TEST_F(CustomerLifecycleTest, MergeRules) {
  EXPECT_TRUE(IsRefused(When(Customer(), MergeCustomer{Id{"c1"}, Id{"c1"}}), "merge_into_self",
                        "survivor_id"));
  EXPECT_TRUE(IsRefused(When(Customer(), MergeCustomer{Id{"c1"}, Id{"nope"}}), "customer_not_found",
                        "survivor_id"));
  EXPECT_TRUE(IsRefused(When(Customer(), MergeCustomer{Id{"c1"}, Id{"gone"}}), "customer_merged",
                        "survivor_id"));
  EXPECT_TRUE(IsRefused(When(Customer(), MergeCustomer{Id{"c1"}, Id{"archived"}}),
                        "customer_archived", "survivor_id"));
  EXPECT_TRUE(IsRefused(When(Customer({CustomerDuplicateMerged{Id{"c1"}, Id{"c2"}, std::nullopt}}),
                             MergeCustomer{Id{"c1"}, Id{"c2"}}),
                        "customer_merged", "customer_id"));
  EXPECT_TRUE(
      IsRefused(When({}, MergeCustomer{Id{"c1"}, Id{"c2"}}), "customer_not_found", "customer_id"));
}

TEST_F(CustomerLifecycleTest, TheSurvivorRecordsTheMergeOnce) {
  directory_.customers["dup"] = {Id{"dup"}, "Huaxin", Id{"li"}, Id{"east"},
                                 "target",  false,    true,     Id{"c1"}};
  EXPECT_TRUE(Emits(When(Customer(), RecordMergedDuplicate{Id{"c1"}, Id{"dup"}}),
                    {CustomerDuplicateAbsorbed{Id{"c1"}, Id{"dup"}}}));
  std::vector<A::Event> recorded = Customer({CustomerDuplicateAbsorbed{Id{"c1"}, Id{"dup"}}});
  EXPECT_TRUE(IsRefused(When(recorded, RecordMergedDuplicate{Id{"c1"}, Id{"dup"}}),
                        "duplicate_already_recorded", "duplicate_id"));
  EXPECT_EQ(testing::StateAfter<A>(recorded).absorbed_duplicates, std::vector<Id>{Id{"dup"}});
  // "gone" was merged into another customer, "c2" was not merged at all.
  EXPECT_TRUE(IsRefused(When(Customer(), RecordMergedDuplicate{Id{"c1"}, Id{"gone"}}),
                        "duplicate_not_merged_here", "duplicate_id"));
  EXPECT_TRUE(IsRefused(When(Customer(), RecordMergedDuplicate{Id{"c1"}, Id{"c2"}}),
                        "duplicate_not_merged_here", "duplicate_id"));
}

TEST_F(CustomerLifecycleTest, ManualChangeNeedsAReason) {
  EXPECT_TRUE(Emits(
      When(Customer(), ChangeCustomerLifecycle{Id{"c1"}, L::kPotential, "met the CIO at the fair"}),
      {CustomerLifecycleChanged{Id{"c1"}, L::kTarget, L::kPotential, "met the CIO at the fair",
                                LifecycleCause::kManual}}));
  EXPECT_TRUE(IsRefused(When(Customer(), ChangeCustomerLifecycle{Id{"c1"}, L::kPotential, "  "}),
                        "reason_required", "reason"));
  EXPECT_TRUE(IsRefused(When(Customer(), ChangeCustomerLifecycle{Id{"c1"}, L::kTarget, "why not"}),
                        "lifecycle_unchanged", "lifecycle"));
  EXPECT_TRUE(IsRefused(When(Customer({CustomerArchived{Id{"c1"}, std::nullopt}}),
                             ChangeCustomerLifecycle{Id{"c1"}, L::kPotential, "r"}),
                        "customer_archived", "customer_id"));
}

TEST_F(CustomerLifecycleTest, DerivedChangeRecordsItsRuleAndIgnoresRepeats) {
  EXPECT_TRUE(
      Emits(When(Customer(),
                 DeriveCustomerLifecycle{Id{"c1"}, L::kOpportunity, "first_opportunity_opened"}),
            {CustomerLifecycleChanged{Id{"c1"}, L::kTarget, L::kOpportunity,
                                      "first_opportunity_opened", LifecycleCause::kDerived}}));
  EXPECT_TRUE(
      Emits(When(Customer(), DeriveCustomerLifecycle{Id{"c1"}, L::kTarget, "engaged"}), {}));
  // Facts about an archived customer still count; a merged one is closed.
  EXPECT_TRUE(When(Customer({CustomerArchived{Id{"c1"}, std::nullopt}}),
                   DeriveCustomerLifecycle{Id{"c1"}, L::kChurned, "no_active_business"})
                  .ok());
  EXPECT_TRUE(
      IsRefused(When(Customer({CustomerDuplicateMerged{Id{"c1"}, Id{"c2"}, std::nullopt}}),
                     DeriveCustomerLifecycle{Id{"c1"}, L::kSigned, "first_contract_signed"}),
                "customer_merged", "customer_id"));
  EXPECT_TRUE(IsRefused(When(Customer(), DeriveCustomerLifecycle{Id{"c1"}, L::kSigned, ""}),
                        "reason_required", "reason"));
  std::vector<A::Event> moved = Customer({CustomerLifecycleChanged{
      Id{"c1"}, L::kTarget, L::kSigned, "first_contract_signed", LifecycleCause::kDerived}});
  EXPECT_EQ(testing::StateAfter<A>(moved).lifecycle, L::kSigned);
}

}  // namespace
}  // namespace dealstream::domain
