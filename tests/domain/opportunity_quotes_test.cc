// Quotes with their approval workflow, and competition on the deal.
#include <gtest/gtest.h>

#include <limits>

#include "domain/opportunity/opportunity.h"
#include "tests/domain/opportunity_fixture.h"

namespace dealstream::domain::testing {
namespace {

DraftOpportunityQuote Draft() {
  return {Id{"o1"},
          {{Id{"p1"}, 3, Usd(123455), 15}, {Id{"p2"}, 1, Usd(5), 50}},
          Day(2017, 4, 30),
          "first offer"};
}

// 3 × 1,234.55 less 15% = 3,148.1025 → 3,148.10; 0.05 less 50% = 0.025 → 0.03.
OpportunityQuoteDrafted Drafted(int32_t version = 1) {
  OpportunityQuoteDrafted e;
  e.opportunity_id = Id{"o1"};
  e.version = version;
  e.lines = {{Id{"p1"}, 3, Usd(123455), 15, Usd(314810)}, {Id{"p2"}, 1, Usd(5), 50, Usd(3)}};
  e.total = Usd(314813);
  e.valid_until = Day(2017, 4, 30);
  e.note = "first offer";
  if (version > 1) e.superseded_version = version - 1;
  return e;
}

OpportunityQuoteApprovalRequested Requested(std::string by = "li") {
  return {Id{"o1"}, 1, Usd(314813), Id{std::move(by)}};
}

TEST_F(OpportunityTest, DraftsVersionedQuotesPricedInIntegerMoney) {
  EXPECT_TRUE(Emits(When({Opened()}, Draft()), {Drafted()}));
  EXPECT_TRUE(Emits(When({Opened(), Drafted()}, Draft()), {Drafted(2)}));
  OpportunityState s = StateAfter<A>({Opened(), Drafted(), Drafted(2)});
  EXPECT_EQ(s.quotes[0].status, QuoteStatus::kSuperseded);
  EXPECT_EQ(s.quotes[1].status, QuoteStatus::kDraft);
}

TEST_F(OpportunityTest, QuoteDraftingRules) {
  auto draft = [&](auto change) {
    DraftOpportunityQuote c = Draft();
    change(c);
    return When({Opened()}, c);
  };
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.lines.clear(); }), "quote_lines_required", "lines"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.valid_until = Day(2017, 3, 14); }),
                        "valid_until_in_past", "valid_until"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.lines[1].product_id = Id{"p9"}; }),
                        "product_not_found", "lines[1].product_id"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.lines[0].product_id = Id{"px"}; }),
                        "product_discontinued", "lines[0].product_id"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.lines[0].quantity = 0; }), "quantity_not_positive",
                        "lines[0].quantity"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) {
                          c.lines[0].unit_price = Money{1, "EUR"};
                        }),
                        "currency_mismatch", "lines[0].unit_price"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.lines[0].unit_price = Usd(-1); }), "negative_amount",
                        "lines[0].unit_price"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.lines[1].discount_percent = 101; }),
                        "discount_out_of_range", "lines[1].discount_percent"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) {
                          c.lines[0].quantity = 1000000000;
                          c.lines[0].unit_price = Usd(std::numeric_limits<int64_t>::max() / 1000);
                        }),
                        "amount_too_large", "lines[0]"));
  EXPECT_TRUE(IsRefused(When({Opened(), Won()}, Draft()), "opportunity_closed", "opportunity_id"));
}

TEST_F(OpportunityTest, RequestsApprovalOfTheCurrentDraft) {
  EXPECT_TRUE(Emits(When({Opened(), Drafted()}, RequestOpportunityQuoteApproval{Id{"o1"}, 1}),
                    {Requested()}));
  auto request = [&](std::vector<OpportunityEvent> given, int32_t version) {
    return When(given, RequestOpportunityQuoteApproval{Id{"o1"}, version});
  };
  EXPECT_TRUE(IsRefused(request({Opened(), Drafted()}, 2), "quote_not_found", "version"));
  EXPECT_TRUE(
      IsRefused(request({Opened(), Drafted(), Drafted(2)}, 1), "quote_superseded", "version"));
  EXPECT_TRUE(
      IsRefused(request({Opened(), Drafted(), Requested()}, 1), "quote_not_draft", "version"));
  OpportunityQuoteDrafted stale = Drafted();
  stale.valid_until = Day(2017, 3, 1);
  EXPECT_TRUE(IsRefused(request({Opened(), stale}, 1), "quote_expired", "version"));
  EXPECT_TRUE(
      IsRefused(request({Opened(), Drafted(), Won()}, 1), "opportunity_closed", "opportunity_id"));
}

