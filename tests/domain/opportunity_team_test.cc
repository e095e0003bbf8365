// Team and revenue splits, handover, activities, comments and attachments.
#include <gtest/gtest.h>

#include "domain/opportunity/opportunity.h"
#include "tests/domain/opportunity_fixture.h"

namespace dealstream::domain::testing {
namespace {

OpportunityTeamMemberAdded Member(std::string id, TeamRole role,
                                  std::optional<int32_t> split = std::nullopt) {
  return {Id{"o1"}, Id{std::move(id)}, role, split};
}

TEST_F(OpportunityTest, AddsEmployeesAndPartnersToTheTeam) {
  EXPECT_TRUE(
      Emits(When({Opened()}, AddOpportunityTeamMember{Id{"o1"}, Id{"zhou"}, TeamRole::kPresales}),
            {Member("zhou", TeamRole::kPresales)}));
  EXPECT_TRUE(
      Emits(When({Opened()}, AddOpportunityTeamMember{Id{"o1"}, Id{"dealer"}, TeamRole::kPartner}),
            {Member("dealer", TeamRole::kPartner)}));
  // The first split may be the whole deal.
  EXPECT_TRUE(
      Emits(When({Opened()}, AddOpportunityTeamMember{Id{"o1"}, Id{"li"}, TeamRole::kSales, 100}),
            {Member("li", TeamRole::kSales, 100)}));
  // Team work goes on after the deal is closed (e.g. service joins).
  EXPECT_TRUE(Emits(
      When({Opened(), Won()}, AddOpportunityTeamMember{Id{"o1"}, Id{"wang"}, TeamRole::kService}),
      {Member("wang", TeamRole::kService)}));
}

TEST_F(OpportunityTest, TeamMemberRules) {
  auto add = [&](std::string id, TeamRole role, std::optional<int32_t> split = std::nullopt) {
    return When({Opened(), Member("li", TeamRole::kSales, 100)},
                AddOpportunityTeamMember{Id{"o1"}, Id{std::move(id)}, role, split});
  };
  EXPECT_TRUE(IsRefused(add("li", TeamRole::kSales), "already_team_member", "member_id"));
  EXPECT_TRUE(IsRefused(add("nobody", TeamRole::kSales), "member_not_found", "member_id"));
  EXPECT_TRUE(IsRefused(add("gone", TeamRole::kService), "member_inactive", "member_id"));
  EXPECT_TRUE(IsRefused(add("li2", TeamRole::kPartner), "partner_not_found", "member_id"));
  EXPECT_TRUE(IsRefused(add("exdealer", TeamRole::kPartner), "partner_inactive", "member_id"));
  EXPECT_TRUE(IsRefused(add("wang", TeamRole::kSales, 101), "split_out_of_range", "split_percent"));
  EXPECT_TRUE(
      IsRefused(add("wang", TeamRole::kSales, 30), "splits_must_total_100", "split_percent"));
  EXPECT_TRUE(IsRefused(
      When({Opened()}, AddOpportunityTeamMember{Id{"o1"}, Id{"wang"}, TeamRole::kSales, 60}),
      "splits_must_total_100", "split_percent"));
  EXPECT_TRUE(IsRefused(When({}, AddOpportunityTeamMember{Id{"o1"}, Id{"wang"}}),
                        "opportunity_not_found", "opportunity_id"));
}

TEST_F(OpportunityTest, RemovesMembersKeepingSplitsWhole) {
  EXPECT_TRUE(
      Emits(When({Opened(), Member("zhou", TeamRole::kPresales)},
                 RemoveOpportunityTeamMember{Id{"o1"}, Id{"zhou"}, "moved on"}),
            {OpportunityTeamMemberRemoved{Id{"o1"}, Id{"zhou"}, TeamRole::kPresales, "moved on"}}));
  // The only split holder may leave: no split remains.
  EXPECT_TRUE(When({Opened(), Member("li", TeamRole::kSales, 100)},
                   RemoveOpportunityTeamMember{Id{"o1"}, Id{"li"}})
                  .ok());
  OpportunityRevenueSplitsSet split{Id{"o1"}, {{Id{"li"}, 70}, {Id{"wang"}, 30}}, {}};
  EXPECT_TRUE(IsRefused(
      When({Opened(), Member("li", TeamRole::kSales), Member("wang", TeamRole::kSales), split},
           RemoveOpportunityTeamMember{Id{"o1"}, Id{"wang"}}),
      "splits_must_total_100", "member_id"));
  EXPECT_TRUE(IsRefused(When({Opened()}, RemoveOpportunityTeamMember{Id{"o1"}, Id{"zhou"}}),
                        "not_team_member", "member_id"));
}

TEST_F(OpportunityTest, SetsAllSplitsAtOnceWithThePreviousSplits) {
  std::vector<OpportunityEvent> team = {Opened(), Member("li", TeamRole::kSales, 100),
                                        Member("wang", TeamRole::kSales)};
  EXPECT_TRUE(
      Emits(When(team, SetOpportunityRevenueSplits{Id{"o1"}, {{Id{"li"}, 60}, {Id{"wang"}, 40}}}),
            {OpportunityRevenueSplitsSet{
                Id{"o1"}, {{Id{"li"}, 60}, {Id{"wang"}, 40}}, {{Id{"li"}, 100}}}}));
  EXPECT_TRUE(Emits(When(team, SetOpportunityRevenueSplits{Id{"o1"}, {}}),
                    {OpportunityRevenueSplitsSet{Id{"o1"}, {}, {{Id{"li"}, 100}}}}));

  OpportunityState s = StateAfter<A>(team);
  A::Evolve(s, OpportunityRevenueSplitsSet{Id{"o1"}, {{Id{"wang"}, 100}}, {}}, TestNow());
  EXPECT_EQ(s.team[0].split_percent, std::nullopt);
  EXPECT_EQ(s.team[1].split_percent, 100);
}

TEST_F(OpportunityTest, SplitRules) {
  std::vector<OpportunityEvent> team = {Opened(), Member("li", TeamRole::kSales),
                                        Member("wang", TeamRole::kSales)};
  auto set = [&](std::vector<RevenueSplit> splits) {
    return When(team, SetOpportunityRevenueSplits{Id{"o1"}, std::move(splits)});
  };
  EXPECT_TRUE(
      IsRefused(set({{Id{"li"}, 60}, {Id{"wang"}, 30}}), "splits_must_total_100", "splits"));
  EXPECT_TRUE(
      IsRefused(set({{Id{"li"}, 60}, {Id{"zhou"}, 40}}), "not_team_member", "splits[1].member_id"));
  EXPECT_TRUE(
      IsRefused(set({{Id{"li"}, 50}, {Id{"li"}, 50}}), "duplicate_split", "splits[1].member_id"));
  EXPECT_TRUE(IsRefused(set({{Id{"li"}, 150}, {Id{"wang"}, -50}}), "split_out_of_range",
                        "splits[0].percent"));
}

TEST_F(OpportunityTest, HandsOverToAnActiveEmployeeWithTheirDepartment) {
  EXPECT_TRUE(Emits(When({Opened()}, ReassignOpportunity{Id{"o1"}, Id{"zhou"}, "li leaves"}),
                    {OpportunityReassigned{Id{"o1"}, Id{"li"}, Id{"zhou"}, Id{"east"}, Id{"west"},
                                           "li leaves"}}));
  auto reassign = [&](std::string to, std::string reason) {
    return When({Opened()}, ReassignOpportunity{Id{"o1"}, Id{std::move(to)}, std::move(reason)});
  };
  EXPECT_TRUE(IsRefused(reassign("li", "x"), "same_owner", "new_owner_id"));
  EXPECT_TRUE(IsRefused(reassign("nobody", "x"), "new_owner_not_found", "new_owner_id"));
  EXPECT_TRUE(IsRefused(reassign("gone", "x"), "new_owner_inactive", "new_owner_id"));
  EXPECT_TRUE(IsRefused(reassign("wang", ""), "reason_required", "reason"));
  EXPECT_TRUE(IsRefused(When({}, ReassignOpportunity{Id{"o1"}, Id{"wang"}, "x"}),
                        "opportunity_not_found", "opportunity_id"));
}

PlanOpportunityActivity Visit() {
  return {Id{"o1"},
          std::nullopt,
          "visit",
          Id{"wang"},
          Day(2017, 3, 20),
          "Site survey",
          std::vector<Id>{Id{"ann"}}};
}

OpportunityActivityPlanned VisitPlanned(std::string id = "activity-1") {
  return {Id{"o1"},         Id{std::move(id)}, "visit",    Id{"wang"},
          Day(2017, 3, 20), "Site survey",     {Id{"ann"}}};
}

TEST_F(OpportunityTest, PlansActivitiesWithGeneratedOrChosenIds) {
  EXPECT_TRUE(Emits(When({Opened()}, Visit()), {VisitPlanned()}));
  EXPECT_TRUE(Emits(When({Opened(), VisitPlanned()}, Visit()), {VisitPlanned("activity-2")}));
  PlanOpportunityActivity chosen = Visit();
  chosen.activity_id = Id{"v-7"};
  EXPECT_TRUE(Emits(When({Opened()}, chosen), {VisitPlanned("v-7")}));
}

TEST_F(OpportunityTest, ActivityPlanningRules) {
  auto plan = [&](auto change) {
    PlanOpportunityActivity c = Visit();
    change(c);
    return When({Opened(), VisitPlanned()}, c);
  };
  EXPECT_TRUE(IsRefused(plan([](auto& c) { c.type = "party"; }), "unknown_activity_type", "type"));
  EXPECT_TRUE(IsRefused(plan([](auto& c) { c.subject = ""; }), "subject_required", "subject"));
  EXPECT_TRUE(IsRefused(plan([](auto& c) { c.assignee_id = Id{"nobody"}; }), "assignee_not_found",
                        "assignee_id"));
  EXPECT_TRUE(IsRefused(plan([](auto& c) { c.assignee_id = Id{"gone"}; }), "assignee_inactive",
                        "assignee_id"));
  EXPECT_TRUE(IsRefused(plan([](auto& c) {
                          c.contact_ids = std::vector<Id>{Id{"ann"}, Id{"zed"}};
                        }),
                        "contact_not_found", "contact_ids[1]"));
  EXPECT_TRUE(IsRefused(plan([](auto& c) { c.contact_ids = std::vector<Id>{Id{"bob"}}; }),
                        "contact_customer_mismatch", "contact_ids[0]"));
  EXPECT_TRUE(IsRefused(plan([](auto& c) { c.contact_ids = std::vector<Id>{Id{"cat"}}; }),
                        "contact_left_company", "contact_ids[0]"));
  EXPECT_TRUE(IsRefused(plan([](auto& c) { c.activity_id = Id{"activity-1"}; }),
                        "duplicate_activity_id", "activity_id"));
}

CompleteOpportunityActivity Done(Date on = Day(2017, 3, 15)) {
  return {Id{"o1"}, Id{"activity-1"}, on, "Met the CIO", true, Usd(12000)};
}

TEST_F(OpportunityTest, CompletesAnActivityWithOutcomeDecisionMakerAndCost) {
  OpportunityActivityPlanned planned = VisitPlanned();
  planned.planned_date = Day(2017, 3, 10);
  EXPECT_TRUE(Emits(When({Opened(), planned}, Done()),
                    {OpportunityActivityCompleted{Id{"o1"}, Id{"activity-1"}, "visit", Id{"wang"},
                                                  Day(2017, 3, 10), Day(2017, 3, 15), "Met the CIO",
                                                  true, Usd(12000)}}));
  OpportunityState s = StateAfter<A>({Opened(), planned});
  A::Evolve(s, When({Opened(), planned}, Done())->front(), TestNow());
  EXPECT_EQ(s.activities[0].status, ActivityStatus::kCompleted);
  EXPECT_TRUE(s.activities[0].decision_maker_met);
}

TEST_F(OpportunityTest, ActivityCompletionRules) {
  OpportunityActivityPlanned planned = VisitPlanned();
  planned.planned_date = Day(2017, 3, 10);
  auto complete = [&](CompleteOpportunityActivity c) { return When({Opened(), planned}, c); };
  CompleteOpportunityActivity c = Done();
  c.activity_id = Id{"nope"};
  EXPECT_TRUE(IsRefused(complete(c), "activity_not_found", "activity_id"));
  EXPECT_TRUE(
      IsRefused(complete(Done(Day(2017, 3, 9))), "completed_before_planned", "completed_date"));
  EXPECT_TRUE(IsRefused(complete(Done(Day(2017, 3, 16))), "completed_in_future", "completed_date"));
  c = Done();
  c.outcome = " ";
  EXPECT_TRUE(IsRefused(complete(c), "outcome_required", "outcome"));
  c = Done();
  c.cost = Money{100, "EUR"};
  EXPECT_TRUE(IsRefused(complete(c), "currency_mismatch", "cost"));
  c.cost = Usd(-100);
  EXPECT_TRUE(IsRefused(complete(c), "negative_amount", "cost"));
  auto completed = When({Opened(), planned}, Done())->front();
  EXPECT_TRUE(IsRefused(When({Opened(), planned, completed}, Done()), "activity_already_completed",
                        "activity_id"));
}

TEST_F(OpportunityTest, CancelsAPlannedActivity) {
  EXPECT_TRUE(Emits(When({Opened(), VisitPlanned()},
                         CancelOpportunityActivity{Id{"o1"}, Id{"activity-1"}, "customer busy"}),
                    {OpportunityActivityCancelled{Id{"o1"}, Id{"activity-1"}, "visit", Id{"wang"},
                                                  "customer busy"}}));
  EXPECT_TRUE(IsRefused(
      When({Opened(), VisitPlanned()}, CancelOpportunityActivity{Id{"o1"}, Id{"activity-1"}, ""}),
      "reason_required", "reason"));
  OpportunityActivityCancelled cancelled{Id{"o1"}, Id{"activity-1"}, "visit", Id{"wang"}, "busy"};
  EXPECT_TRUE(IsRefused(When({Opened(), VisitPlanned(), cancelled}, Done(Day(2017, 3, 20))),
                        "activity_cancelled", "activity_id"));
}

TEST_F(OpportunityTest, CommentsByTheActor) {
  EXPECT_TRUE(
      Emits(When({Opened()}, AddOpportunityComment{Id{"o1"}, std::nullopt, "CIO is keen"}, "wang"),
            {OpportunityCommentAdded{Id{"o1"}, Id{"comment-1"}, Id{"wang"}, "CIO is keen"}}));
  OpportunityCommentAdded first{Id{"o1"}, Id{"comment-1"}, Id{"li"}, "x"};
  EXPECT_TRUE(
      IsRefused(When({Opened(), first}, AddOpportunityComment{Id{"o1"}, Id{"comment-1"}, "y"}),
                "duplicate_comment_id", "comment_id"));
  EXPECT_TRUE(IsRefused(When({Opened()}, AddOpportunityComment{Id{"o1"}, std::nullopt, "\n"}),
                        "text_required", "text"));
}

TEST_F(OpportunityTest, AttachesReferencesWithANormalisedDigest) {
  const std::string upper(64, 'A');
  EXPECT_TRUE(Emits(
      When({Opened()},
           AddOpportunityAttachment{Id{"o1"}, std::nullopt, "https://files.example/rfp.pdf", upper,
                                    "RFP", "application/pdf"}),
      {OpportunityAttachmentAdded{Id{"o1"}, Id{"attachment-1"}, "https://files.example/rfp.pdf",
                                  std::string(64, 'a'), "RFP", "application/pdf", Id{"li"}}}));
  auto attach = [&](std::string uri, std::string sha) {
    return When({Opened()},
                AddOpportunityAttachment{Id{"o1"}, std::nullopt, std::move(uri), std::move(sha)});
  };
  EXPECT_TRUE(IsRefused(attach("rfp.pdf", upper), "invalid_uri", "uri"));
  EXPECT_TRUE(IsRefused(attach("https://x/a b", upper), "invalid_uri", "uri"));
  EXPECT_TRUE(IsRefused(attach("https://x/a", std::string(63, 'a')), "invalid_sha256", "sha256"));
  EXPECT_TRUE(
      IsRefused(attach("https://x/a", std::string(63, 'a') + "g"), "invalid_sha256", "sha256"));
  OpportunityAttachmentAdded first{Id{"o1"}, Id{"a"}, "s3://b/k", std::string(64, 'a'),
                                   {},       {},      Id{"li"}};
  EXPECT_TRUE(
      IsRefused(When({Opened(), first},
                     AddOpportunityAttachment{Id{"o1"}, Id{"a"}, "s3://b/k", std::string(64, 'a')}),
                "duplicate_attachment_id", "attachment_id"));
}

TEST_F(OpportunityTest, CommentsAndAttachmentsNeedTheOpportunity) {
  EXPECT_TRUE(IsRefused(When({}, AddOpportunityComment{Id{"o1"}, std::nullopt, "x"}),
                        "opportunity_not_found", "opportunity_id"));
  EXPECT_TRUE(IsRefused(
      When({}, AddOpportunityAttachment{Id{"o1"}, std::nullopt, "s3://b/k", std::string(64, 'a')}),
      "opportunity_not_found", "opportunity_id"));
  // Notes and documents keep coming after the deal is closed.
  EXPECT_TRUE(When({Opened(), Won()}, AddOpportunityComment{Id{"o1"}, std::nullopt, "x"}).ok());
}

}  // namespace
}  // namespace dealstream::domain::testing
