// Campaigns and leads, up to conversion into customer, contact and deal.
#include <gtest/gtest.h>

#include "domain/marketing/campaign.h"
#include "domain/marketing/lead.h"
#include "tests/domain/deal_directory.h"

namespace dealstream::domain::testing {
namespace {

class CampaignTest : public DealTest<CampaignAggregate> {
 protected:
  static LaunchCampaign Launch() {
    return {Id{"spring"},    "Spring fair",    CampaignChannel::kTradeShow,
            Day(2017, 4, 1), Day(2017, 4, 30), Usd(2000000),
            Id{"wang"},      Id{"east"},       std::nullopt};
  }
  static CampaignLaunched Launched() {
    return {Id{"spring"},    "Spring fair",    CampaignChannel::kTradeShow,
            Day(2017, 4, 1), Day(2017, 4, 30), Usd(2000000),
            Id{"wang"},      Id{"east"},       std::nullopt,
            Id{"li"}};
  }
};

TEST_F(CampaignTest, LaunchedForAPeriod) {
  EXPECT_TRUE(Emits(When({}, Launch()), {Launched()}));
  auto launch = [&](auto change) {
    LaunchCampaign c = Launch();
    change(c);
    return When({}, c);
  };
  EXPECT_TRUE(IsRefused(When({Launched()}, Launch()), "campaign_exists", ""));
  EXPECT_TRUE(IsRefused(launch([](auto& c) { c.id.reset(); }), "id_required", "id"));
  EXPECT_TRUE(IsRefused(launch([](auto& c) { c.name = ""; }), "name_required", "name"));
  EXPECT_TRUE(IsRefused(launch([](auto& c) { c.end_date = Day(2017, 3, 31); }), "end_before_start",
                        "end_date"));
  EXPECT_TRUE(IsRefused(launch([](auto& c) { c.budget = Usd(-1); }), "negative_amount", "budget"));
  EXPECT_TRUE(
      IsRefused(launch([](auto& c) { c.owner_id = Id{"gone"}; }), "owner_inactive", "owner_id"));
  EXPECT_TRUE(IsRefused(launch([](auto& c) { c.department_id = Id{"shut"}; }), "department_closed",
                        "department_id"));
}

TEST_F(CampaignTest, EndsOnceKeepingThePlannedEnd) {
  EXPECT_TRUE(Emits(
      When({Launched()}, EndCampaign{Id{"spring"}, "120 leads"}),
      {CampaignEnded{Id{"spring"}, Day(2017, 3, 15), Day(2017, 4, 30), "120 leads", Id{"li"}}}));
  CampaignEnded ended{Id{"spring"}, Day(2017, 3, 15), Day(2017, 4, 30), std::nullopt, Id{"li"}};
  EXPECT_TRUE(IsRefused(When({Launched(), ended}, EndCampaign{Id{"spring"}}), "campaign_ended",
                        "campaign_id"));
  EXPECT_TRUE(IsRefused(When({}, EndCampaign{Id{"spring"}}), "campaign_not_found", "campaign_id"));
  CampaignFacts facts = FactsOf(StateAfter<CampaignAggregate>({Launched(), ended}));
  EXPECT_TRUE(facts.ended);
  EXPECT_EQ(facts.name, "Spring fair");
}

class LeadTest : public DealTest<LeadAggregate> {
 protected:
  static CaptureLead Capture() {
    return {Id{"l1"},     Id{"spring"},  "Globex",     "Hank Scorpio", "hank@globex.example",
            std::nullopt, "WAN upgrade", std::nullopt, Id{"wang"}};
  }
  static LeadCaptured Captured() {
    return {Id{"l1"},     Id{"spring"},  "Globex",     "Hank Scorpio", "hank@globex.example",
            std::nullopt, "WAN upgrade", std::nullopt, Id{"wang"},     Id{"li"}};
  }
  static LeadQualified Qualified() { return {Id{"l1"}, Id{"spring"}, std::nullopt, Id{"wang"}}; }
  static ConvertLead Convert() {
    ConvertLead c;
    c.lead_id = Id{"l1"};
    c.owner_id = Id{"wang"};
    c.amount = Usd(3000000);
    c.expected_close_date = Day(2017, 9, 30);
    c.customer_id = Id{"c-new"};
    c.contact_id = Id{"p-new"};
    c.opportunity_id = Id{"o-new"};
    return c;
  }
  static LeadConverted Converted() {
    LeadConverted e;
    e.lead_id = Id{"l1"};
    e.campaign_id = Id{"spring"};
    e.customer_id = Id{"c-new"};
    e.new_customer = true;
    e.contact_id = Id{"p-new"};
    e.opportunity_id = Id{"o-new"};
    e.owner_id = Id{"wang"};
    e.company = "Globex";
    e.contact_name = "Hank Scorpio";
    e.email = "hank@globex.example";
    e.opportunity_title = "Globex";
    e.amount = Usd(3000000);
    e.expected_close_date = Day(2017, 9, 30);
    e.source = "campaign:spring";
    e.converted_by = Id{"wang"};
    return e;
  }
};

TEST_F(LeadTest, CapturedFromACampaign) {
  EXPECT_TRUE(Emits(When({}, Capture()), {Captured()}));
  CaptureLead by_phone{Id{"l2"}, std::nullopt, "Initech", "Bill", "", "+1 555 0100"};
  EXPECT_TRUE(Emits(When({}, by_phone), {LeadCaptured{Id{"l2"}, std::nullopt, "Initech", "Bill",
                                                      std::nullopt, "+1 555 0100", std::nullopt,
                                                      std::nullopt, std::nullopt, Id{"li"}}}));
}

TEST_F(LeadTest, CaptureRules) {
  auto capture = [&](auto change) {
    CaptureLead c = Capture();
    change(c);
    return When({}, c);
  };
  EXPECT_TRUE(IsRefused(When({Captured()}, Capture()), "lead_exists", ""));
  EXPECT_TRUE(IsRefused(capture([](auto& c) { c.id.reset(); }), "id_required", "id"));
  EXPECT_TRUE(IsRefused(capture([](auto& c) { c.company = " "; }), "company_required", "company"));
  EXPECT_TRUE(IsRefused(capture([](auto& c) { c.contact_name = ""; }), "contact_name_required",
                        "contact_name"));
  EXPECT_TRUE(
      IsRefused(capture([](auto& c) { c.email.reset(); }), "contact_channel_required", "email"));
  EXPECT_TRUE(IsRefused(capture([](auto& c) { c.email = "555-0100"; }), "invalid_email", "email"));
  EXPECT_TRUE(IsRefused(capture([](auto& c) { c.campaign_id = Id{"winter"}; }),
                        "campaign_not_found", "campaign_id"));
  EXPECT_TRUE(
      IsRefused(capture([](auto& c) { c.owner_id = Id{"gone"}; }), "owner_inactive", "owner_id"));
}

TEST_F(LeadTest, QualifiedAndDisqualifiedUntilConverted) {
  EXPECT_TRUE(Emits(When({Captured()}, QualifyLead{Id{"l1"}}, "wang"), {Qualified()}));
  LeadDisqualified disqualified{Id{"l1"}, Id{"spring"}, "student project", Id{"wang"}};
  EXPECT_TRUE(
      Emits(When({Captured(), Qualified()}, DisqualifyLead{Id{"l1"}, "student project"}, "wang"),
            {disqualified}));
  // A disqualified lead may be qualified again when things change.
  EXPECT_TRUE(When({Captured(), disqualified}, QualifyLead{Id{"l1"}}).ok());
  EXPECT_TRUE(IsRefused(When({Captured(), Qualified()}, QualifyLead{Id{"l1"}}),
                        "lead_already_qualified", "lead_id"));
  EXPECT_TRUE(IsRefused(When({Captured(), disqualified}, DisqualifyLead{Id{"l1"}, "x"}),
                        "lead_already_disqualified", "lead_id"));
  EXPECT_TRUE(
      IsRefused(When({Captured()}, DisqualifyLead{Id{"l1"}, ""}), "reason_required", "reason"));
  EXPECT_TRUE(IsRefused(When({}, QualifyLead{Id{"l1"}}), "lead_not_found", "lead_id"));
  EXPECT_TRUE(IsRefused(When({Captured(), Qualified(), Converted()}, DisqualifyLead{Id{"l1"}, "x"}),
                        "lead_converted", "lead_id"));
}

TEST_F(LeadTest, ConvertsIntoNewCustomerContactAndOpportunity) {
  EXPECT_TRUE(Emits(When({Captured(), Qualified()}, Convert(), "wang"), {Converted()}));
}

TEST_F(LeadTest, ConvertsIntoAnExistingCustomer) {
  ConvertLead c = Convert();
  c.existing_customer_id = Id{"acme"};
  c.opportunity_title = "Globex division WAN";
  LeadConverted expected = Converted();
  expected.customer_id = Id{"acme"};
  expected.new_customer = false;
  expected.opportunity_title = "Globex division WAN";
  EXPECT_TRUE(Emits(When({Captured(), Qualified()}, c, "wang"), {expected}));
  LeadState s = StateAfter<LeadAggregate>({Captured(), Qualified(), expected});
  EXPECT_EQ(s.status, LeadStatus::kConverted);
  EXPECT_EQ(s.customer_id, Id{"acme"});
}

TEST_F(LeadTest, ConversionRules) {
  std::vector<LeadEvent> qualified = {Captured(), Qualified()};
  auto convert = [&](auto change) {
    ConvertLead c = Convert();
    change(c);
    return When(qualified, c);
  };
  EXPECT_TRUE(IsRefused(When({Captured()}, Convert()), "lead_not_qualified", "lead_id"));
  EXPECT_TRUE(IsRefused(When({Captured(), Qualified(), Converted()}, Convert()), "lead_converted",
                        "lead_id"));
  EXPECT_TRUE(
      IsRefused(convert([](auto& c) { c.customer_id.reset(); }), "id_required", "customer_id"));
  EXPECT_TRUE(
      IsRefused(convert([](auto& c) { c.contact_id.reset(); }), "id_required", "contact_id"));
  EXPECT_TRUE(IsRefused(convert([](auto& c) { c.opportunity_id.reset(); }), "id_required",
                        "opportunity_id"));
  EXPECT_TRUE(IsRefused(convert([](auto& c) { c.amount = Usd(-1); }), "negative_amount", "amount"));
  EXPECT_TRUE(IsRefused(convert([](auto& c) { c.expected_close_date = Day(2017, 3, 1); }),
                        "close_date_in_past", "expected_close_date"));
  EXPECT_TRUE(IsRefused(convert([](auto& c) { c.opportunity_title = ""; }),
                        "opportunity_title_required", "opportunity_title"));
  EXPECT_TRUE(IsRefused(convert([](auto& c) { c.owner_id = Id{"nobody"}; }), "owner_not_found",
                        "owner_id"));
  EXPECT_TRUE(IsRefused(convert([](auto& c) { c.existing_customer_id = Id{"dup"}; }),
                        "customer_merged", "existing_customer_id"));
  static_assert(ConvertLead::kGeneratedIds.size() == 3);
}

}  // namespace
}  // namespace dealstream::domain::testing
