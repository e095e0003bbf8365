// Custom-field values on contacts, opportunities and contracts: each entity
// type sets only the fields defined for it, typed, with the previous value
// kept in the event (customers: customer_test.cc).
#include <gtest/gtest.h>

#include "domain/contact/contact.h"
#include "tests/domain/contract_fixture.h"
#include "tests/domain/decision_expect.h"
#include "tests/domain/opportunity_fixture.h"

namespace dealstream::domain {
namespace {

using testing::Emits;
using testing::IsRefused;

void DefineFields(testing::FakeDirectory& directory) {
  directory.custom_fields.push_back({"customer", "tier", "choice", {"gold", "silver"}});
  directory.custom_fields.push_back({"contact", "linkedin", "text", {}});
  directory.custom_fields.push_back({"contact", "met_at_fair", "boolean", {}});
  directory.custom_fields.push_back({"opportunity", "tender_no", "text", {}});
  directory.custom_fields.push_back({"opportunity", "bid_bond", "number", {}});
  directory.custom_fields.push_back({"contract", "erp_order", "text", {}});
  directory.custom_fields.push_back({"contract", "renewal_on", "date", {}});
}

class ContactCustomFieldsTest : public testing::DealTest<ContactAggregate> {
 protected:
  ContactCustomFieldsTest() { DefineFields(directory_); }
  static ContactAdded Added() {
    return ContactAdded{Id{"k1"}, Id{"acme"}, "CIO", "IT", ContactPersonalData{"Zhang Wei"}};
  }
};

TEST_F(ContactCustomFieldsTest, SetsValuesAsPersonalDataWithPreviousValues) {
  EXPECT_TRUE(Emits(
      When({Added()}, SetContactCustomFields{Id{"k1"}, {{"linkedin", "zw"}, {"met_at_fair", "true"}}}),
      {ContactCustomFieldsSet{
          Id{"k1"}, {{{"linkedin", "zw", std::nullopt}, {"met_at_fair", "true", std::nullopt}}}}}));
  std::vector<ContactAggregate::Event> given = {
      Added(), ContactCustomFieldsSet{Id{"k1"}, {{{"linkedin", "zw", std::nullopt}}}}};
  EXPECT_TRUE(Emits(When(given, SetContactCustomFields{Id{"k1"}, {{"linkedin", ""}}}),
                    {ContactCustomFieldsSet{Id{"k1"}, {{{"linkedin", std::nullopt, "zw"}}}}}));
  ContactState after = testing::StateAfter<ContactAggregate>(given);
  EXPECT_EQ(after.custom_fields.at("linkedin"), "zw");
}

TEST_F(ContactCustomFieldsTest, Rules) {
  EXPECT_TRUE(IsRefused(When({}, SetContactCustomFields{Id{"k1"}, {{"linkedin", "zw"}}}),
                        "contact_not_found", "contact_id"));
  // A field defined for another entity type is not a contact field.
  EXPECT_TRUE(IsRefused(When({Added()}, SetContactCustomFields{Id{"k1"}, {{"tier", "gold"}}}),
                        "custom_field_not_found", "values.tier"));
  EXPECT_TRUE(IsRefused(When({Added()}, SetContactCustomFields{Id{"k1"}, {{"met_at_fair", "yes"}}}),
                        "custom_field_value_invalid", "values.met_at_fair"));
  EXPECT_TRUE(IsRefused(When({Added()}, SetContactCustomFields{Id{"k1"}, {}}),
                        "custom_fields_required", "values"));
  EXPECT_TRUE(IsRefused(When({Added(), ContactLeftCompany{Id{"k1"}, Id{"acme"}}},
                             SetContactCustomFields{Id{"k1"}, {{"linkedin", "zw"}}}),
                        "contact_left_company", "contact_id"));
}

class OpportunityCustomFieldsTest : public testing::OpportunityTest {
 protected:
  OpportunityCustomFieldsTest() { DefineFields(directory_); }
};

TEST_F(OpportunityCustomFieldsTest, SetsValuesOnOpenAndClosedDeals) {
  EXPECT_TRUE(Emits(
      When({Opened()}, SetOpportunityCustomFields{Id{"o1"}, {{"tender_no", "T-17/88"}}}),
      {OpportunityCustomFieldsSet{Id{"o1"}, {{"tender_no", "T-17/88", std::nullopt}}}}));
  std::vector<A::Event> given = {
      Opened(), OpportunityCustomFieldsSet{Id{"o1"}, {{"bid_bond", "2500.50", std::nullopt}}}};
  EXPECT_TRUE(Emits(When(given, SetOpportunityCustomFields{Id{"o1"}, {{"bid_bond", "3000"}}}),
                    {OpportunityCustomFieldsSet{Id{"o1"}, {{"bid_bond", "3000", "2500.50"}}}}));
  EXPECT_EQ(testing::StateAfter<A>(given).custom_fields.at("bid_bond"), "2500.50");
  EXPECT_TRUE(When({Opened(), Won()}, SetOpportunityCustomFields{Id{"o1"}, {{"tender_no", "T"}}}).ok());
}

TEST_F(OpportunityCustomFieldsTest, Rules) {
  EXPECT_TRUE(IsRefused(When({}, SetOpportunityCustomFields{Id{"o1"}, {{"tender_no", "T"}}}),
                        "opportunity_not_found", "opportunity_id"));
  EXPECT_TRUE(IsRefused(When({Opened()}, SetOpportunityCustomFields{Id{"o1"}, {{"bid_bond", "lots"}}}),
                        "custom_field_value_invalid", "values.bid_bond"));
  EXPECT_TRUE(IsRefused(When({Opened()}, SetOpportunityCustomFields{Id{"o1"}, {{"linkedin", "x"}}}),
                        "custom_field_not_found", "values.linkedin"));
  EXPECT_TRUE(IsRefused(When({Opened()}, SetOpportunityCustomFields{Id{"o1"}, {{"tender_no", ""}}}),
                        "nothing_to_update", "values"));
}

class ContractCustomFieldsTest : public testing::ContractTest {
 protected:
  ContractCustomFieldsTest() { DefineFields(directory_); }
};

TEST_F(ContractCustomFieldsTest, SetsValuesInEveryStatus) {
  EXPECT_TRUE(Emits(
      When({Drafted()}, SetContractCustomFields{Id{"k1"}, {{"renewal_on", "2018-01-01"}}}),
      {ContractCustomFieldsSet{Id{"k1"}, {{"renewal_on", "2018-01-01", std::nullopt}}}}));
  std::vector<A::Event> given = Executing();
  given.push_back(ContractCustomFieldsSet{Id{"k1"}, {{"erp_order", "SO-1", std::nullopt}}});
  EXPECT_TRUE(Emits(When(given, SetContractCustomFields{Id{"k1"}, {{"erp_order", "SO-2"}}}),
                    {ContractCustomFieldsSet{Id{"k1"}, {{"erp_order", "SO-2", "SO-1"}}}}));
  EXPECT_EQ(testing::StateAfter<A>(given).custom_fields.at("erp_order"), "SO-1");
}

TEST_F(ContractCustomFieldsTest, Rules) {
  EXPECT_TRUE(IsRefused(When({}, SetContractCustomFields{Id{"k1"}, {{"erp_order", "SO-1"}}}),
                        "contract_not_found", "contract_id"));
  EXPECT_TRUE(IsRefused(When({Drafted()}, SetContractCustomFields{Id{"k1"}, {{"renewal_on", "2018-02-30"}}}),
                        "custom_field_value_invalid", "values.renewal_on"));
  EXPECT_TRUE(IsRefused(When({Drafted()}, SetContractCustomFields{Id{"k1"}, {{"tender_no", "T"}}}),
                        "custom_field_not_found", "values.tender_no"));
}

}  // namespace
}  // namespace dealstream::domain
