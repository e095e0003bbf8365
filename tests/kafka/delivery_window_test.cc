#include "kafka/delivery_window.h"

#include <gtest/gtest.h>

namespace dealstream::kafka {
namespace {

using eventstore::RecordedEvent;

RecordedEvent At(uint64_t position) {
  RecordedEvent e{.position = eventstore::GlobalPosition{position},
                  .stream = *eventstore::StreamName::Parse("deal-1")};
  e.hash[0] = static_cast<uint8_t>(position);
  e.recorded_time = Timestamp::FromMicros(static_cast<int64_t>(position) * 1000);
  return e;
}

TEST(DeliveryWindowTest, PublishedMovesOnlyOverContiguousDeliveries) {
  DeliveryWindow w(10, {});
  for (uint64_t p = 11; p <= 15; ++p) ASSERT_TRUE(w.Produced(At(p)));
  EXPECT_EQ(w.next_to_produce(), 16u);
  w.Delivered(13);  // another partition was faster
  w.Delivered(12);
  EXPECT_EQ(w.published(), 10u);
  EXPECT_EQ(w.oldest_in_flight_micros(), 11000);
  w.Delivered(11);
  EXPECT_EQ(w.published(), 13u);
  EXPECT_EQ(w.published_head().hash[0], 13);
  EXPECT_EQ(w.in_flight(), 2u);
  w.Delivered(15);
  w.Delivered(14);
  EXPECT_EQ(w.published(), 15u);
  EXPECT_EQ(w.in_flight(), 0u);
  EXPECT_EQ(w.oldest_in_flight_micros(), 0);
}

TEST(DeliveryWindowTest, AFailureHoldsThePositionUntilTheRewind) {
  DeliveryWindow w(0, {});
  for (uint64_t p = 1; p <= 5; ++p) ASSERT_TRUE(w.Produced(At(p)));
  w.Delivered(1);
  w.Failed(2, "timed out");
  w.Delivered(3);
  w.Delivered(4);
  w.Delivered(5);
  EXPECT_EQ(w.published(), 1u);  // never skips the failed one
  EXPECT_TRUE(w.rewind_pending());
  EXPECT_FALSE(w.Produced(At(6)));  // nothing new until the rewind
  EXPECT_NE(w.last_failure().find("position 2: timed out"), std::string::npos);
  w.Rewind();
  EXPECT_FALSE(w.rewind_pending());
  EXPECT_EQ(w.next_to_produce(), 2u);  // 3-5 are produced again: duplicates
  ASSERT_TRUE(w.Produced(At(2)));
  w.Delivered(2);
  EXPECT_EQ(w.published(), 2u);
}

TEST(DeliveryWindowTest, RefusesOutOfOrderProductionAndIgnoresStaleReports) {
  DeliveryWindow w(3, {});
  EXPECT_FALSE(w.Produced(At(5)));
  ASSERT_TRUE(w.Produced(At(4)));
  w.Delivered(2);   // before the window
  w.Delivered(99);  // never produced
  EXPECT_EQ(w.published(), 3u);
  w.Delivered(4);
  w.Delivered(4);
  EXPECT_EQ(w.published(), 4u);
  EXPECT_EQ(w.in_flight(), 0u);
}

}  // namespace
}  // namespace dealstream::kafka
