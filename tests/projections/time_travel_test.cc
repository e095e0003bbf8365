#include "projections/time_travel.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "eventstore/memory_event_log.h"
#include "log_fixture.h"

namespace dealstream::projections {
namespace {

using eventstore::ExpectedVersion;
using eventstore::GlobalPosition;
using eventstore::testing::Request;

TEST(TimeTravelTest, KnownAtMapsToTheLastPositionRecordedByThen) {
  eventstore::MemoryEventLog log;
  std::vector<Timestamp> recorded;
  for (int i = 0; i < 40; ++i) {
    ASSERT_TRUE(log.Append(Request("thing-" + std::to_string(i % 3), ExpectedVersion::Any()))
                    .ok());
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  auto all = log.ReadAll(GlobalPosition{1}, 100, {});
  ASSERT_TRUE(all.ok());
  for (const auto& e : all->events) recorded.push_back(e.recorded_time);

  for (size_t i = 0; i < recorded.size(); ++i) {
    auto p = PositionKnownAt(log, recorded[i]);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(*p, i + 1);
    auto before = PositionKnownAt(log, Timestamp::FromMicros(recorded[i].micros() - 1));
    ASSERT_TRUE(before.ok());
    EXPECT_EQ(*before, i);  // recorded times are at least 1 ms apart
  }
  auto after = PositionKnownAt(log, Timestamp::Max());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after, 40u);
}

TEST(TimeTravelTest, BoundsCombine) {
  eventstore::MemoryEventLog log;
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(log.Append(Request("thing-a", ExpectedVersion::Any())).ok());
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  auto fifth = log.ReadAll(GlobalPosition{5}, 1, {});
  ASSERT_TRUE(fifth.ok());
  const Timestamp k = fifth->events.front().recorded_time;

  auto now = ResolveAsOf(log, {});
  ASSERT_TRUE(now.ok());
  EXPECT_TRUE(now->is_now());

  auto v = ResolveAsOf(log, {.as_of = Timestamp::FromMicros(77), .known_at = k, .position = 7});
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->max_position, 5u);  // min(7, known at k = 5)
  EXPECT_EQ(v->max_time, Timestamp::FromMicros(77));
  EXPECT_TRUE(v->Sees(Timestamp::FromMicros(77), 5));
  EXPECT_FALSE(v->Sees(Timestamp::FromMicros(78), 5));
  EXPECT_FALSE(v->Sees(Timestamp::FromMicros(77), 6));

  auto p = ResolveAsOf(log, {.known_at = Timestamp::Max(), .position = 3});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->max_position, 3u);
}

}  // namespace
}  // namespace dealstream::projections
