#include "kafka/replica_view.h"

#include <gtest/gtest.h>

#include "log_fixture.h"

namespace dealstream::kafka {
namespace {

using eventstore::testing::Request;
using eventstore::testing::Stream;

TEST(ReplicaViewTest, ReadsTheCopyAndRefusesEveryAppend) {
  eventstore::MemoryEventLog copy;
  ASSERT_TRUE(copy.Append(Request("deal-1", eventstore::ExpectedVersion::Any(), 2)).ok());
  ReplicaView view(copy, "this node follows crm.events at k1:9092; send commands to the leader");

  EXPECT_EQ(view.Head().position.value, 2u);
  EXPECT_EQ(view.Head().hash, copy.Head().hash);
  EXPECT_EQ(view.CurrentVersion(Stream("deal-1"))->value, 2u);
  EXPECT_EQ(view.ReadAll(eventstore::GlobalPosition{1}, 10, {})->events.size(), 2u);
  EXPECT_EQ(view.ReadStream(Stream("deal-1"), eventstore::StreamVersion{1},
                            eventstore::Direction::kForward, 10)
                ->size(),
            2u);
  EXPECT_TRUE(view.WaitForPosition(eventstore::GlobalPosition{2}, std::chrono::milliseconds(1)));

  eventstore::AppendOutcome refused =
      view.Append(Request("deal-2", eventstore::ExpectedVersion::Any()));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, eventstore::AppendError::Code::kStorageFailure);
  EXPECT_EQ(refused.error().message,
            "this node follows crm.events at k1:9092; send commands to the leader");
  bool answered = false;
  view.AppendAsync(Request("deal-2", eventstore::ExpectedVersion::Any()),
                   [&](eventstore::AppendOutcome outcome) {
                     answered = true;
                     EXPECT_FALSE(outcome.ok());
                   });
  EXPECT_TRUE(answered);
  // Nothing reached the copy.
  EXPECT_EQ(copy.Head().position.value, 2u);
  EXPECT_EQ(copy.CurrentVersion(Stream("deal-2"))->value, 0u);
}

}  // namespace
}  // namespace dealstream::kafka
