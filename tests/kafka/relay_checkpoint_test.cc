#include "kafka/relay_checkpoint.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "log_fixture.h"

namespace dealstream::kafka {
namespace {

using eventstore::testing::TempDir;

TEST(RelayCheckpointTest, MissingFileIsPositionZero) {
  TempDir dir;
  auto c = ReadRelayCheckpoint(RelayCheckpointPath(dir.path(), "crm.events"), "crm.events");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->position, 0u);
}

TEST(RelayCheckpointTest, RoundTripsAndLeavesNoTemporaryFile) {
  TempDir dir;
  const std::string path = RelayCheckpointPath(dir.path(), "crm.events");
  RelayCheckpoint c{"crm.events", 123456789012ull, {}};
  for (size_t i = 0; i < c.hash.size(); ++i) c.hash[i] = static_cast<uint8_t>(i * 7);
  ASSERT_TRUE(WriteRelayCheckpoint(path, c).ok());
  c.position += 1;
  ASSERT_TRUE(WriteRelayCheckpoint(path, c).ok());  // replaces
  auto back = ReadRelayCheckpoint(path, "crm.events");
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_EQ(*back, c);
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST(RelayCheckpointTest, RefusesAnotherTopicAndGarbage) {
  TempDir dir;
  const std::string path = dir.path() + "/cp";
  ASSERT_TRUE(WriteRelayCheckpoint(path, {"a", 5, {}}).ok());
  EXPECT_EQ(ReadRelayCheckpoint(path, "b").error().code(), StatusCode::kFailedPrecondition);
  for (const char* garbage :
       {"", "dealstream-kafka-relay 1\ntopic a\nposition x\n",
        "dealstream-kafka-relay 1\ntopic a\nposition 5\nhash abc\n", "something else\n"}) {
    std::ofstream(path, std::ios::trunc) << garbage;
    auto c = ReadRelayCheckpoint(path, "a");
    ASSERT_FALSE(c.ok()) << garbage;
    EXPECT_EQ(c.error().code(), StatusCode::kCorruption) << garbage;
  }
}

}  // namespace
}  // namespace dealstream::kafka
