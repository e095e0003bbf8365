// Knowledge articles and the scoring questionnaire through the command
// service over a real RocksDB log: JSON in, events stored, facts looked up
// in the log, rules answered as named errors.
#include <gtest/gtest.h>

#include "commands/log_command_service.h"
#include "log_fixture.h"

namespace dealstream::commands {
namespace {

using eventstore::testing::OpenRocks;
using eventstore::testing::Stream;
using eventstore::testing::TempDir;
using Kind = CommandError::Kind;

class ConfiguredCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log_ = OpenRocks(dir_.path(), eventstore::Durability::kOs);
    service_ = std::make_unique<LogCommandService>(*log_);
    MustRun("CreateDepartment", R"({"id":"hq","name":"Headquarters"})");
    MustRun("HireEmployee", R"({"id":"e1","name":"Ann Lee","department_id":"hq","role":"sales"})");
    MustRun("RegisterCustomer", R"({"id":"c1","name":"Acme","owner_id":"e1"})");
    MustRun("OpenOpportunity", R"({"id":"o1","customer_id":"c1","title":"Servers","owner_id":"e1",
        "amount":{"amount":"125000.00","currency":"USD"},"expected_close_date":"2030-06-30"})");
  }

  CommandOutcome Run(const std::string& type, const std::string& body) {
    return service_->Execute({.type = type, .body = body, .actor = "e1"});
  }
  CommandOk MustRun(const std::string& type, const std::string& body) {
    auto outcome = Run(type, body);
    EXPECT_TRUE(outcome.ok()) << type << ": " << (outcome.ok() ? "" : outcome.error().message);
    return outcome.ok() ? *outcome : CommandOk{};
  }
  std::vector<eventstore::RecordedEvent> EventsOf(const std::string& stream) {
    return *log_->ReadStream(Stream(stream), {1}, eventstore::Direction::kForward, 1000);
  }

  TempDir dir_;
  std::unique_ptr<eventstore::RocksEventLog> log_;
  std::unique_ptr<LogCommandService> service_;
};

TEST_F(ConfiguredCommandsTest, PublishesRevisesLinksAndWithdrawsAnArticle) {
  CommandOk published = MustRun("PublishKnowledgeArticle", R"({"id":"k1","kind":"won_deal_lesson",
      "title":"How we won Acme","body":"Early pilot, champion in IT.","tags":["pilot"],
      "links":[{"target":"opportunity","id":"o1"}]})");
  EXPECT_EQ(published.stream, "knowledge_article-k1");
  MustRun("RegisterProduct", R"({"id":"p1","sku":"GTX-500","name":"GTX Pro",
      "list_price":{"amount":"5500.00","currency":"USD"}})");
  MustRun("LinkKnowledgeArticle", R"({"article_id":"k1","target":"product","target_id":"p1"})");
  MustRun("ReviseKnowledgeArticle", R"({"article_id":"k1","body":"Early pilot; champion in IT."})");
  MustRun("WithdrawKnowledgeArticle", R"({"article_id":"k1","reason":"superseded"})");
  const auto events = EventsOf("knowledge_article-k1");
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].type, "crm.knowledge_article.published.v1");
  EXPECT_NE(events[0].data.find(R"("author_id":"e1")"), std::string::npos) << events[0].data;
  EXPECT_EQ(events[1].type, "crm.knowledge_article.linked.v1");
  EXPECT_EQ(events[2].type, "crm.knowledge_article.revised.v1");
  EXPECT_NE(events[2].data.find(R"("revision":2)"), std::string::npos) << events[2].data;
  EXPECT_EQ(events[3].type, "crm.knowledge_article.withdrawn.v1");
}

TEST_F(ConfiguredCommandsTest, ArticleRulesAreNamedErrorsAndWriteNothing) {
  const uint64_t head = log_->Head().position.value;
  auto missing = Run("PublishKnowledgeArticle", R"({"id":"k1","kind":"product_answer","title":"T",
      "body":"B","links":[{"target":"product","id":"nope"}]})");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, Kind::kNotFound);
  EXPECT_EQ(missing.error().code, "product_not_found");
  EXPECT_EQ(missing.error().field, "links[0].id");
  auto bad_kind = Run("PublishKnowledgeArticle", R"({"kind":"gossip","title":"T","body":"B"})");
  ASSERT_FALSE(bad_kind.ok());
  EXPECT_EQ(bad_kind.error().kind, Kind::kInvalid);
  EXPECT_EQ(bad_kind.error().field, "kind");
  auto no_article = Run("ReviseKnowledgeArticle", R"({"article_id":"k9","title":"T"})");
  ASSERT_FALSE(no_article.ok());
  EXPECT_EQ(no_article.error().code, "knowledge_article_not_found");
  EXPECT_EQ(log_->Head().position.value, head);
}

TEST_F(ConfiguredCommandsTest, EvaluationsScoreAgainstTheConfiguredQuestionnaire) {
  // The default questionnaire asks five criteria: "fit" is not one of them.
  auto unknown = Run("EvaluateOpportunity", R"({"opportunity_id":"o1",
      "answers":[{"criterion":"fit","value":10},{"criterion":"budget","value":0}]})");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "unknown_criterion");

  MustRun("DefineScoringCriteria",
          R"({"criteria":[{"name":"fit","weight":3},{"name":"budget","weight":1}]})");
  const auto config = EventsOf("config-scoring_criteria");
  ASSERT_EQ(config.size(), 1u);
  EXPECT_NE(config[0].data.find(R"("previous_criteria":[{"name":"expected_amount")"),
            std::string::npos)
      << config[0].data;
  MustRun("EvaluateOpportunity", R"({"opportunity_id":"o1",
      "answers":[{"criterion":"fit","value":10},{"criterion":"budget","value":0}]})");
  const auto deal = EventsOf("opportunity-o1");
  ASSERT_EQ(deal.back().type, "crm.opportunity.evaluated.v1");
  // 10 × (3×10 + 1×0) / (3 + 1) = 75.
  EXPECT_NE(deal.back().data.find(R"("score":75)"), std::string::npos) << deal.back().data;

  auto weight = Run("DefineScoringCriteria", R"({"criteria":[{"name":"fit","weight":0}]})");
  ASSERT_FALSE(weight.ok());
  EXPECT_EQ(weight.error().kind, Kind::kInvalid);
  EXPECT_EQ(weight.error().field, "criteria[0].weight");
}

}  // namespace
}  // namespace dealstream::commands