TEST_F(OpportunityTest, ApprovedByAManagerAboveTheOwnersDepartment) {
  std::vector<OpportunityEvent> pending = {Opened(), Drafted(), Requested()};
  EXPECT_TRUE(Emits(When(pending, ApproveOpportunityQuote{Id{"o1"}, 1, "ok at 15%"}, "mgr"),
                    {OpportunityQuoteApproved{Id{"o1"}, 1, Usd(314813), Id{"mgr"}, "ok at 15%"}}));
  // A director of headquarters contains the east branch.
  EXPECT_TRUE(
      Emits(When(pending, ApproveOpportunityQuote{Id{"o1"}, 1}, "boss"),
            {OpportunityQuoteApproved{Id{"o1"}, 1, Usd(314813), Id{"boss"}, std::nullopt}}));
  OpportunityState s =
      StateAfter<A>({Opened(), Drafted(), Requested(),
                     OpportunityQuoteApproved{Id{"o1"}, 1, Usd(314813), Id{"mgr"}, {}}});
  EXPECT_EQ(s.quotes[0].status, QuoteStatus::kApproved);
  EXPECT_EQ(s.quotes[0].decided_by, Id{"mgr"});
}

TEST_F(OpportunityTest, QuoteApprovalRules) {
  std::vector<OpportunityEvent> pending = {Opened(), Drafted(), Requested()};
  auto approve = [&](std::string actor) {
    return When(pending, ApproveOpportunityQuote{Id{"o1"}, 1}, std::move(actor));
  };
  EXPECT_TRUE(IsRefused(approve("li"), "self_approval", ""));
  EXPECT_TRUE(IsRefused(approve("wang"), "approver_not_manager", ""));
  EXPECT_TRUE(IsRefused(approve("westmgr"), "approver_outside_department", ""));
  EXPECT_TRUE(IsRefused(approve("gone"), "approver_not_found", ""));
  // The manager who asked for approval cannot grant it.
  EXPECT_TRUE(IsRefused(
      When({Opened(), Drafted(), Requested("mgr")}, ApproveOpportunityQuote{Id{"o1"}, 1}, "mgr"),
      "self_approval", ""));
  EXPECT_TRUE(IsRefused(When({Opened(), Drafted()}, ApproveOpportunityQuote{Id{"o1"}, 1}, "mgr"),
                        "quote_not_pending", "version"));
  EXPECT_TRUE(IsRefused(When(pending, ApproveOpportunityQuote{Id{"o1"}, 3}, "mgr"),
                        "quote_not_found", "version"));
}

TEST_F(OpportunityTest, RejectedWithAReasonUnderTheSameRule) {
  std::vector<OpportunityEvent> pending = {Opened(), Drafted(), Requested()};
  EXPECT_TRUE(
      Emits(When(pending, RejectOpportunityQuote{Id{"o1"}, 1, "discount too deep"}, "mgr"),
            {OpportunityQuoteRejected{Id{"o1"}, 1, Usd(314813), Id{"mgr"}, "discount too deep"}}));
  EXPECT_TRUE(IsRefused(When(pending, RejectOpportunityQuote{Id{"o1"}, 1, ""}, "mgr"),
                        "reason_required", "reason"));
  EXPECT_TRUE(IsRefused(When(pending, RejectOpportunityQuote{Id{"o1"}, 1, "no"}, "wang"),
                        "approver_not_manager", ""));
  // After a rejection the quote is redrafted, not resubmitted.
  OpportunityQuoteRejected rejected{Id{"o1"}, 1, Usd(314813), Id{"mgr"}, "no"};
  EXPECT_TRUE(IsRefused(When({Opened(), Drafted(), Requested(), rejected},
                             RequestOpportunityQuoteApproval{Id{"o1"}, 1}),
                        "quote_not_draft", "version"));
}

OpportunityCompetitorRecorded RivalRecorded() {
  OpportunityCompetitorRecorded e;
  e.opportunity_id = Id{"o1"};
  e.competitor_id = Id{"rival"};
  e.quoted_price = Usd(9000000);
  e.product = "RX-500";
  e.strengths = "price";
  e.weaknesses = "support";
  e.threat_level = 4;
  return e;
}

