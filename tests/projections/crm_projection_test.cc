#include "projections/crm_projection.h"

#include <gtest/gtest.h>

#include "crm_story.h"
#include "projections/funnel.h"

namespace dealstream::projections {
namespace {

eventstore::RecordedEvent Raw(uint64_t position, std::string type, uint32_t schema_version,
                              std::string data) {
  eventstore::RecordedEvent r{.position = {position},
                              .stream = *eventstore::StreamName::Parse("opportunity-x")};
  r.type = std::move(type);
  r.schema_version = schema_version;
  r.data = std::move(data);
  r.time = testing::At("2017-03-01");
  r.recorded_time = r.time;
  return r;
}

TEST(CrmProjectionTest, UpcastsLegacyPayloadsAndCountsWhatItCannotUse) {
  CrmProjection p;
  // Schema version 1 of crm.opportunity.opened.v1: a bare amount number.
  p.Apply(Raw(1, "crm.opportunity.opened.v1", 1,
              R"({"opportunity_id":"op-1","customer_id":"c-1","title":"ERP","amount":125000.5,)"
              R"("currency":"USD","expected_close_date":"2017-06-30","owner_id":"e-1",)"
              R"("product_ids":[],"stage":"Prospecting","probability":10,)"
              R"("forecast_category":"pipeline","opened_by":"e-1"})"));
  EXPECT_EQ(p.stats().undecodable, 0u) << p.stats().last_problem;
  p.Apply(Raw(2, "crm.nothing.happened.v1", 1, "{}"));
  p.Apply(Raw(3, "crm.opportunity.won.v1", 1, "{not json"));
  p.Apply(Raw(4, "crm.opportunity.amount_revised.v1", 1, R"({"opportunity_id":"op-1"})"));
  EXPECT_EQ(p.stats().applied, 1u);
  EXPECT_EQ(p.stats().ignored_types, 1u);
  EXPECT_EQ(p.stats().undecodable, 2u);
  EXPECT_NE(p.stats().last_problem.find("position 4"), std::string::npos);
  EXPECT_EQ(p.books().position, 4u);

  auto scope = ResolveScope(p.books(), Visibility::Now(), {});
  ASSERT_TRUE(scope.ok());
  const FunnelView f = BuildFunnel(p.books(), *scope);
  EXPECT_EQ(f.open.count, 1);
  EXPECT_EQ(f.open.amount, (domain::Money{12500050, "USD"}));
}

TEST(CrmProjectionTest, SnapshotRoundTripsAndRejectsCorruption) {
  testing::Story story;
  story.Department("2017-01-01", "hq", "HQ");
  story.Hire("2017-01-01", "e1", "Eve", "hq");
  story.Open("2017-01-02", "d1", "e1", "hq", testing::Usd(1000), "2017-02-01");
  std::string bytes;
  story.projection().Save(&bytes);

  CrmProjection loaded;
  ASSERT_TRUE(loaded.Load(bytes).ok());
  std::string again;
  loaded.Save(&again);
  EXPECT_EQ(again, bytes);
  EXPECT_TRUE(SameCells(loaded.books().opportunities.now_cells(),
                        story.books().opportunities.now_cells()));

  CrmProjection broken;
  EXPECT_EQ(broken.Load(bytes.substr(0, bytes.size() / 2)).code(), StatusCode::kCorruption);
  EXPECT_EQ(broken.Load(bytes + "x").code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace dealstream::projections
