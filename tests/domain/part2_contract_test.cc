// The codec- and service-facing conventions of every command and event of
// the opportunity, contract, budget, expense, service request, care plan,
// campaign and lead aggregates, and DESIGN §10's required fields.
#include <gtest/gtest.h>

#include "domain/contract/contract.h"
#include "domain/expense/budget.h"
#include "domain/expense/expense.h"
#include "domain/marketing/campaign.h"
#include "domain/marketing/lead.h"
#include "domain/opportunity/opportunity.h"
#include "domain/service/care_plan.h"
#include "domain/service/service_request.h"
#include "tests/domain/conventions.h"

namespace dealstream::domain::testing {
namespace {

TEST(Part2ContractTest, CommandsAndEventsFollowTheConventions) {
  ConventionChecker checker;
  checker.CheckAggregate<OpportunityAggregate>();
  checker.CheckAggregate<ContractAggregate>();
  checker.CheckAggregate<BudgetAggregate>();
  checker.CheckAggregate<ExpenseAggregate>();
  checker.CheckAggregate<ServiceRequestAggregate>();
  checker.CheckAggregate<CarePlanAggregate>();
  checker.CheckAggregate<CampaignAggregate>();
  checker.CheckAggregate<LeadAggregate>();
}

TEST(Part2ContractTest, DesignSection10CommandsHaveExactlyTheRequiredFields) {
  using S = std::set<std::string>;
  EXPECT_EQ(RequiredFieldsOf<OpenOpportunity>(),
            (S{"customer_id", "title", "amount", "expected_close_date", "owner_id"}));
  EXPECT_EQ(RequiredFieldsOf<AdvanceOpportunityStage>(), (S{"opportunity_id", "stage"}));
  EXPECT_EQ(RequiredFieldsOf<RecordCompetitor>(), (S{"opportunity_id", "competitor_id"}));
  EXPECT_TRUE(FieldNamesOf<RecordCompetitor>().count("quoted_price"));
  EXPECT_EQ(RequiredFieldsOf<WinOpportunity>(), (S{"opportunity_id"}));
  EXPECT_TRUE(FieldNamesOf<WinOpportunity>().count("amount"));
  EXPECT_EQ(RequiredFieldsOf<LoseOpportunity>(), (S{"opportunity_id", "reason"}));
  EXPECT_TRUE(FieldNamesOf<LoseOpportunity>().count("competitor_id"));
  EXPECT_EQ(RequiredFieldsOf<DraftContract>(), (S{"customer_id", "total"}));
  EXPECT_TRUE(FieldNamesOf<DraftContract>().count("opportunity_id"));
  EXPECT_EQ(RequiredFieldsOf<SignContract>(), (S{"contract_id"}));
  EXPECT_EQ(RequiredFieldsOf<RecordPayment>(), (S{"contract_id", "amount"}));
}

TEST(Part2ContractTest, ConvertLeadNamesTheIdsTheServiceGenerates) {
  std::set<std::string> fields = FieldNamesOf<ConvertLead>();
  for (std::string_view name : ConvertLead::kGeneratedIds) {
    EXPECT_TRUE(fields.count(std::string(name))) << name;
    EXPECT_FALSE(RequiredFieldsOf<ConvertLead>().count(std::string(name))) << name;
  }
  static_assert(std::is_same_v<decltype(ConvertLead{}.customer_id), std::optional<Id>>);
  static_assert(std::is_same_v<decltype(ConvertLead{}.contact_id), std::optional<Id>>);
  static_assert(std::is_same_v<decltype(ConvertLead{}.opportunity_id), std::optional<Id>>);
}

}  // namespace
}  // namespace dealstream::domain::testing
