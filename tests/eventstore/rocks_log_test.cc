// What only the durable log can show: persistence across reopen, group
// commit, read-only opens, and verify() against tampering done directly in
// RocksDB.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <thread>

#include "eventstore/record_codec.h"
#include "log_fixture.h"
#include "tamper.h"

namespace dealstream::eventstore {
namespace {

using testing::OpenRocks;
using testing::Request;
using testing::Stream;
using testing::EventKey;
using testing::EventsChange;
using testing::TamperEvents;
using testing::TempDir;

TEST(RocksEventLogTest, EverythingSurvivesReopen) {
  TempDir dir;
  AppendResult first = [&] {
    auto log = OpenRocks(dir.path());
    AppendRequest r = Request("deal-1", ExpectedVersion::NoStream(), 3);
    r.idempotency_key = "k1";
    auto result = log->Append(r);
    EXPECT_TRUE(result.ok());
    EXPECT_TRUE(log->Append(Request("deal-2", ExpectedVersion::Any())).ok());
    return *result;
  }();
  auto log = OpenRocks(dir.path());
  EXPECT_EQ(log->Head().position.value, 4u);
  EXPECT_EQ(log->CurrentVersion(Stream("deal-1"))->value, 3u);
  // The idempotency key is stored, not cached: a retry after restart replays.
  AppendRequest retry = Request("deal-1", ExpectedVersion::NoStream(), 3);
  retry.idempotency_key = "k1";
  auto replay = log->Append(retry);
  ASSERT_TRUE(replay.ok());
  EXPECT_TRUE(replay->replayed);
  EXPECT_EQ(replay->event_ids, first.event_ids);
  // Versions and positions continue where they stopped.
  auto next = log->Append(Request("deal-1", ExpectedVersion::Exact(3)));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->first_position.value, 5u);
  EXPECT_TRUE(log->Verify().ok);
}

TEST(RocksEventLogTest, ConcurrentAppendsShareSyncs) {
  TempDir dir;
  auto log = OpenRocks(dir.path());
  constexpr int kThreads = 16, kEach = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        ASSERT_TRUE(log->Append(Request("w-" + std::to_string(t), ExpectedVersion::Any())).ok());
      }
    });
  }
  for (auto& t : threads) t.join();
  const GroupCommitStats stats = log->stats();
  EXPECT_EQ(stats.events, static_cast<uint64_t>(kThreads * kEach));
  // With 16 writers waiting on syncs, batches must have been shared.
  EXPECT_LT(stats.batches, stats.requests);
  EXPECT_TRUE(log->Verify().ok);
}

