// The read side end to end: events appended to a real log, the worker
// following it, queries through ReadModels with as_of / known_at, JSON
// renderings, ownership lookups, restart from the snapshot and rebuild.
#include "projections/read_models.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <thread>

#include "log_fixture.h"
#include "pipeline_scenario.h"
#include "projections/views_json.h"

namespace dealstream::projections {
namespace {

using eventstore::testing::OpenRocks;
using eventstore::testing::TempDir;
using testing::EndOf;
using testing::Usd;
using namespace std::chrono_literals;

class ReadModelsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log_ = OpenRocks(dir_.path() + "/log", eventstore::Durability::kOs);
    auto store = SnapshotStore::Open({.path = dir_.path() + "/projections"});
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
  }
  std::unique_ptr<ReadModels> Start() {
    auto m = ReadModels::Start(*log_, *store_);
    EXPECT_TRUE(m.ok());
    if (!m.ok()) return nullptr;
    EXPECT_TRUE((*m)->WaitForPosition(log_->Head().position, 10s));
    return std::move(*m);
  }

  TempDir dir_;
  std::unique_ptr<eventstore::RocksEventLog> log_;
  std::unique_ptr<SnapshotStore> store_;
};

TEST_F(ReadModelsTest, AnswersFromTheLogWithJsonInTheContractShape) {
  testing::Story story(log_.get());
  testing::TellPipelineScenario(story);
  auto models = Start();

  auto funnel = models->Funnel({}, {});
  ASSERT_TRUE(funnel.ok());
  const nlohmann::json f = nlohmann::json::parse(ToJson(*funnel));
  EXPECT_EQ(f["position"], log_->Head().position.value);
  ASSERT_EQ(f["stages"].size(), 10u);
  EXPECT_EQ(f["stages"][0]["stage"], "Prospecting");
  EXPECT_EQ(f["stages"][0]["probability"], 10);
  EXPECT_EQ(f["stages"][0]["count"], 1);
  EXPECT_EQ(f["stages"][0]["amount"], (nlohmann::json{{"amount", "100000.00"}, {"currency", "USD"}}));
  EXPECT_EQ(f["stages"][0]["weighted_amount"]["amount"], "10000.00");
  EXPECT_EQ(f["open"]["weighted_amount"]["amount"], "42500.00");

  auto employees = models->Employees({}, {.period = "2017-Q1"});
  ASSERT_TRUE(employees.ok());
  const nlohmann::json e = nlohmann::json::parse(ToJson(*employees));
  ASSERT_EQ(e["employees"].size(), 2u);
  EXPECT_EQ(e["employees"][0]["employee_id"], "bob");
  EXPECT_EQ(e["employees"][0]["name"], "Bob");
  EXPECT_EQ(e["employees"][0]["department_id"], "west");
  EXPECT_EQ(e["employees"][0]["won_count"], 1);
  EXPECT_EQ(e["employees"][0]["lost_count"], 1);
  EXPECT_DOUBLE_EQ(e["employees"][0]["win_rate"].get<double>(), 0.5);
  EXPECT_EQ(e["employees"][0]["won_amount"]["amount"], "180000.00");
  EXPECT_DOUBLE_EQ(e["employees"][0]["attainment"].get<double>(), 1.2);
  EXPECT_TRUE(e["employees"][1]["win_rate"].is_null());

  auto forecast = models->Forecast({}, {}, Granularity::kMonth);
  ASSERT_TRUE(forecast.ok());
  EXPECT_EQ(nlohmann::json::parse(ToJson(*forecast))["granularity"], "month");
  auto analysis = models->PipelineAnalysis({}, {});
  ASSERT_TRUE(analysis.ok());
  EXPECT_DOUBLE_EQ(nlohmann::json::parse(ToJson(*analysis))["win_rate"].get<double>(), 0.5);

  auto bad = models->Funnel({}, {.period = "Q1-2017"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.error().message().find("period"), std::string::npos);
}

TEST_F(ReadModelsTest, KnownAtShowsWhatTheSystemKnewThen) {
  testing::Story story(log_.get());
  testing::TellPipelineScenario(story);
  std::this_thread::sleep_for(5ms);
  const Timestamp before_correction = Now();
  std::this_thread::sleep_for(5ms);
  story.Revise("2017-01-06", "d1", Usd(120000));  // a backdated correction
  auto models = Start();

  const Timestamp feb7 = EndOf("2017-02-07");
  auto then = models->Funnel({.as_of = feb7, .known_at = before_correction}, {});
  auto now = models->Funnel({.as_of = feb7}, {});
  ASSERT_TRUE(then.ok() && now.ok());
  EXPECT_EQ(then->open.amount, Usd(460000));
  EXPECT_EQ(now->open.amount, Usd(480000));
  auto by_position = models->Funnel({.position = 3}, {});  // departments only
  ASSERT_TRUE(by_position.ok());
  EXPECT_EQ(by_position->open.count, 0);
}

TEST_F(ReadModelsTest, OwnershipForDataScopes) {
  testing::Story story(log_.get());
  testing::TellPipelineScenario(story);
  story.Add("2017-02-16", domain::OpportunityTeamMemberAdded{.opportunity_id = domain::Id{"d5"},
                                                              .member_id = domain::Id{"bob"}});
  auto models = Start();
  const api::ScopeResolver& r = models->scope_resolver();
  auto d5 = r.OwnershipOf("opportunity", "d5");
  ASSERT_TRUE(d5.has_value());
  EXPECT_EQ(d5->owner_id, "alice");
  EXPECT_EQ(d5->department_id, "east");
  EXPECT_EQ(d5->team_member_ids, std::vector<std::string>{"bob"});
  EXPECT_FALSE(r.OwnershipOf("opportunity", "nope").has_value());
  EXPECT_TRUE(r.OwnershipOf("department", "east")->shared);
  EXPECT_EQ(r.DepartmentOf("bob"), "west");
  EXPECT_FALSE(r.DepartmentOf("nobody").has_value());
  EXPECT_TRUE(r.IsWithinDepartment("east", "hq"));
  EXPECT_TRUE(r.IsWithinDepartment("east", "east"));
  EXPECT_FALSE(r.IsWithinDepartment("hq", "east"));
}

TEST_F(ReadModelsTest, RestartResumesFromTheSnapshotAndRebuildAgrees) {
  testing::Story story(log_.get());
  testing::TellPipelineScenario(story);
  std::string before;
  {
    auto models = Start();
    before = ToJson(*models->Employees({}, {}));
  }
  story.Win("2017-04-20", "d1", Usd(90000));
  auto models = Start();
  EXPECT_EQ(models->stats().resumed_from, log_->Head().position.value - 1);
  EXPECT_EQ(models->stats().events_applied, 1u);
  auto employees = models->Employees({}, {});
  ASSERT_TRUE(employees.ok());
  EXPECT_NE(ToJson(*employees), before);
  const std::string incremental = ToJson(*employees);
  ASSERT_TRUE(models->Rebuild().ok());
  EXPECT_EQ(ToJson(*models->Employees({}, {})), incremental);
  EXPECT_EQ(models->stats().generation, 1u);
  EXPECT_EQ(models->projection_stats().undecodable, 0u);
}

}  // namespace
}  // namespace dealstream::projections
