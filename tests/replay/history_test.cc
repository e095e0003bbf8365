// History, as-of state and the record folds, over the small CRM.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "crm_fixture.h"
#include "log_fixture.h"
#include "projections/record_states.h"
#include "replay/data_dir.h"
#include "replay/history.h"

namespace dealstream::replay {
namespace {

using eventstore::testing::TempDir;
using nlohmann::json;

class HistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::SeedDataDir(tmp_.path() + "/data");
    auto dir = DataDir::Open({.path = tmp_.path() + "/data"});
    ASSERT_TRUE(dir.ok()) << dir.error().ToString();
    dir_ = std::move(*dir);
  }
  static eventstore::StreamName Stream(const std::string& name) {
    return *eventstore::StreamName::Parse(name);
  }
  static Timestamp At(const std::string& text) { return *ParseTimestamp(text); }
  static const FieldChange* Change(const HistoryStep& step, const std::string& field) {
    for (const FieldChange& c : step.changes) {
      if (c.field == field) return &c;
    }
    return nullptr;
  }

  TempDir tmp_;
  std::unique_ptr<DataDir> dir_;
};

TEST_F(HistoryTest, StepsCarryMetadataAndFieldChangesFromTheAggregate) {
  auto history = LoadHistory(dir_->log(), Stream("opportunity-deal1"));
  ASSERT_TRUE(history.ok()) << history.error().ToString();
  EXPECT_EQ(history->state_mode, "aggregate");
  ASSERT_EQ(history->steps.size(), 4u);
  const HistoryStep& opened = history->steps[0];
  EXPECT_EQ(opened.version, 1u);
  EXPECT_EQ(opened.command, "OpenOpportunity");
  EXPECT_EQ(opened.actor, "tester");
  EXPECT_FALSE(opened.correlation_id.empty());
  EXPECT_EQ(opened.time, At("2017-02-01T00:00:00Z"));
  EXPECT_GT(opened.recorded_time, opened.time);
  ASSERT_NE(Change(opened, "stage"), nullptr);
  EXPECT_FALSE(Change(opened, "stage")->before.has_value()) << "the record did not exist";
  EXPECT_EQ(*Change(opened, "stage")->after, "\"Prospecting\"");

  const HistoryStep& advanced = history->steps[1];
  EXPECT_EQ(advanced.command, "AdvanceOpportunityStage");
  const FieldChange* stage = Change(advanced, "stage");
  ASSERT_NE(stage, nullptr);
  EXPECT_EQ(*stage->before, "\"Prospecting\"");
  EXPECT_EQ(*stage->after, "\"Needs Analysis\"");
  EXPECT_EQ(Change(advanced, "title"), nullptr) << "unchanged fields are not listed";
  ASSERT_NE(Change(advanced, "stages_reached[1]"), nullptr) << "an appended entry";
  EXPECT_EQ(json::parse(*Change(advanced, "stages_reached[1]")->after)["stage"], "Needs Analysis");

  const FieldChange* amount = Change(history->steps[2], "amount");
  ASSERT_NE(amount, nullptr);
  EXPECT_EQ(json::parse(*amount->before)["amount"], "1000.00");
  EXPECT_EQ(json::parse(*amount->after)["amount"], "1100.00");
  EXPECT_EQ(json::parse(history->state)["status"], "won");
  EXPECT_EQ(json::parse(history->state)["amount"]["amount"], "1200.00");
}

TEST_F(HistoryTest, JsonAndTableRenderEveryStep) {
  auto history = LoadHistory(dir_->log(), Stream("opportunity-deal1"));
  ASSERT_TRUE(history.ok());
  json j = json::parse(ToJson(*history));
  ASSERT_EQ(j["steps"].size(), 4u);
  EXPECT_EQ(j["steps"][1]["changes"][0]["field"].is_string(), true);
  EXPECT_EQ(j["steps"][3]["type"], "crm.opportunity.won.v1");
  EXPECT_EQ(j["steps"][0]["time"], "2017-02-01T00:00:00.000000Z");
  EXPECT_TRUE(j["next_version"].is_null());
  const std::string table = ToTable(*history);
  EXPECT_NE(table.find("~ stage: \"Prospecting\" -> \"Needs Analysis\""), std::string::npos)
      << table;
  EXPECT_NE(table.find("command WinOpportunity"), std::string::npos);
}

