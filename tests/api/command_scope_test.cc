// Who may change what, over real loopback HTTP through the full stack
// (full_stack.h): a seller changes records they own and what hangs off them
// (contacts, contracts, custom fields); records of others answer 404;
// reference data (configuration, departments, products) needs the admin
// role; a sales target is set by a manager, not by the person it measures.
#include <gtest/gtest.h>

#include "full_stack.h"

namespace dealstream::api::testing {
namespace {

class CommandScopeTest : public ::testing::Test {
 protected:
  Response Post(const std::string& type, const std::string& body, const std::string& token) {
    Request r{.method = "POST", .target = "/v1/commands/" + type, .body = body};
    r.headers.Set("Authorization", "Bearer " + token);
    r.headers.Set("Content-Type", "application/json");
    return stack_.Call(r);
  }
  static std::string Code(const Response& r) {
    auto json = nlohmann::json::parse(r.body, nullptr, false);
    return json.is_object() && json.contains("code") ? json["code"].get<std::string>() : r.body;
  }

  FullStack stack_;
};

TEST_F(CommandScopeTest, SellerChangesOwnRecordsAndWhatHangsOffThem) {
  const std::string ann = stack_.Token(Role::kSales, "emp-east");
  EXPECT_EQ(Post("AddContact", R"({"customer_id":"cust-east","name":"Lee"})", ann).status, 201);
  EXPECT_EQ(Post("UpdateContact", R"({"contact_id":"contact-east","title":"CIO"})", ann).status, 201);
  ASSERT_EQ(Post("DefineCustomField",
                 R"({"entity_type":"contract","key":"po","label":"PO","type":"text"})",
                 stack_.Token(Role::kAdmin, "root")).status, 201);
  Response contract = Post("SetContractCustomFields",
                           R"({"contract_id":"contract-east","values":{"po":"4711"}})", ann);
  EXPECT_EQ(contract.status, 201) << contract.body;
  EXPECT_EQ(Post("SetContractCustomFields",
                 R"({"contract_id":"contract-west","values":{"po":"4712"}})", ann).status, 404);

  // Others' records: exactly like missing ones (no existence leak).
  Response other = Post("UpdateContact", R"({"contact_id":"contact-west","title":"CIO"})", ann);
  EXPECT_EQ(other.status, 404) << other.body;
  Response missing = Post("UpdateContact", R"({"contact_id":"contact-none","title":"CIO"})", ann);
  EXPECT_EQ(missing.status, 404) << missing.body;
  Response foreign = Post("AddContact", R"({"customer_id":"cust-west","name":"Lee"})", ann);
  EXPECT_EQ(foreign.status, 403) << foreign.body;
  EXPECT_EQ(Code(foreign), "out_of_scope");
}

TEST_F(CommandScopeTest, CustomFieldValuesOnEveryEntityTypeWithinScope) {
  const std::string admin = stack_.Token(Role::kAdmin, "root");
  const std::string ann = stack_.Token(Role::kSales, "emp-east");
  for (const char* entity : {"customer", "contact", "opportunity", "contract"}) {
    const std::string body = std::string(R"({"entity_type":")") + entity +
                             R"(","key":"erp_no","label":"ERP number","type":"text"})";
    ASSERT_EQ(Post("DefineCustomField", body, admin).status, 201) << entity;
  }
  EXPECT_EQ(Post("SetContactCustomFields",
                 R"({"contact_id":"contact-east","values":{"erp_no":"K-1"}})", ann).status, 201);
  EXPECT_EQ(Post("SetOpportunityCustomFields",
                 R"({"opportunity_id":"opp-east","values":{"erp_no":"O-1"}})", ann).status, 201);
  EXPECT_EQ(Post("SetContractCustomFields",
                 R"({"contract_id":"contract-east","values":{"erp_no":"C-1"}})", ann).status, 201);
  Response bad = Post("SetOpportunityCustomFields",
                      R"({"opportunity_id":"opp-east","values":{"no_such":"x"}})", ann);
  EXPECT_EQ(bad.status, 404) << bad.body;
  EXPECT_NE(bad.body.find("values.no_such"), std::string::npos) << bad.body;
  EXPECT_EQ(Post("SetOpportunityCustomFields",
                 R"({"opportunity_id":"opp-west","values":{"erp_no":"O-2"}})", ann).status, 404);

  stack_.WaitCaughtUp();
  Response record = stack_.Get("/v1/opportunities/opp-east", ann);
  ASSERT_EQ(record.status, 200) << record.body;
  EXPECT_NE(record.body.find(R"("erp_no":"O-1")"), std::string::npos) << record.body;
}

TEST_F(CommandScopeTest, ReferenceDataNeedsAdmin) {
  const std::string body = R"({"entity_type":"customer","key":"tier","label":"Tier","type":"text"})";
  for (auto [role, employee] : {std::pair{Role::kSales, "emp-east"},
                                std::pair{Role::kManager, "mgr-east"}}) {
    Response refused = Post("DefineCustomField", body, stack_.Token(role, employee));
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(Code(refused), "reference_data_needs_admin");
    Response product = Post("RegisterProduct",
                            R"({"id":"prod-x","sku":"X-1","name":"X","list_price":{"amount":"100.00","currency":"USD"}})",
                            stack_.Token(role, employee));
    EXPECT_EQ(product.status, 403) << product.body;
  }
  EXPECT_EQ(Post("DefineCustomField", body, stack_.Token(Role::kAdmin, "root")).status, 201);
}

TEST_F(CommandScopeTest, SalesTargetsAreSetByManagers) {
  const std::string body = R"({"employee_id":"emp-east","period":"2030-Q1","amount":{"amount":"100000.00","currency":"USD"}})";
  Response own = Post("SetSalesTarget", body, stack_.Token(Role::kSales, "emp-east"));
  EXPECT_EQ(own.status, 403) << own.body;
  EXPECT_EQ(Code(own), "manager_role_required");
  Response manager = Post("SetSalesTarget", body, stack_.Token(Role::kManager, "mgr-east"));
  EXPECT_EQ(manager.status, 201) << manager.body;
  Response other = Post("SetSalesTarget",
                        R"({"employee_id":"emp-west","period":"2030-Q1","amount":{"amount":"100000.00","currency":"USD"}})",
                        stack_.Token(Role::kManager, "mgr-east"));
  EXPECT_EQ(other.status, 403) << other.body;
}

}  // namespace
}  // namespace dealstream::api::testing
