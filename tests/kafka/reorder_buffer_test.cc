#include "kafka/reorder_buffer.h"

#include <gtest/gtest.h>

namespace dealstream::kafka {
namespace {

using eventstore::RecordedEvent;

RecordedEvent At(uint64_t position, uint8_t variant = 0) {
  RecordedEvent e{.position = eventstore::GlobalPosition{position},
                  .stream = *eventstore::StreamName::Parse("deal-1")};
  e.hash[0] = static_cast<uint8_t>(position);
  e.hash[1] = variant;
  e.recorded_time = Timestamp::FromMicros(static_cast<int64_t>(position));
  return e;
}

std::vector<uint64_t> Positions(const std::vector<RecordedEvent>& events) {
  std::vector<uint64_t> out;
  for (const auto& e : events) out.push_back(e.position.value);
  return out;
}

TEST(ReorderBufferTest, MergesPartitionsIntoPositionOrder) {
  ReorderBuffer b(0, {});
  // Partition 0 holds 1, 3, 4; partition 1 holds 2, 5; partition 1 is read later.
  ASSERT_EQ(*b.Offer(0, 0, At(1)), ReorderBuffer::Offered::kQueued);
  ASSERT_TRUE(b.Offer(0, 1, At(3)).ok());
  ASSERT_TRUE(b.Offer(0, 2, At(4)).ok());
  EXPECT_EQ(Positions(b.Ready(10)), (std::vector<uint64_t>{1}));
  EXPECT_EQ(b.CursorAfter(1), (PartitionCursor{{0, 1}}));
  b.MarkApplied(1);
  EXPECT_EQ(b.missing(), 2u);
  EXPECT_EQ(*b.oldest_buffered_micros(), 3);
  ASSERT_TRUE(b.Offer(1, 0, At(2)).ok());
  ASSERT_TRUE(b.Offer(1, 1, At(5)).ok());
  EXPECT_FALSE(b.missing());
  EXPECT_EQ(Positions(b.Ready(3)), (std::vector<uint64_t>{2, 3, 4}));
  // After 2, 3, 4: partition 0 is read through offset 2, partition 1 must
  // be re-read from offset 1 (position 5 is not applied yet).
  EXPECT_EQ(b.CursorAfter(3), (PartitionCursor{{0, 3}, {1, 1}}));
  b.MarkApplied(3);
  EXPECT_EQ(b.applied(), 4u);
  EXPECT_EQ(b.buffered(), 1u);
  EXPECT_EQ(b.PartitionsPast(4), (std::vector<int32_t>{1}));
  EXPECT_EQ(b.PartitionsPast(3), (std::vector<int32_t>{0, 1}));
  EXPECT_TRUE(b.PartitionsPast(5).empty());
}

TEST(ReorderBufferTest, DropsRepeatsAndRefusesConflicts) {
  ReorderBuffer b(2, {{0, 2}});
  EXPECT_EQ(*b.Offer(0, 0, At(1)), ReorderBuffer::Offered::kAlreadyApplied);
  ASSERT_EQ(*b.Offer(0, 5, At(4)), ReorderBuffer::Offered::kQueued);
  EXPECT_EQ(*b.Offer(1, 9, At(4)), ReorderBuffer::Offered::kAlreadyBuffered);
  auto conflict = b.Offer(1, 10, At(4, 1));
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().code(), StatusCode::kCorruption);
  EXPECT_NE(conflict.error().message().find("position 4"), std::string::npos);
  EXPECT_EQ(b.missing(), 3u);
  EXPECT_TRUE(b.Ready(10).empty());
  // Partition 0 must be re-read from the waiting event's offset.
  EXPECT_EQ(b.Cursor(), (PartitionCursor{{0, 5}, {1, 11}}));
}

TEST(ReorderBufferTest, CursorRoundTripsAndIgnoresOtherTopics) {
  const PartitionCursor c{{0, 17}, {3, 0}, {12, 123456789012}};
  const std::string text = EncodeCursor("crm.events", c);
  EXPECT_EQ(*DecodeCursor(text, "crm.events"), c);
  EXPECT_TRUE(DecodeCursor(text, "other")->empty());
  EXPECT_TRUE(DecodeCursor("", "crm.events")->empty());
  EXPECT_TRUE(DecodeCursor("crm.events\n", "crm.events")->empty());
  for (const char* bad : {"crm.events", "crm.events\n0:", "crm.events\nx:1", "crm.events\n0:1,",
                          "crm.events\n-1:5"}) {
    EXPECT_EQ(DecodeCursor(bad, "crm.events").error().code(), StatusCode::kCorruption) << bad;
  }
}

}  // namespace
}  // namespace dealstream::kafka
