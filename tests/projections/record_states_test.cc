#include "projections/record_states.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "codec/event_codec.h"
#include "crm_story.h"
#include "domain/opportunity/opportunity.h"
#include "eventstore/memory_event_log.h"

namespace dealstream::projections {
namespace {

using domain::Id;
using domain::OpportunityAggregate;
using testing::At;
using testing::EndOf;
using testing::Usd;

class RecordStatesTest : public ::testing::Test {
 protected:
  uint64_t Append(std::string_view when, OpportunityAggregate::Event e) {
    eventstore::AppendRequest r{.stream = *eventstore::StreamName::Make("opportunity", "op-1")};
    r.events.push_back(codec::ToProposedEvent(e, "op-1", At(when), {}));
    auto result = log_.Append(std::move(r));
    EXPECT_TRUE(result.ok());
    return result.ok() ? result->last_position.value : 0;
  }
  void Open() {
    Append("2017-01-10", domain::OpportunityOpened{
                             .opportunity_id = Id{"op-1"}, .customer_id = Id{"c-1"},
                             .title = "ERP", .amount = Usd(1000),
                             .expected_close_date = testing::Day("2017-06-30"),
                             .owner_id = Id{"e-1"}, .stage = "Prospecting", .probability = 10,
                             .forecast_category = "pipeline", .opened_by = Id{"e-1"}});
  }
  void Advance(std::string_view when, std::string stage) {
    Append(when, domain::OpportunityStageAdvanced{.opportunity_id = Id{"op-1"},
                                                  .stage = stage,
                                                  .previous_stage = "Prospecting",
                                                  .probability = 50,
                                                  .forecast_category = "pipeline",
                                                  .amount = Usd(1000),
                                                  .reached_on = testing::Day(when)});
  }

  eventstore::MemoryEventLog log_;
  RecordStates states_{log_};
};

TEST_F(RecordStatesTest, FoldsTheVisibleEventsOfOneStream) {
  Open();
  Advance("2017-02-01", "Value Proposition");
  auto before = states_.StateOf<OpportunityAggregate>("op-1", {.max_time = EndOf("2017-01-09")});
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->has_value());
  auto january = states_.StateOf<OpportunityAggregate>("op-1", {.max_time = EndOf("2017-01-31")});
  ASSERT_TRUE(january.ok() && january->has_value());
  EXPECT_EQ((*january)->stage, "Prospecting");
  auto now = states_.StateOf<OpportunityAggregate>("op-1", Visibility::Now());
  ASSERT_TRUE(now.ok() && now->has_value());
  EXPECT_EQ((*now)->stage, "Value Proposition");
  auto first_only = states_.StateOf<OpportunityAggregate>("op-1", {.max_position = 1});
  EXPECT_EQ((*first_only)->stage, "Prospecting");
  auto missing = states_.StateOf<OpportunityAggregate>("op-2", Visibility::Now());
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(RecordStatesTest, TheCacheSeesEventsAppendedAfterwards) {
  Open();
  ASSERT_TRUE(states_.StateOf<OpportunityAggregate>("op-1", Visibility::Now()).ok());
  Advance("2017-02-01", "Value Proposition");
  auto now = states_.StateOf<OpportunityAggregate>("op-1", Visibility::Now());
  ASSERT_TRUE(now.ok() && now->has_value());
  EXPECT_EQ((*now)->stage, "Value Proposition");
}

TEST_F(RecordStatesTest, RendersJsonAndRefusesUnknownCategories) {
  Open();
  auto json = states_.StateJson("opportunity", "op-1", Visibility::Now());
  ASSERT_TRUE(json.ok() && json->has_value());
  const nlohmann::json j = nlohmann::json::parse(**json);
  EXPECT_EQ(j["stage"], "Prospecting");
  EXPECT_EQ(j["amount"]["amount"], "1000.00");
  auto unknown = states_.StateJson("spaceship", "x", Visibility::Now());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code(), StatusCode::kNotFound);
  EXPECT_FALSE(states_.StateJson("opportunity", "bad id!", Visibility::Now()).ok());
}

}  // namespace
}  // namespace dealstream::projections