TEST(RocksEventLogTest, AsyncAppendsCompleteInOrderOfPosition) {
  TempDir dir;
  auto log = OpenRocks(dir.path(), Durability::kOs);
  std::mutex mu;
  std::vector<uint64_t> positions;
  std::atomic<int> done{0};
  for (int i = 0; i < 100; ++i) {
    log->AppendAsync(Request("deal-1", ExpectedVersion::Any()), [&](AppendOutcome o) {
      ASSERT_TRUE(o.ok());
      std::lock_guard lock(mu);
      positions.push_back(o->first_position.value);
      ++done;
    });
  }
  for (int i = 0; i < 500 && done < 100; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(done.load(), 100);
  for (size_t i = 0; i < positions.size(); ++i) EXPECT_EQ(positions[i], i + 1);
}

// Category reads take the stream index when the categories are small and a
// full scan when they are large; both must answer exactly what a full scan
// with the filter answers, chunk by chunk, including `next`.
TEST(RocksEventLogTest, CategoryReadsEqualAFilteredFullScan) {
  TempDir dir;
  auto log = OpenRocks(dir.path());
  // 6,000 "deal" events, a few "token" and "note" events among them, and one
  // "tokenx" stream whose name shares a prefix with "token" without being it.
  for (int i = 0; i < 60; ++i) {
    ASSERT_TRUE(log->Append(Request("deal-" + std::to_string(i), ExpectedVersion::Any(), 100)).ok());
    if (i % 7 == 0) {
      ASSERT_TRUE(log->Append(Request("token-t" + std::to_string(i % 3), ExpectedVersion::Any(), 2,
                                      i % 2 ? "granted" : "revoked")).ok());
      ASSERT_TRUE(log->Append(Request("tokenx-" + std::to_string(i), ExpectedVersion::Any())).ok());
    }
    if (i % 20 == 0) ASSERT_TRUE(log->Append(Request("note-n", ExpectedVersion::Any())).ok());
  }
  const uint64_t head = log->Head().position.value;
  auto expected = [&](const ReadFilter& f, uint64_t from) {
    std::vector<uint64_t> positions;
    for (uint64_t p = from; p <= head;) {
      auto all = log->ReadAll(GlobalPosition{p}, 1000, {});
      EXPECT_TRUE(all.ok());
      for (const auto& e : all->events) {
        if (f.Accepts(e)) positions.push_back(e.position.value);
      }
      p = all->next.value;
    }
    return positions;
  };
  const std::vector<ReadFilter> filters = {
      {.categories = {"token"}},
      {.categories = {"note", "token"}},
      {.categories = {"token"}, .types = {"granted"}},
      {.categories = {"deal"}},  // large: falls back to the full scan
      {.categories = {"nothing"}}};
  for (const ReadFilter& f : filters) {
    for (uint64_t from : {uint64_t{1}, uint64_t{2500}, head}) {
      for (size_t chunk : {size_t{1}, size_t{3}, size_t{10000}}) {
        std::vector<uint64_t> got;
        uint64_t p = from;
        for (int calls = 0; p <= head && calls < 20000; ++calls) {
          auto read = log->ReadAll(GlobalPosition{p}, chunk, f);
          ASSERT_TRUE(read.ok());
          ASSERT_LE(read->events.size(), chunk);
          for (const auto& e : read->events) got.push_back(e.position.value);
          ASSERT_GT(read->next.value, p);
          p = read->next.value;
        }
        EXPECT_EQ(p, head + 1);
        EXPECT_EQ(got, expected(f, from)) << f.categories.size() << " categories from " << from
                                          << " in chunks of " << chunk;
      }
    }
  }
}

TEST(RocksEventLogTest, ReadOnlyOpenWorksBesideAWriter) {
  TempDir dir;
  auto writer = OpenRocks(dir.path());
  ASSERT_TRUE(writer->Append(Request("deal-1", ExpectedVersion::Any(), 3)).ok());
  auto reader = RocksEventLog::Open({.path = dir.path(), .read_only = true});
  ASSERT_TRUE(reader.ok()) << reader.error().ToString();
  EXPECT_EQ((*reader)->Head().position.value, 3u);
  EXPECT_TRUE((*reader)->Verify().ok);
  auto refused = (*reader)->Append(Request("deal-1", ExpectedVersion::Any()));
  ASSERT_FALSE(refused.ok());
}

TEST(RocksEventLogTest, DestructionDrainsQueuedAppends) {
  TempDir dir;
  std::atomic<int> ok{0};
  {
    auto log = OpenRocks(dir.path(), Durability::kOs);
    for (int i = 0; i < 200; ++i) {
      log->AppendAsync(Request("deal-1", ExpectedVersion::Any()), [&](AppendOutcome o) {
        if (o.ok()) ++ok;
      });
    }
  }
  auto log = OpenRocks(dir.path());
  EXPECT_EQ(log->Head().position.value, static_cast<uint64_t>(ok.load()));
  EXPECT_EQ(ok.load(), 200);
}

// Tampering: open the raw database and change stored events behind the log's back.
class TamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto log = OpenRocks(dir_.path());
    for (int i = 0; i < 10; ++i) {
      ASSERT_TRUE(log->Append(Request("deal-" + std::to_string(i % 3), ExpectedVersion::Any())).ok());
    }
    ASSERT_TRUE(log->Verify().ok);
  }

  // Runs `change` on the events column family of the closed database.
  void Tamper(const EventsChange& change) { TamperEvents(dir_.path(), change); }
  static std::string Key(uint64_t position) { return EventKey(position); }

  VerifyReport VerifyNow() { return OpenRocks(dir_.path())->Verify(); }

  TempDir dir_;
};

TEST_F(TamperTest, EditedPayloadIsDetectedAtItsPosition) {
  Tamper([](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    std::string value;
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), events, Key(6), &value).ok());
    auto e = DecodeRecord(value);
    ASSERT_TRUE(e.ok());
    e->data = "{\"i\":999}";  // re-encoded cleanly, old hashes kept
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), events, Key(6), EncodeRecord(*e)).ok());
  });
  VerifyReport r = VerifyNow();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_position, 6u) << r.problem;
}

TEST_F(TamperTest, EditedAndRehashedEventBreaksTheNextLink) {
  Tamper([](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    std::string value;
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), events, Key(4), &value).ok());
    auto e = DecodeRecord(value);
    e->data = "{\"forged\":1}";
    std::string canonical;
    EncodeCanonical(*e, &canonical);
    e->hash = ChainHash(e->prev_hash, canonical);  // a careful forger rehashes
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), events, Key(4), EncodeRecord(*e)).ok());
  });
  VerifyReport r = VerifyNow();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_position, 5u) << r.problem;
}

TEST_F(TamperTest, FlippedByteIsDetected) {
  Tamper([](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    std::string value;
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), events, Key(3), &value).ok());
    value[value.size() / 2] ^= 0x01;
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), events, Key(3), value).ok());
  });
  VerifyReport r = VerifyNow();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_position, 3u) << r.problem;
}

TEST_F(TamperTest, DeletedEventIsDetected) {
  Tamper([](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    ASSERT_TRUE(db->Delete(rocksdb::WriteOptions(), events, Key(7)).ok());
  });
  VerifyReport r = VerifyNow();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_position, 7u) << r.problem;
}

TEST_F(TamperTest, ReorderedEventsAreDetected) {
  Tamper([](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    std::string a, b;
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), events, Key(2), &a).ok());
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), events, Key(8), &b).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), events, Key(2), b).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), events, Key(8), a).ok());
  });
  VerifyReport r = VerifyNow();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_position, 2u) << r.problem;
}

TEST_F(TamperTest, TruncatedTailIsDetected) {
  Tamper([](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    ASSERT_TRUE(db->Delete(rocksdb::WriteOptions(), events, Key(9)).ok());
    ASSERT_TRUE(db->Delete(rocksdb::WriteOptions(), events, Key(10)).ok());
  });
  VerifyReport r = VerifyNow();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_position, 9u) << r.problem;
}

}  // namespace
}  // namespace dealstream::eventstore
