// The contact's decision-tree commands: SetContactRole, ChangeContactStance
// and RemoveContactRole.
#include <gtest/gtest.h>

#include "domain/contact/contact.h"
#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain {
namespace {

using testing::Emits;
using testing::FakeDirectory;
using testing::GivenWhen;
using testing::IsRefused;
using A = ContactAggregate;
using R = ContactRole;

class ContactRolesTest : public ::testing::Test {
 protected:
  ContactRolesTest() {
    directory_.contacts["boss"] = {Id{"boss"}, Id{"c1"}, false};
    directory_.contacts["bigboss"] = {Id{"bigboss"}, Id{"c1"}, false};
    directory_.contacts["mine"] = {Id{"mine"}, Id{"c1"}, false};  // reports to k1 (see below)
    directory_.contacts["other"] = {Id{"other"}, Id{"c2"}, false};
    directory_.contacts["left"] = {Id{"left"}, Id{"c1"}, true};
    directory_.reports_to["boss/"] = Id{"bigboss"};
    directory_.reports_to["mine/o1"] = Id{"k1"};
    directory_.opportunities["o1"] = {Id{"o1"},     Id{"c1"}, Id{"li"},
                                      std::nullopt, "open",   Money{100, "USD"}};
    directory_.opportunities["o2"] = {Id{"o2"},     Id{"c2"}, Id{"li"},
                                      std::nullopt, "open",   Money{100, "USD"}};
  }

  Decision<A::Event> When(const std::vector<A::Event>& given, A::Command command) {
    return GivenWhen<A>(given, command, DecideContext{testing::TestNow(), Id{"li"}, directory_});
  }

  static std::vector<A::Event> Zhang(std::vector<A::Event> more = {}) {
    std::vector<A::Event> events = {
        ContactAdded{Id{"k1"}, Id{"c1"}, "CIO", std::nullopt, {"Zhang Wei"}}};
    events.insert(events.end(), more.begin(), more.end());
    return events;
  }
  // Zhang as decision maker in opportunity o1: influence 4, supporter, reports to boss.
  static ContactRoleAssigned InO1() {
    return ContactRoleAssigned{Id{"k1"}, Id{"c1"},           Id{"o1"},  R::kDecisionMaker,
                               4,        Stance::kSupporter, Id{"boss"}};
  }