TEST_F(HistoryTest, PagingListsLaterStepsWithTheFullStateBefore) {
  auto page = LoadHistory(dir_->log(), Stream("opportunity-deal1"),
                          {.from_version = 2, .limit = 2});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->steps.size(), 2u);
  EXPECT_EQ(page->steps[0].version, 2u);
  EXPECT_EQ(*Change(page->steps[0], "stage")->before, "\"Prospecting\"");
  EXPECT_EQ(page->next_version, 4u);
  EXPECT_EQ(page->version, 4u);
}

TEST_F(HistoryTest, UnreflectedStatesFoldTheEventsFields) {
  auto history = LoadHistory(dir_->log(), Stream("customer-acme"));
  ASSERT_TRUE(history.ok()) << history.error().ToString();
  json state = json::parse(history->state);
  EXPECT_EQ(state["name"], "Acme");
  EXPECT_EQ(state["industry"], "software") << "a change object applies its value";
  bool saw_industry_change = false;
  for (const HistoryStep& step : history->steps) {
    if (const FieldChange* c = Change(step, "industry"); c && c->before) {
      EXPECT_EQ(*c->before, "\"retail\"");
      EXPECT_EQ(*c->after, "\"software\"");
      saw_industry_change = true;
    }
  }
  EXPECT_TRUE(saw_industry_change);
}

TEST_F(HistoryTest, StateAsOfCountsOnlyEventsUpToTheBusinessTime) {
  const auto stream = Stream("opportunity-deal1");
  auto before_open = LoadStateAsOf(dir_->log(), stream, {At("2017-01-31T23:59:59Z"), {}});
  ASSERT_TRUE(before_open.ok());
  EXPECT_FALSE(before_open->exists);
  EXPECT_EQ(before_open->events_later, 4u);

  auto march = LoadStateAsOf(dir_->log(), stream, {*ParseTimestamp("2017-03-01"), {}});
  ASSERT_TRUE(march.ok());
  EXPECT_EQ(march->version, 2u);
  json state = json::parse(march->state);
  EXPECT_EQ(state["stage"], "Needs Analysis");
  EXPECT_EQ(state["amount"]["amount"], "1000.00");
  EXPECT_EQ(state["status"], "open");

  auto now = LoadStateAsOf(dir_->log(), stream, {});
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(json::parse(now->state)["status"], "won");
  EXPECT_EQ(now->events_counted, 4u);
}

TEST_F(HistoryTest, KnownAtBoundsByRecordedTime) {
  const auto stream = Stream("opportunity-deal1");
  auto history = LoadHistory(dir_->log(), stream);
  ASSERT_TRUE(history.ok());
  const Timestamp second_recorded = history->steps[1].recorded_time;
  auto known = LoadStateAsOf(dir_->log(), stream, {{}, second_recorded});
  ASSERT_TRUE(known.ok());
  EXPECT_GE(known->version, 2u);
  EXPECT_LE(known->version, 4u);
  auto nothing = LoadStateAsOf(dir_->log(), stream, {{}, At("2000-01-01T00:00:00Z")});
  ASSERT_TRUE(nothing.ok());
  EXPECT_FALSE(nothing->exists);
}

// The read side's record views fold the same events the same way: `state`
// and GET /v1/opportunities/{id}?as_of= must agree at every instant.
TEST_F(HistoryTest, StateAsOfAgreesWithTheReadSidesRecordViews) {
  projections::RecordStates views(dir_->log());
  for (const char* when : {"2017-02-01", "2017-03-01", "2017-03-20", "2017-04-01", "2099-01-01"}) {
    const Timestamp t = *ParseTimestamp(when);
    auto mine = LoadStateAsOf(dir_->log(), Stream("opportunity-deal1"), {t, {}});
    ASSERT_TRUE(mine.ok());
    projections::Visibility vis;
    vis.max_time = t;
    auto theirs = views.StateJson("opportunity", "deal1", vis);
    ASSERT_TRUE(theirs.ok()) << theirs.error().ToString();
    ASSERT_TRUE(theirs->has_value()) << when;
    EXPECT_EQ(json::parse(mine->state), json::parse(**theirs)) << when;
  }
}

TEST_F(HistoryTest, UnknownStreamIsNotFound) {
  EXPECT_EQ(LoadHistory(dir_->log(), Stream("opportunity-nope")).error().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(LoadStateAsOf(dir_->log(), Stream("opportunity-nope"), {}).error().code(),
            StatusCode::kNotFound);
}

TEST(CollectionsTest, MapHttpCollectionsToCategories) {
  EXPECT_EQ(CategoryOfCollection("opportunities"), "opportunity");
  EXPECT_EQ(CategoryOfCollection("service-requests"), "service_request");
  EXPECT_FALSE(CategoryOfCollection("tokens").has_value());
}

}  // namespace
}  // namespace dealstream::replay
