// The Maven dataset reader and import plan, on the real dataset (read-only)
// and on broken copies of it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "log_fixture.h"
#include "replay/maven/dataset.h"
#include "replay/maven/plan.h"

namespace dealstream::replay::maven {
namespace {

using eventstore::testing::TempDir;

const Dataset& RealDataset() {
  static const Dataset data = [] {
    auto d = ReadMavenDataset(MAVEN_DATASET_DIR);
    EXPECT_TRUE(d.ok()) << d.error().ToString();
    return d.ok() ? std::move(*d) : Dataset{};
  }();
  return data;
}

std::map<std::string, const Quirk*> ByCode(const ImportPlan& plan) {
  std::map<std::string, const Quirk*> out;
  for (const Quirk& q : plan.quirks) out[q.code] = &q;
  return out;
}

TEST(MavenDatasetTest, ReadsEveryTable) {
  const Dataset& data = RealDataset();
  EXPECT_EQ(data.accounts.size(), 85u);
  EXPECT_EQ(data.products.size(), 7u);
  EXPECT_EQ(data.teams.size(), 35u);
  EXPECT_EQ(data.deals.size(), 8800u);
  EXPECT_EQ(data.dictionary.size(), 21u);
}

TEST(MavenPlanTest, CountsEveryQuirkTheReadmeLists) {
  const ImportPlan plan = BuildPlan(RealDataset(), {});
  auto q = ByCode(plan);
  ASSERT_EQ(q.size(), 10u);
  EXPECT_EQ(q["product_alias"]->count, 1480);
  EXPECT_EQ(q["product_alias"]->examples, std::vector<std::string>{"'GTXPro' -> 'GTX Pro'"});
  EXPECT_EQ(q["blank_account"]->count, 1425);
  EXPECT_EQ(q["blank_account"]->examples,
            (std::vector<std::string>{"Engaging: 1,088", "Prospecting: 337"}));
  EXPECT_EQ(q["blank_engage_date"]->count, 500);
  EXPECT_EQ(q["blank_close"]->count, 2089);
  EXPECT_EQ(q["lost_zero_value"]->count, 2473);
  EXPECT_EQ(q["agents_without_deals"]->count, 5);
  EXPECT_EQ(q["agents_without_deals"]->examples.size(), 5u);
  EXPECT_EQ(q["sector_misspelled"]->count, 12);
  EXPECT_EQ(q["country_misspelled"]->count, 1);
  EXPECT_EQ(q["account_name_lowercase"]->count, 1);
  EXPECT_EQ(q["account_name_lowercase"]->examples[0], "'dambase' -> 'Dambase'");
  EXPECT_EQ(q["dictionary_whitespace"]->count, 1);
}

TEST(MavenPlanTest, PlansTheOrganisationAndEveryDealStep) {
  const ImportPlan plan = BuildPlan(RealDataset(), {});
  const PlanTotals& t = plan.totals;
  EXPECT_EQ(t.departments, 10);
  EXPECT_EQ(t.managers, 6);
  EXPECT_EQ(t.agents, 35);
  EXPECT_EQ(t.customers, 85);
  EXPECT_GT(t.placeholders, 0);
  EXPECT_EQ(t.deals[0], 500);
  EXPECT_EQ(t.deals[1], 1589);
  EXPECT_EQ(t.deals[2], 4238);
  EXPECT_EQ(t.deals[3], 2473);
  EXPECT_EQ(t.first_day, "2016-10-20");
  EXPECT_EQ(t.last_day, "2017-12-31");
  const int64_t setup = 10 + 7 + 3 + 6 + 6 + 35 + 85 * 2 + t.placeholders;
  EXPECT_EQ(t.commands, setup + 8800 + (8800 - 500) + (4238 + 2473));

  // Deals run in one wave per business date, in date order; deal 1C1I7A6R
  // (Won) opens and advances on 2016-10-20 and closes on 2017-03-01.
  const Wave& first_day = plan.waves[6];
  const Chain* opened = nullptr;
  for (const Chain& chain : first_day) {
    if (chain.key == "deal/1C1I7A6R") opened = &chain;
  }
  ASSERT_NE(opened, nullptr);
  ASSERT_EQ(opened->steps.size(), 2u);
  EXPECT_EQ(opened->steps[0].type, "OpenOpportunity");
  EXPECT_NE(opened->steps[0].body.find(R"("occurred_at":"2016-10-20T00:00:00Z")"),
            std::string::npos);
  EXPECT_NE(opened->steps[0].body.find(R"("amount":{"amount":"1096.00","currency":"USD"})"),
            std::string::npos);
  EXPECT_EQ(opened->steps[1].type, "AdvanceOpportunityStage");
  const Chain* closed = nullptr;
  std::string previous_day;
  size_t deal_steps = 0;
  for (size_t w = 6; w < plan.waves.size(); ++w) {
    const std::string body = plan.waves[w].front().steps.front().body;
    const std::string day = body.substr(body.find("occurred_at") + 14, 10);
    EXPECT_LT(previous_day, day) << "waves in date order";
    previous_day = day;
    for (const Chain& chain : plan.waves[w]) {
      deal_steps += chain.steps.size();
      for (const PlannedCommand& step : chain.steps) {
        EXPECT_NE(step.body.find("\"occurred_at\":\"" + day), std::string::npos) << step.body;
      }
      if (chain.key == "deal/1C1I7A6R" && &chain != opened) closed = &chain;
    }
  }
  EXPECT_EQ(deal_steps, 8800u + 8300u + 6711u);
  ASSERT_NE(closed, nullptr);
  EXPECT_EQ(closed->steps[0].type, "WinOpportunity");
  EXPECT_NE(closed->steps[0].body.find(R"("amount":{"amount":"1054.00","currency":"USD"})"),
            std::string::npos);
  EXPECT_NE(closed->steps[0].body.find(R"("occurred_at":"2017-03-01T00:00:00Z")"),
            std::string::npos);
  EXPECT_EQ(closed->steps[0].idempotency_key, "maven-crm/deal/1C1I7A6R/close");
}

// A copy of the dataset with one line of one file replaced.
std::string BrokenCopy(const TempDir& dir, const std::string& file, size_t line,
                       const std::string& replacement) {
  for (const auto& entry : std::filesystem::directory_iterator(MAVEN_DATASET_DIR)) {
    if (entry.path().extension() != ".csv") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string content = text.str();
    if (entry.path().filename() == file) {
      size_t start = 0;
      for (size_t i = 1; i < line; ++i) start = content.find('\n', start) + 1;
      const size_t end = content.find('\n', start);
      content.replace(start, end - start, replacement + "\r");
    }
    std::ofstream(std::filesystem::path(dir.path()) / entry.path().filename(), std::ios::binary)
        << content;
  }
  return dir.path();
}

TEST(MavenDatasetTest, RefusesBrokenRowsNamingFileLineColumnAndRule) {
  struct Case {
    std::string file;
    size_t line;
    std::string row;
    std::string message;
  };
  const Case cases[] = {
      {"sales_pipeline.csv", 2, "1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-13-01,1054",
       "sales_pipeline.csv line 2, column close_date: '2017-13-01'"},
      {"sales_pipeline.csv", 3, "Z063OYW0,Nobody,GTXPro,Isdom,Won,2016-10-25,2017-03-11,4514",
       "sales_pipeline.csv line 3, column sales_agent: 'Nobody' is not in sales_teams.csv"},
      {"sales_pipeline.csv", 4, "EC4QE1BX,Darcel Schlecht,MG Special,Cancity,Won,2016-10-25,2016-10-01,50",
       "sales_pipeline.csv line 4, column close_date: is before the engage_date"},
      {"sales_pipeline.csv", 5, "MV1LWRNH,Moses Frase,GTX Basic,Codehow,Closed,2016-10-25,2017-03-09,588",
       "sales_pipeline.csv line 5, column deal_stage: 'Closed' is not Prospecting, Engaging, Won or Lost"},
      {"sales_pipeline.csv", 6, "1C1I7A6R,Moses Frase,GTX Basic,Codehow,Won,2016-10-25,2017-03-09,588",
       "sales_pipeline.csv line 6, column opportunity_id: '1C1I7A6R' is a duplicate"},
      {"accounts.csv", 2, "Acme Corporation,technolgy,1996,lots,2822,United States,",
       "accounts.csv line 2, column revenue: 'lots' is not a decimal number"},
      {"products.csv", 2, "GTX Basic,GTX", "products.csv line 2: expected 3 fields, found 2"},
  };
  for (const Case& c : cases) {
    TempDir dir;
    auto data = ReadMavenDataset(BrokenCopy(dir, c.file, c.line, c.row));
    ASSERT_FALSE(data.ok()) << c.row;
    EXPECT_NE(data.error().message().find(c.message), std::string::npos)
        << data.error().message();
  }
}

TEST(MavenPlanTest, SlugsAndIds) {
  EXPECT_EQ(Slug("GTX Plus Pro"), "gtx-plus-pro");
  EXPECT_EQ(Slug("  Mei-Mei Johns "), "mei-mei-johns");
  EXPECT_EQ(ProductId("GTX Pro"), "maven-product-gtx-pro");
  EXPECT_EQ(EmployeeId("Anna Snelling"), "maven-emp-anna-snelling");
  EXPECT_EQ(ProductKey("GTXPro"), ProductKey("GTX Pro"));
}

}  // namespace
}  // namespace dealstream::replay::maven