  FakeDirectory directory_;
};

TEST_F(ContactRolesTest, AssignsARoleWithDefaults) {
  EXPECT_TRUE(Emits(When(Zhang(), SetContactRole{Id{"k1"}, std::nullopt, R::kTechnicalEvaluator}),
                    {ContactRoleAssigned{Id{"k1"}, Id{"c1"}, std::nullopt, R::kTechnicalEvaluator,
                                         3, Stance::kNeutral, std::nullopt}}));
  EXPECT_TRUE(Emits(When(Zhang(), SetContactRole{Id{"k1"}, Id{"o1"}, R::kDecisionMaker, 4,
                                                 Stance::kSupporter, Id{"boss"}}),
                    {InO1()}));
  // Roles in different trees are independent.
  EXPECT_TRUE(When(Zhang({InO1()}), SetContactRole{Id{"k1"}, std::nullopt, R::kUser}).ok());
}

TEST_F(ContactRolesTest, ChangesEmitOneSpecificEventPerAspectWithPreviousValues) {
  SetContactRole change{Id{"k1"}, Id{"o1"}, R::kEconomicBuyer, 5, Stance::kChampion, Id{"bigboss"}};
  EXPECT_TRUE(Emits(
      When(Zhang({InO1()}), change),
      {ContactRoleChanged{Id{"k1"}, Id{"c1"}, Id{"o1"}, R::kEconomicBuyer, R::kDecisionMaker},
       ContactInfluenceChanged{Id{"k1"}, Id{"c1"}, Id{"o1"}, 5, 4},
       ContactStanceChanged{Id{"k1"}, Id{"c1"}, Id{"o1"}, Stance::kChampion, Stance::kSupporter},
       ContactReportsToChanged{Id{"k1"}, Id{"c1"}, Id{"o1"}, Id{"bigboss"}, Id{"boss"}}}));
  // Absent optional fields keep their values.
  EXPECT_TRUE(Emits(
      When(Zhang({InO1()}),
           SetContactRole{Id{"k1"}, Id{"o1"}, R::kDecisionMaker, std::nullopt, Stance::kOpponent}),
      {ContactStanceChanged{Id{"k1"}, Id{"c1"}, Id{"o1"}, Stance::kOpponent, Stance::kSupporter}}));
  SetContactRole unlink{Id{"k1"}, Id{"o1"}, R::kDecisionMaker};
  unlink.clear_reports_to = true;
  EXPECT_TRUE(
      Emits(When(Zhang({InO1()}), unlink),
            {ContactReportsToChanged{Id{"k1"}, Id{"c1"}, Id{"o1"}, std::nullopt, Id{"boss"}}}));
  EXPECT_TRUE(
      IsRefused(When(Zhang({InO1()}), SetContactRole{Id{"k1"}, Id{"o1"}, R::kDecisionMaker, 4}),
                "contact_role_unchanged", "role"));
}

TEST_F(ContactRolesTest, RoleRules) {
  EXPECT_TRUE(IsRefused(When({}, SetContactRole{Id{"k1"}}), "contact_not_found", "contact_id"));
  EXPECT_TRUE(
      IsRefused(When(Zhang({ContactLeftCompany{Id{"k1"}, Id{"c1"}}}), SetContactRole{Id{"k1"}}),
                "contact_left_company", "contact_id"));
  EXPECT_TRUE(IsRefused(When(Zhang(), SetContactRole{Id{"k1"}, std::nullopt, R::kUser, 6}),
                        "influence_out_of_range", "influence"));
  EXPECT_TRUE(IsRefused(When(Zhang(), SetContactRole{Id{"k1"}, std::nullopt, R::kUser, 0}),
                        "influence_out_of_range", "influence"));
  EXPECT_TRUE(IsRefused(When(Zhang(), SetContactRole{Id{"k1"}, Id{"nope"}}),
                        "opportunity_not_found", "opportunity_id"));
  EXPECT_TRUE(IsRefused(When(Zhang(), SetContactRole{Id{"k1"}, Id{"o2"}}),
                        "opportunity_other_customer", "opportunity_id"));
  SetContactRole both{Id{"k1"},     std::nullopt, R::kUser, std::nullopt,
                      std::nullopt, Id{"boss"},   true};
  EXPECT_TRUE(IsRefused(When(Zhang(), both), "reports_to_conflict", "clear_reports_to"));
}

TEST_F(ContactRolesTest, ReportsToRules) {
  auto reporting_to = [](std::string boss, std::optional<Id> opportunity = std::nullopt) {
    return SetContactRole{Id{"k1"},     opportunity,  R::kUser,
                          std::nullopt, std::nullopt, Id{std::move(boss)}};
  };
  EXPECT_TRUE(IsRefused(When(Zhang(), reporting_to("k1")), "reports_to_self", "reports_to"));
  EXPECT_TRUE(IsRefused(When(Zhang(), reporting_to("nobody")), "contact_not_found", "reports_to"));
  EXPECT_TRUE(
      IsRefused(When(Zhang(), reporting_to("other")), "reports_to_other_customer", "reports_to"));
  EXPECT_TRUE(
      IsRefused(When(Zhang(), reporting_to("left")), "reports_to_left_company", "reports_to"));
  // "mine" reports to k1 in o1's tree: k1 reporting to "mine" there would be a cycle...
  EXPECT_TRUE(
      IsRefused(When(Zhang(), reporting_to("mine", Id{"o1"})), "reports_to_cycle", "reports_to"));
  // ...but not in the customer's own tree, where "mine" reports to nobody.
  EXPECT_TRUE(When(Zhang(), reporting_to("mine")).ok());
  // A longer chain: bigboss -> k1 would close k1 -> boss -> bigboss -> k1.
  directory_.reports_to["bigboss/"] = Id{"k1"};
  EXPECT_TRUE(IsRefused(When(Zhang(), reporting_to("boss")), "reports_to_cycle", "reports_to"));
}

TEST_F(ContactRolesTest, StanceChangesOverTime) {
  EXPECT_TRUE(Emits(When(Zhang({InO1()}), ChangeContactStance{Id{"k1"}, Id{"o1"}, Stance::kOpponent,
                                                              "met rival CEO"}),
                    {ContactStanceChanged{Id{"k1"}, Id{"c1"}, Id{"o1"}, Stance::kOpponent,
                                          Stance::kSupporter, "met rival CEO"}}));
  EXPECT_TRUE(
      IsRefused(When(Zhang({InO1()}), ChangeContactStance{Id{"k1"}, Id{"o1"}, Stance::kSupporter}),
                "stance_unchanged", "stance"));
  EXPECT_TRUE(IsRefused(
      When(Zhang({InO1()}), ChangeContactStance{Id{"k1"}, std::nullopt, Stance::kChampion}),
      "contact_role_not_found", "contact_id"));
  EXPECT_TRUE(IsRefused(When(Zhang(), ChangeContactStance{Id{"k1"}, Id{"o1"}, Stance::kChampion}),
                        "contact_role_not_found", "opportunity_id"));
  ContactState after = testing::StateAfter<A>(
      Zhang({InO1(), ContactStanceChanged{Id{"k1"}, Id{"c1"}, Id{"o1"}, Stance::kChampion,
                                          Stance::kSupporter}}));
  ASSERT_NE(RoleIn(after, Id{"o1"}), nullptr);
  EXPECT_EQ(RoleIn(after, Id{"o1"})->stance, Stance::kChampion);
  EXPECT_EQ(RoleIn(after, std::nullopt), nullptr);
}

TEST_F(ContactRolesTest, RemovesARole) {
  EXPECT_TRUE(Emits(
      When(Zhang({InO1()}), RemoveContactRole{Id{"k1"}, Id{"o1"}, "moved to another project"}),
      {ContactRoleRemoved{Id{"k1"}, Id{"c1"}, Id{"o1"}, R::kDecisionMaker,
                          "moved to another project"}}));
  EXPECT_TRUE(IsRefused(When(Zhang(), RemoveContactRole{Id{"k1"}, Id{"o1"}}),
                        "contact_role_not_found", "opportunity_id"));
  ContactState removed =
      testing::StateAfter<A>(Zhang({InO1(), ContactRoleRemoved{Id{"k1"}, Id{"c1"}, Id{"o1"}}}));
  EXPECT_TRUE(removed.roles.empty());
}

TEST_F(ContactRolesTest, ReportsToFactsPerTree) {
  ContactState state = testing::StateAfter<A>(Zhang({InO1()}));
  EXPECT_EQ(ReportsToIn(state, Id{"o1"}), Id{"boss"});
  EXPECT_EQ(ReportsToIn(state, std::nullopt), std::nullopt);
  std::optional<ContactFacts> facts = FactsOf(state);
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->customer_id, Id{"c1"});
  EXPECT_FALSE(facts->left_company);
}

}  // namespace
}  // namespace dealstream::domain
