#include "projections/lifecycle.h"

#include <gtest/gtest.h>

#include "crm_story.h"
#include "domain/customer/customer_events.h"

namespace dealstream::projections {
namespace {

using domain::Id;
using domain::Lifecycle;
using testing::EndOf;

class LifecycleTest : public ::testing::Test {
 protected:
  void Register(std::string_view when, std::string id, std::string owner, std::string region) {
    story_.Add(when, domain::CustomerRegistered{.customer_id = Id{id}, .name = "Customer " + id,
                                                .owner_id = Id{std::move(owner)},
                                                .department_id = Id{"hq"},
                                                .region = std::move(region)});
  }
  void Move(std::string_view when, std::string id, Lifecycle from, Lifecycle to) {
    story_.Add(when, domain::CustomerLifecycleChanged{.customer_id = Id{std::move(id)},
                                                      .from = from, .to = to, .reason = "r"});
  }
  void SetUp() override {
    // c1: target → potential 01-10 → opportunity 02-01 → signed 03-01
    // c2: target → potential 01-15 → churned 02-20;  c3: target (01-20)
    Register("2017-01-01", "c1", "alice", "north");
    Register("2017-01-02", "c2", "bob", "south");
    Move("2017-01-10", "c1", Lifecycle::kTarget, Lifecycle::kPotential);
    Move("2017-01-15", "c2", Lifecycle::kTarget, Lifecycle::kPotential);
    Register("2017-01-20", "c3", "alice", "north");
    Move("2017-02-01", "c1", Lifecycle::kPotential, Lifecycle::kOpportunity);
    Move("2017-02-20", "c2", Lifecycle::kPotential, Lifecycle::kChurned);
    Move("2017-03-01", "c1", Lifecycle::kOpportunity, Lifecycle::kSigned);
  }
  LifecycleView Build(const Visibility& vis, const Filters& f = {}) {
    return BuildLifecycle(story_.books(), story_.ScopeOf(vis, f));
  }
  static const LifecycleStateRow& Row(const LifecycleView& v, std::string_view state) {
    for (const auto& r : v.states) {
      if (r.state == state) return r;
    }
    static const LifecycleStateRow kNone;
    ADD_FAILURE() << state;
    return kNone;
  }
  testing::Story story_;
};

TEST_F(LifecycleTest, CountsStatesReachedConversionsAndTransitions) {
  const LifecycleView v = Build(Visibility::Now(), {.period = "2017-Q1"});
  EXPECT_EQ(v.customers, 3);
  EXPECT_EQ(Row(v, "target").customers, 1);
  EXPECT_EQ(Row(v, "signed").customers, 1);
  EXPECT_EQ(Row(v, "churned").customers, 1);
  EXPECT_EQ(Row(v, "target").reached, 3);
  EXPECT_EQ(Row(v, "potential").reached, 2);
  EXPECT_EQ(Row(v, "opportunity").reached, 1);
  EXPECT_DOUBLE_EQ(*Row(v, "target").conversion, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*Row(v, "potential").conversion, 0.5);
  EXPECT_DOUBLE_EQ(*Row(v, "signed").conversion, 0.0);  // nobody loyal yet
  EXPECT_FALSE(Row(v, "loyal").conversion.has_value());
  ASSERT_EQ(v.transitions.size(), 4u);
  int64_t to_potential = 0;
  for (const auto& t : v.transitions) {
    if (t.from == "target" && t.to == "potential") to_potential = t.count;
  }
  EXPECT_EQ(to_potential, 2);
  EXPECT_TRUE(Build(Visibility::Now(), {.period = "2017-04"}).transitions.empty());
}

TEST_F(LifecycleTest, AsOfAPastDayAndFilters) {
  const LifecycleView jan = Build(testing::AsOfTime(EndOf("2017-01-31")));
  EXPECT_EQ(jan.customers, 3);
  EXPECT_EQ(Row(jan, "potential").customers, 2);
  EXPECT_EQ(Row(jan, "target").customers, 1);
  EXPECT_EQ(Build(testing::AsOfTime(EndOf("2017-01-05"))).customers, 2);
  EXPECT_EQ(Build(Visibility::Now(), {.owner = "alice"}).customers, 2);
  EXPECT_EQ(Build(Visibility::Now(), {.region = "south"}).customers, 1);
  EXPECT_EQ(Row(Build(Visibility::Now(), {.region = "south"}), "churned").customers, 1);
}

}  // namespace
}  // namespace dealstream::projections
