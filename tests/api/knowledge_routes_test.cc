// The knowledge base over the real command service and log: articles are
// published, revised, linked and withdrawn through commands; the search
// route (/v1/knowledge-articles?q=…) finds the published ones by words,
// kind, tag and link; the record view shows an article's whole state; and
// every record collection renders its aggregate's own state.
#include <gtest/gtest.h>

#include <chrono>

#include "api/json_util.h"
#include "api/knowledge_routes.h"
#include "api/record_routes.h"
#include "projections/knowledge_search.h"
#include "read_models_api.h"

namespace dealstream::api {
namespace {

// The in-process read side of read_models_api.h, plus the knowledge search,
// the record routes and the knowledge routes; commands are Ann's, requests
// the admin's unless a token is given.
class KnowledgeRoutesTest : public testing::ReadModelsApiTest {
 protected:
  KnowledgeRoutesTest() {
    Command("CreateDepartment", R"({"id":"hq","name":"HQ"})");
    Command("HireEmployee", R"({"id":"ann","name":"Ann","department_id":"hq","role":"sales"})");
    Command("RegisterCustomer", R"({"id":"c1","name":"Acme","owner_id":"ann"})");
    Command("OpenOpportunity", R"({"id":"o1","customer_id":"c1","title":"Servers","owner_id":"ann",
        "amount":{"amount":"1000.00","currency":"USD"},"expected_close_date":"2030-01-31"})");
    Command("RegisterCompetitor", R"({"id":"rival","name":"Rival Corp"})");
    Command("RegisterProduct", R"({"id":"p1","sku":"GTX-500","name":"GTX Pro",
        "list_price":{"amount":"5500.00","currency":"USD"}})");
    Command("PublishKnowledgeArticle", R"({"id":"k1","kind":"lost_deal_lesson",
        "title":"Why we lost Acme","body":"Rival undercut our pricing by twenty percent.",
        "tags":["pricing"],"links":[{"target":"opportunity","id":"o1"},
                                    {"target":"competitor","id":"rival"}]})");
    Command("PublishKnowledgeArticle", R"({"id":"k2","kind":"product_answer",
        "title":"GTX Pro power draw","body":"The GTX Pro draws 450 W at peak; price is list.",
        "tags":["gtx","power"],"links":[{"target":"product","id":"p1"}]})");
    Command("PublishKnowledgeArticle", R"({"id":"k3","kind":"competitor_intelligence",
        "title":"Rival roadmap","body":"Old news about pricing.","tags":["rival"]})");
    Command("WithdrawKnowledgeArticle", R"({"article_id":"k3","reason":"outdated"})");
    Command("ReviseKnowledgeArticle", R"({"article_id":"k1","title":"Why we lost Acme in 2017",
        "note":"added the year"})");
    search_ = std::make_unique<projections::KnowledgeSearch>(*log_);
    EXPECT_TRUE(search_->WaitForPosition(log_->Head().position.value, std::chrono::seconds(10)));
    EXPECT_EQ(search_->undecodable(), 0u);
    StartReadModels();
    api_->AddRoutes(RecordRoutes(*log_));
    api_->AddRoutes(KnowledgeRoutes(*search_));
    admin_ = Token(Role::kAdmin, "admin");
  }

  void Command(const std::string& type, const std::string& body) {
    ReadModelsApiTest::Command(type, body, "ann");
  }
  Response Get(const std::string& target, const std::string& token = "") {
    return ReadModelsApiTest::Get(target, token.empty() ? admin_ : token);
  }
  // The ids of the articles a search finds, in order.
  std::vector<std::string> Found(const std::string& query) {
    Response r = Get("/v1/knowledge-articles" + query);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    std::vector<std::string> ids;
    const auto body = ParseJson(r.body);  // kept alive for the loop below
    for (const auto& a : body["articles"]) ids.push_back(a["id"]);
    return ids;
  }

  std::unique_ptr<projections::KnowledgeSearch> search_;
  std::string admin_;
};

using Ids = std::vector<std::string>;

TEST_F(KnowledgeRoutesTest, FindsPublishedArticlesByEveryWordBestFirst) {
  // "pric" prefixes "pricing" (k1's body and tag) and "price" (k2's body);
  // the withdrawn k3 is never found. k1 scores 2 (tag) + 1 (body).
  EXPECT_EQ(Found("?q=pric"), (Ids{"k1", "k2"}));
  EXPECT_EQ(Found("?q=GTX%20power"), (Ids{"k2"}));  // every word must match
  EXPECT_EQ(Found("?q=gtx%20acme"), Ids{});
  EXPECT_EQ(Found("?q=2017"), (Ids{"k1"}));  // the revised title
  EXPECT_EQ(Found("?q=roadmap"), Ids{});

  Response r = Get("/v1/knowledge-articles?q=undercut");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json body = ParseJson(r.body);
  EXPECT_EQ(body["total"], 1);
  const nlohmann::json& hit = body["articles"][0];
  EXPECT_EQ(hit["title"], "Why we lost Acme in 2017");
  EXPECT_EQ(hit["kind"], "lost_deal_lesson");
  EXPECT_EQ(hit["revision"], 2);
  EXPECT_EQ(hit["author_id"], "ann");
  EXPECT_EQ(hit["score"], 1);
  EXPECT_NE(hit["snippet"].get<std::string>().find("undercut"), std::string::npos);
  EXPECT_FALSE(hit.contains("body"));
}