TEST_F(OpportunityTest, RecordsACompetitorWithTheirOffer) {
  RecordCompetitor c{Id{"o1"}, Id{"rival"}, Usd(9000000), "RX-500", "price", "support", 4};
  EXPECT_TRUE(Emits(When({Opened()}, c), {RivalRecorded()}));
  auto record = [&](RecordCompetitor command, std::vector<OpportunityEvent> given = {}) {
    given.insert(given.begin(), Opened());
    return When(given, command);
  };
  EXPECT_TRUE(IsRefused(record({Id{"o1"}, Id{"ghost"}}), "competitor_not_found", "competitor_id"));
  EXPECT_TRUE(IsRefused(record({Id{"o1"}, Id{"rival"}}, {RivalRecorded()}),
                        "competitor_already_recorded", "competitor_id"));
  EXPECT_TRUE(IsRefused(record({Id{"o1"}, Id{"rival"}, Money{1, "EUR"}}), "currency_mismatch",
                        "quoted_price"));
  EXPECT_TRUE(
      IsRefused(record({Id{"o1"}, Id{"rival"}, Usd(-1)}), "negative_amount", "quoted_price"));
  EXPECT_TRUE(IsRefused(record({Id{"o1"}, Id{"rival"}, {}, {}, {}, {}, 6}),
                        "threat_level_out_of_range", "threat_level"));
  EXPECT_TRUE(IsRefused(When({Opened(), Won()}, RecordCompetitor{Id{"o1"}, Id{"rival"}}),
                        "opportunity_closed", "opportunity_id"));
}

TEST_F(OpportunityTest, UpdatesCompetitorIntelKeepingWhatIsNotGiven) {
  UpdateOpportunityCompetitor c{
      Id{"o1"}, Id{"rival"}, Usd(8500000), std::nullopt, std::nullopt, "support, delivery", 5};
  OpportunityCompetitorUpdated expected;
  expected.opportunity_id = Id{"o1"};
  expected.competitor_id = Id{"rival"};
  expected.quoted_price = Usd(8500000);
  expected.product = "RX-500";
  expected.strengths = "price";
  expected.weaknesses = "support, delivery";
  expected.threat_level = 5;
  expected.previous_quoted_price = Usd(9000000);
  expected.previous_threat_level = 4;
  EXPECT_TRUE(Emits(When({Opened(), RivalRecorded()}, c), {expected}));

  OpportunityState s = StateAfter<A>({Opened(), RivalRecorded(), expected});
  EXPECT_EQ(s.competitors[0].quoted_price, Usd(8500000));
  EXPECT_EQ(s.competitors[0].threat_level, 5);

  EXPECT_TRUE(IsRefused(
      When({Opened(), RivalRecorded()}, UpdateOpportunityCompetitor{Id{"o1"}, Id{"rival"}}),
      "nothing_to_update", ""));
  EXPECT_TRUE(IsRefused(When({Opened()}, c), "competitor_not_engaged", "competitor_id"));
  c.threat_level = 0;
  EXPECT_TRUE(
      IsRefused(When({Opened(), RivalRecorded()}, c), "threat_level_out_of_range", "threat_level"));
}

TEST_F(OpportunityTest, RemovesACompetitor) {
  EXPECT_TRUE(Emits(When({Opened(), RivalRecorded()},
                         RemoveOpportunityCompetitor{Id{"o1"}, Id{"rival"}, "withdrew"}),
                    {OpportunityCompetitorRemoved{Id{"o1"}, Id{"rival"}, "withdrew"}}));
  EXPECT_TRUE(IsRefused(When({Opened()}, RemoveOpportunityCompetitor{Id{"o1"}, Id{"rival"}}),
                        "competitor_not_engaged", "competitor_id"));
  OpportunityState s = StateAfter<A>(
      {Opened(), RivalRecorded(), OpportunityCompetitorRemoved{Id{"o1"}, Id{"rival"}, {}}});
  EXPECT_TRUE(s.competitors.empty());
}

TEST_F(OpportunityTest, CompetitionIsFrozenOnceTheDealIsClosed) {
  EXPECT_TRUE(IsRefused(When({Opened(), RivalRecorded(), Won()},
                             UpdateOpportunityCompetitor{Id{"o1"}, Id{"rival"}, Usd(1)}),
                        "opportunity_closed", "opportunity_id"));
  EXPECT_TRUE(IsRefused(
      When({Opened(), RivalRecorded(), Won()}, RemoveOpportunityCompetitor{Id{"o1"}, Id{"rival"}}),
      "opportunity_closed", "opportunity_id"));
}

TEST_F(OpportunityTest, EvolveIgnoresQuoteDecisionsForUnknownVersions) {
  // Stored input never indexes memory: a decision about a version the
  // state does not have changes nothing.
  OpportunityState s = StateAfter<A>({Opened(), Drafted()});
  A::Evolve(s, OpportunityQuoteApproved{Id{"o1"}, 7, Usd(1), Id{"mgr"}, {}}, TestNow());
  A::Evolve(s, OpportunityQuoteRejected{Id{"o1"}, 0, Usd(1), Id{"mgr"}, "x"}, TestNow());
  ASSERT_EQ(s.quotes.size(), 1u);
  EXPECT_EQ(s.quotes[0].status, QuoteStatus::kDraft);
}

}  // namespace
}  // namespace dealstream::domain::testing
