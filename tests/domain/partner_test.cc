#include "domain/organisation/partner.h"

#include <gtest/gtest.h>

#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain {
namespace {

using testing::Emits;
using testing::FakeDirectory;
using testing::GivenWhen;
using testing::IsRefused;
using A = PartnerAggregate;

class PartnerTest : public ::testing::Test {
 protected:
  Decision<A::Event> When(const std::vector<A::Event>& given, A::Command command) {
    return GivenWhen<A>(given, command, DecideContext{testing::TestNow(), Id{"admin"}, directory_});
  }

  static std::vector<A::Event> Acme() {
    return {PartnerRegistered{Id{"p1"}, "Acme Systems", PartnerKind::kReseller, "East",
                              std::nullopt, "https://acme.example"}};
  }
  static std::vector<A::Event> Deactivated() {
    std::vector<A::Event> events = Acme();
    events.push_back(PartnerDeactivated{Id{"p1"}, std::nullopt});
    return events;
  }

  FakeDirectory directory_;
};

TEST_F(PartnerTest, Registers) {
  EXPECT_TRUE(Emits(When({}, RegisterPartner{Id{"p1"}, "Acme Systems", PartnerKind::kReseller,
                                             "East", "", "https://acme.example"}),
                    Acme()));
}

TEST_F(PartnerTest, RegistrationRules) {
  EXPECT_TRUE(IsRefused(When({}, RegisterPartner{std::nullopt, "A"}), "id_required", "id"));
  EXPECT_TRUE(IsRefused(When(Acme(), RegisterPartner{Id{"p1"}, "A"}), "partner_exists", ""));
  EXPECT_TRUE(IsRefused(When({}, RegisterPartner{Id{"p1"}, "\t"}), "name_blank", "name"));
}

TEST_F(PartnerTest, UpdateListsOnlyChangedFieldsWithPreviousValues) {
  UpdatePartner update{Id{"p1"}, "Acme Systems",     PartnerKind::kIntegrator,
                       "",       "+86 21 5555 0100", std::nullopt};
  PartnerProfileUpdated expected{Id{"p1"}};
  expected.kind = PartnerKindChange{PartnerKind::kIntegrator, PartnerKind::kReseller};
  expected.region = TextChange{std::nullopt, "East"};
  expected.phone = TextChange{"+86 21 5555 0100", std::nullopt};
  EXPECT_TRUE(Emits(When(Acme(), update), {expected}));

  PartnerState after = testing::StateAfter<A>({Acme()[0], expected});
  EXPECT_EQ(after.kind, PartnerKind::kIntegrator);
  EXPECT_EQ(after.region, std::nullopt);
  EXPECT_EQ(after.phone, "+86 21 5555 0100");
  EXPECT_EQ(after.website, "https://acme.example");
}

TEST_F(PartnerTest, UpdateRules) {
  EXPECT_TRUE(
      IsRefused(When(Acme(), UpdatePartner{Id{"p1"}, "Acme Systems", PartnerKind::kReseller}),
                "nothing_to_update", ""));
  EXPECT_TRUE(IsRefused(When(Acme(), UpdatePartner{Id{"p1"}, " "}), "name_blank", "name"));
  EXPECT_TRUE(IsRefused(When({}, UpdatePartner{Id{"p1"}, "B"}), "partner_not_found", "partner_id"));
  EXPECT_TRUE(IsRefused(When(Deactivated(), UpdatePartner{Id{"p1"}, "B"}), "partner_inactive",
                        "partner_id"));
}

TEST_F(PartnerTest, DeactivatesAndReactivates) {
  EXPECT_TRUE(Emits(When(Acme(), DeactivatePartner{Id{"p1"}, "contract ended"}),
                    {PartnerDeactivated{Id{"p1"}, "contract ended"}}));
  EXPECT_TRUE(IsRefused(When(Deactivated(), DeactivatePartner{Id{"p1"}, std::nullopt}),
                        "partner_inactive", "partner_id"));
  EXPECT_TRUE(
      Emits(When(Deactivated(), ReactivatePartner{Id{"p1"}}), {PartnerReactivated{Id{"p1"}}}));
  EXPECT_TRUE(IsRefused(When(Acme(), ReactivatePartner{Id{"p1"}}), "partner_active", "partner_id"));
  EXPECT_TRUE(IsRefused(When({}, ReactivatePartner{Id{"p1"}}), "partner_not_found", "partner_id"));
}

TEST_F(PartnerTest, FactsFollowTheEvents) {
  EXPECT_FALSE(FactsOf(testing::StateAfter<A>({})));
  EXPECT_TRUE(FactsOf(testing::StateAfter<A>(Acme()))->active);
  std::optional<PartnerFacts> facts = FactsOf(testing::StateAfter<A>(Deactivated()));
  EXPECT_EQ(facts->name, "Acme Systems");
  EXPECT_FALSE(facts->active);
}

}  // namespace
}  // namespace dealstream::domain
