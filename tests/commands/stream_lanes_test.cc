// StreamLanes: per-stream order, independence of streams, and no stack growth
// when work completes on the calling thread.
#include "commands/stream_lanes.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace dealstream::commands {
namespace {

TEST(StreamLanesTest, WorkOnABusyStreamWaitsItsTurnInArrivalOrder) {
  StreamLanes lanes;
  std::vector<std::string> ran;
  lanes.Enter("opportunity-o1", [&] { ran.push_back("first"); });
  lanes.Enter("opportunity-o1", [&] { ran.push_back("second"); });
  lanes.Enter("opportunity-o1", [&] { ran.push_back("third"); });
  EXPECT_EQ(ran, (std::vector<std::string>{"first"}));
  lanes.Leave("opportunity-o1");
  EXPECT_EQ(ran, (std::vector<std::string>{"first", "second"}));
  lanes.Leave("opportunity-o1");
  lanes.Leave("opportunity-o1");
  EXPECT_EQ(ran, (std::vector<std::string>{"first", "second", "third"}));
  EXPECT_EQ(lanes.busy(), 0u);
}

TEST(StreamLanesTest, OtherStreamsDoNotWait) {
  StreamLanes lanes;
  int ran = 0;
  lanes.Enter("opportunity-o1", [&] { ++ran; });
  lanes.Enter("opportunity-o2", [&] { ++ran; });
  lanes.Enter("customer-c1", [&] { ++ran; });
  EXPECT_EQ(ran, 3);
  EXPECT_EQ(lanes.busy(), 3u);
  lanes.Leave("opportunity-o2");
  EXPECT_EQ(lanes.busy(), 2u);
}

// A log that completes appends on the caller's thread leaves the lane from
// inside the work; 100,000 queued commands must not nest 100,000 frames deep.
TEST(StreamLanesTest, WorkThatLeavesSynchronouslyRunsTheQueueWithoutRecursion) {
  StreamLanes lanes;
  constexpr int kCommands = 100000;
  int ran = 0;
  bool hold = true;
  std::function<void()> work = [&] {
    ++ran;
    if (!hold) lanes.Leave("opportunity-o1");
  };
  lanes.Enter("opportunity-o1", [&] { ++ran; });  // holds the lane
  for (int i = 1; i < kCommands; ++i) lanes.Enter("opportunity-o1", work);
  hold = false;
  lanes.Leave("opportunity-o1");
  EXPECT_EQ(ran, kCommands);
  EXPECT_EQ(lanes.busy(), 0u);
}

}  // namespace
}  // namespace dealstream::commands
