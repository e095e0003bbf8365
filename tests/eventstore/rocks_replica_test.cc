// RocksEventLog::AppendReplicated: a replica copies a leader's records
// unchanged, refuses anything that does not continue its chain, and stores
// its cursor atomically with the events.
#include <gtest/gtest.h>

#include "eventstore/record_codec.h"
#include "log_fixture.h"

namespace dealstream::eventstore {
namespace {

using testing::OpenRocks;
using testing::Request;
using testing::TempDir;

std::vector<RecordedEvent> ReadEverything(const EventLog& log) {
  auto read = log.ReadAll(GlobalPosition{1}, 1 << 20, ReadFilter{});
  EXPECT_TRUE(read.ok());
  return read.ok() ? read->events : std::vector<RecordedEvent>{};
}

// A leader log with 7 events over three streams.
std::vector<RecordedEvent> LeaderEvents(const std::string& dir) {
  auto leader = OpenRocks(dir, Durability::kOs);
  EXPECT_TRUE(leader->Append(Request("deal-1", ExpectedVersion::NoStream(), 3)).ok());
  EXPECT_TRUE(leader->Append(Request("deal-2", ExpectedVersion::NoStream(), 2)).ok());
  EXPECT_TRUE(leader->Append(Request("deal-1", ExpectedVersion::Exact(3), 1)).ok());
  EXPECT_TRUE(leader->Append(Request("customer-9", ExpectedVersion::Any(), 1)).ok());
  return ReadEverything(*leader);
}

bool SameEvent(const RecordedEvent& a, const RecordedEvent& b) {
  return a.position == b.position && a.stream == b.stream && a.version == b.version &&
         a.id == b.id && a.type == b.type && a.time == b.time &&
         a.recorded_time == b.recorded_time && a.data == b.data && a.hash == b.hash &&
         a.prev_hash == b.prev_hash;
}

TEST(RocksReplicaTest, CopiesALeaderInBatchesAndVerifies) {
  TempDir leader_dir, replica_dir;
  const std::vector<RecordedEvent> events = LeaderEvents(leader_dir.path());
  ASSERT_EQ(events.size(), 7u);
  {
    auto replica = OpenRocks(replica_dir.path());
    ASSERT_TRUE(replica->AppendReplicated({events.begin(), events.begin() + 2}, "c1").ok());
    ASSERT_TRUE(replica->AppendReplicated({events.begin() + 2, events.end()}, "c2").ok());
    EXPECT_EQ(replica->Head().position.value, 7u);
  }
  // Reopened, the copy is the leader's log: same records, same head, intact.
  auto replica = OpenRocks(replica_dir.path());
  EXPECT_EQ(*replica->ReplicaCursor(), "c2");
  const std::vector<RecordedEvent> copy = ReadEverything(*replica);
  ASSERT_EQ(copy.size(), events.size());
  for (size_t i = 0; i < copy.size(); ++i) EXPECT_TRUE(SameEvent(copy[i], events[i])) << i;
  EXPECT_EQ(replica->Head().hash, events.back().hash);
  EXPECT_EQ(replica->CurrentVersion(testing::Stream("deal-1"))->value, 4u);
  auto stream = replica->ReadStream(testing::Stream("deal-2"), StreamVersion{1},
                                    Direction::kForward, 10);
  ASSERT_TRUE(stream.ok());
  EXPECT_EQ(stream->size(), 2u);
  const VerifyReport report = replica->Verify();
  EXPECT_TRUE(report.ok) << report.problem;
}

TEST(RocksReplicaTest, RefusesAGapAndWritesNothing) {
  TempDir leader_dir, replica_dir;
  const std::vector<RecordedEvent> events = LeaderEvents(leader_dir.path());
  auto replica = OpenRocks(replica_dir.path());
  ASSERT_TRUE(replica->AppendReplicated({events[0], events[1]}, "c1").ok());
  Status s = replica->AppendReplicated({events[3], events[4]}, "c2");
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_NE(s.message().find("position 3"), std::string::npos) << s.message();
  EXPECT_EQ(replica->Head().position.value, 2u);
  EXPECT_EQ(*replica->ReplicaCursor(), "c1");
}

TEST(RocksReplicaTest, RefusesAlteredContentAndABrokenChain) {
  TempDir leader_dir, replica_dir;
  const std::vector<RecordedEvent> events = LeaderEvents(leader_dir.path());
  auto replica = OpenRocks(replica_dir.path());
  RecordedEvent altered = events[0];
  altered.data = R"({"amount":"1.00"})";
  EXPECT_EQ(replica->AppendReplicated({altered}, "").code(), StatusCode::kCorruption);
  RecordedEvent rechained = events[1];
  rechained.prev_hash[0] ^= 1;
  ASSERT_TRUE(replica->AppendReplicated({events[0]}, "").ok());
  EXPECT_EQ(replica->AppendReplicated({rechained}, "").code(), StatusCode::kCorruption);
  EXPECT_EQ(replica->Head().position.value, 1u);
}

TEST(RocksReplicaTest, ChecksStreamVersionsAgainstWhatIsStored) {
  TempDir leader_dir, replica_dir;
  const std::vector<RecordedEvent> events = LeaderEvents(leader_dir.path());
  auto replica = OpenRocks(replica_dir.path());
  ASSERT_TRUE(replica->AppendReplicated({events.begin(), events.begin() + 5}, "").ok());
  // Position 6 is deal-1 version 4: valid only because versions 1-3 are stored.
  // Re-hashed, so that only the version rule can catch it.
  RecordedEvent wrong_version = events[5];
  wrong_version.version = StreamVersion{2};
  std::string canonical;
  EncodeCanonical(wrong_version, &canonical);
  wrong_version.hash = ChainHash(wrong_version.prev_hash, canonical);
  const Status s = replica->AppendReplicated({wrong_version}, "");
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_NE(s.message().find("version"), std::string::npos) << s.message();
  EXPECT_TRUE(replica->AppendReplicated({events[5], events[6]}, "").ok());
}

TEST(RocksReplicaTest, StoresACursorWithoutEvents) {
  TempDir dir;
  auto replica = OpenRocks(dir.path());
  EXPECT_EQ(*replica->ReplicaCursor(), "");
  ASSERT_TRUE(replica->AppendReplicated({}, "0:17").ok());
  EXPECT_EQ(*replica->ReplicaCursor(), "0:17");
  EXPECT_EQ(replica->Head().position.value, 0u);
}

TEST(RocksReplicaTest, ReadOnlyLogRefuses) {
  TempDir dir;
  { OpenRocks(dir.path()); }
  auto log = RocksEventLog::Open({.path = dir.path(), .read_only = true});
  ASSERT_TRUE(log.ok());
  EXPECT_EQ((*log)->AppendReplicated({}, "x").code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace dealstream::eventstore