TEST_F(KnowledgeRoutesTest, FiltersByKindTagAndLinkAndLimits) {
  EXPECT_EQ(Found("?kind=product_answer"), (Ids{"k2"}));
  EXPECT_EQ(Found("?tag=pricing"), (Ids{"k1"}));
  EXPECT_EQ(Found("?linked_to=competitor:rival"), (Ids{"k1"}));
  EXPECT_EQ(Found("?linked_to=product:p1&q=draws"), (Ids{"k2"}));
  // No words: every published article, most recently changed first.
  EXPECT_EQ(Found(""), (Ids{"k1", "k2"}));
  Response r = Get("/v1/knowledge-articles?limit=1");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(ParseJson(r.body)["articles"].size(), 1u);
  EXPECT_EQ(ParseJson(r.body)["total"], 2);
}

TEST_F(KnowledgeRoutesTest, NewCommandsAreSearchableOnceApplied) {
  Command("LinkKnowledgeArticle", R"({"article_id":"k2","target":"competitor","target_id":"rival"})");
  EXPECT_TRUE(search_->WaitForPosition(log_->Head().position.value, std::chrono::seconds(10)));
  EXPECT_EQ(Found("?linked_to=competitor:rival"), (Ids{"k2", "k1"}));
  Command("WithdrawKnowledgeArticle", R"({"article_id":"k2","reason":"moved to the manual"})");
  EXPECT_TRUE(search_->WaitForPosition(log_->Head().position.value, std::chrono::seconds(10)));
  EXPECT_EQ(Found("?q=gtx"), Ids{});
  EXPECT_EQ(search_->undecodable(), 0u);
}

TEST_F(KnowledgeRoutesTest, BadParametersAre400sNamingTheParameter) {
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"?kind=rumour", "kind"},
           {"?linked_to=customer:c1", "linked_to"},
           {"?linked_to=product", "linked_to"},
           {"?tag=Not%20a%20tag", "tag"},
           {"?limit=0", "limit"},
           {"?limit=101", "limit"},
           {"?sort=title", "sort"}}) {
    Response r = Get("/v1/knowledge-articles" + query);
    EXPECT_EQ(r.status, 400) << query << ": " << r.body;
    EXPECT_NE(r.body.find(field), std::string::npos) << query << ": " << r.body;
  }
}

TEST_F(KnowledgeRoutesTest, ArticlesAreCompanyKnowledgeForEveryReader) {
  const std::string sales = Token(Role::kSales, "ann");
  EXPECT_EQ(Get("/v1/knowledge-articles?q=gtx", sales).status, 200);
  Response r = Get("/v1/knowledge-articles/k1", sales);
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json view = ParseJson(r.body);
  EXPECT_EQ(view["state_mode"], "aggregate");
  EXPECT_EQ(view["state"]["revision"], 2);
  EXPECT_EQ(view["state"]["body"], "Rival undercut our pricing by twenty percent.");
  EXPECT_EQ(view["state"]["links"].size(), 2u);
  EXPECT_EQ(Get("/v1/knowledge-articles/k3").status, 200);  // withdrawn, still a record
  EXPECT_EQ(ParseJson(Get("/v1/knowledge-articles/k3").body)["state"]["withdrawn"], true);
  EXPECT_EQ(Get("/v1/knowledge-articles/nope").status, 404);
  Response history = Get("/v1/knowledge-articles/k1/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_EQ(ParseJson(history.body)["steps"].size(), 2u);
}

// Every collection shows its aggregate's own state, not a merge of payloads.
TEST_F(KnowledgeRoutesTest, EveryRecordCollectionRendersItsAggregateState) {
  Command("AddContact", R"({"id":"p1","customer_id":"c1","name":"Zhang Wei","title":"CIO"})");
  Command("SetContactRole", R"({"contact_id":"p1","opportunity_id":"o1","role":"decision_maker",
      "influence":5,"stance":"supporter"})");
  Command("RegisterPartner", R"({"id":"pa","name":"Channel Co","kind":"reseller"})");
  Command("SetSalesTarget", R"({"id":"t1","employee_id":"ann","period":"2030-Q1",
      "amount":{"amount":"50000.00","currency":"USD"}})");
  Command("RegisterCompetingProduct", R"({"id":"cp","competitor_id":"rival","name":"R-9",
      "compared_to_product_id":"p1"})");
  struct Expect {
    std::string path, field;
    nlohmann::json value;
  };
  for (const Expect& e : std::vector<Expect>{
           {"/v1/customers/c1", "lifecycle", "target"},
           {"/v1/contacts/p1", "title", "CIO"},
           {"/v1/departments/hq", "name", "HQ"},
           {"/v1/employees/ann", "role", "sales"},
           {"/v1/products/p1", "sku", "GTX-500"},
           {"/v1/competitors/rival", "name", "Rival Corp"},
           {"/v1/competing-products/cp", "compared_to_product_id", "p1"},
           {"/v1/partners/pa", "kind", "reseller"},
           {"/v1/sales-targets/t1", "period", "2030-Q1"}}) {
    Response r = Get(e.path);
    ASSERT_EQ(r.status, 200) << e.path << ": " << r.body;
    const nlohmann::json view = ParseJson(r.body);
    EXPECT_EQ(view["state_mode"], "aggregate") << e.path;
    EXPECT_EQ(view["state"]["exists"], true) << e.path;
    EXPECT_EQ(view["state"][e.field], e.value) << e.path << ": " << r.body;
  }
  const nlohmann::json contact = ParseJson(Get("/v1/contacts/p1").body)["state"];
  ASSERT_EQ(contact["roles"].size(), 1u);
  EXPECT_EQ(contact["roles"][0]["opportunity_id"], "o1");
  EXPECT_EQ(contact["roles"][0]["role"], "decision_maker");
  EXPECT_EQ(contact["personal"]["name"], "Zhang Wei");
}

}  // namespace
}  // namespace dealstream::api
