// Reading the log into reused chunks (ReadAllInto, DecodeRecordInto) and the
// read-ahead fold built on them (FoldLog): the same events as ReadAll, in
// order, once; a stop and a damaged record end the fold where they should;
// in the shared form each event is prepared once, before it is applied.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "eventstore/log_fold.h"
#include "eventstore/record_codec.h"
#include "log_fixture.h"
#include "tamper.h"

namespace dealstream::eventstore {
namespace {

using testing::EventKey;
using testing::OpenRocks;
using testing::Stream;
using testing::TamperEvents;
using testing::TempDir;

// The stored bytes cover every field and both hashes.
std::string Bytes(const RecordedEvent& e) { return EncodeRecord(e); }

// Streams of three categories whose payloads and names alternate between
// short and long, so that reused buffers must both grow and shrink.
void Fill(EventLog& log, int commands) {
  for (int i = 0; i < commands; ++i) {
    AppendRequest r{.stream = Stream((i % 3 == 0 ? "deal-" : i % 3 == 1 ? "note-" : "customer-") +
                                     std::to_string(i % 17) + std::string(i % 5 * 9, 'x')),
                    .expected = ExpectedVersion::Any(),
                    .events = {}};
    for (int k = 0; k <= i % 4; ++k) {
      ProposedEvent e{.type = k % 2 ? "test.long.event.type.happened.v1" : "t.v1",
                      .subject = std::string(i % 7 * 5, 's'),
                      .data = "{\"p\":\"" + std::string((i * 37 + k) % 400, 'd') + "\"}",
                      .metadata = {.actor = i % 2 ? "e-1" : "employee-with-a-long-id",
                                   .correlation_id = std::to_string(i),
                                   .causation_id = "",
                                   .command = i % 3 ? "Do" : "DoSomethingLonger"}};
      r.events.push_back(std::move(e));
    }
    ASSERT_TRUE(log.Append(std::move(r)).ok());
  }
}

void ExpectChunkedReadsEqualReadAll(const EventLog& log) {
  const uint64_t head = log.Head().position.value;
  const std::vector<ReadFilter> filters = {
      {}, {.types = {"t.v1"}}, {.categories = {"note"}}, {.categories = {"deal", "customer"}}};
  for (const ReadFilter& f : filters) {
    for (size_t chunk : {size_t{1}, size_t{7}, size_t{1000}}) {
      EventChunk reused;  // one buffer for the whole walk
      uint64_t p = 1;
      for (int calls = 0; p <= head && calls < 5000; ++calls) {
        auto expected = log.ReadAll(GlobalPosition{p}, chunk, f);
        ASSERT_TRUE(expected.ok());
        ASSERT_TRUE(log.ReadAllInto(GlobalPosition{p}, chunk, f, &reused).ok());
        ASSERT_EQ(reused.size, expected->events.size()) << "from " << p << " chunk " << chunk;
        ASSERT_EQ(reused.next, expected->next);
        for (size_t i = 0; i < reused.size; ++i) {
          ASSERT_EQ(Bytes(reused.events()[i]), Bytes(expected->events[i]))
              << "position " << expected->events[i].position.value;
        }
        p = reused.next.value;
      }
      EXPECT_EQ(p, head + 1);
    }
  }
}

TEST(ChunkedReadTest, RocksReadAllIntoEqualsReadAllWithReusedChunks) {
  TempDir dir;
  auto log = OpenRocks(dir.path(), Durability::kOs);
  Fill(*log, 400);
  ExpectChunkedReadsEqualReadAll(*log);
}

TEST(ChunkedReadTest, MemoryLogDefaultReadAllIntoEqualsReadAll) {
  MemoryEventLog log;
  Fill(log, 200);
  ExpectChunkedReadsEqualReadAll(log);
}

TEST(ChunkedReadTest, DecodeIntoMatchesDecodeAndKeepsTheEventOnCorruption) {
  TempDir dir;
  auto log = OpenRocks(dir.path(), Durability::kOs);
  Fill(*log, 30);
  auto all = log->ReadAll(GlobalPosition{1}, 1000, {});
  ASSERT_TRUE(all.ok());
  RecordedEvent into = all->events.back();  // longest strings first, then reused
  for (const RecordedEvent& e : all->events) {
    const std::string stored = EncodeRecord(e);
    ASSERT_TRUE(DecodeRecordInto(stored, &into).ok());
    ASSERT_EQ(Bytes(into), stored);
  }
  const std::string before = Bytes(into);
  std::string damaged = EncodeRecord(all->events[3]);
  damaged.pop_back();  // truncated
  Status s = DecodeRecordInto(damaged, &into);
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_EQ(Bytes(into), before);
  std::string bad_stream = EncodeRecord(all->events[3]);
  bad_stream[3] = '!';  // first byte of the stream name ("deal-…"): not a category letter
  s = DecodeRecordInto(bad_stream, &into);
  EXPECT_EQ(s.code(), StatusCode::kCorruption) << s.ToString();
  EXPECT_EQ(Bytes(into), before);
}

TEST(FoldLogTest, FoldsEveryEventOnceInOrder) {
  TempDir dir;
  auto log = OpenRocks(dir.path(), Durability::kOs);
  Fill(*log, 2000);
  const uint64_t head = log->Head().position.value;
  for (auto [from, until, chunk] : {std::tuple{uint64_t{1}, head, size_t{64}},
                                    std::tuple{uint64_t{0}, head, size_t{5000}},
                                    std::tuple{uint64_t{777}, head - 100, size_t{33}},
                                    std::tuple{head, head, size_t{8}}}) {
    std::vector<uint64_t> seen;
    std::vector<std::string> bytes;
    auto end = FoldLog(*log, from, until, chunk, [&](std::span<const RecordedEvent> events) {
      EXPECT_LE(events.size(), chunk);
      for (const RecordedEvent& e : events) {
        seen.push_back(e.position.value);
        bytes.push_back(Bytes(e));
      }
      return true;
    });
    ASSERT_TRUE(end.ok()) << end.error().ToString();
    EXPECT_EQ(*end, until + 1);
    const uint64_t first = std::max<uint64_t>(from, 1);
    ASSERT_EQ(seen.size(), until - first + 1);
    for (size_t i = 0; i < seen.size(); ++i) ASSERT_EQ(seen[i], first + i);
    auto direct = log->ReadAll(GlobalPosition{first}, 3, {});  // spot-check the content
    ASSERT_TRUE(direct.ok());
    for (size_t i = 0; i < direct->events.size() && i < bytes.size(); ++i) {
      EXPECT_EQ(bytes[i], Bytes(direct->events[i]));
    }
  }
  auto empty = FoldLog(*log, head + 1, head, 64, [](auto) {
    ADD_FAILURE() << "nothing to fold";
    return true;
  });
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, head + 1);
}

// The shared form: every event prepared exactly once, by either thread,
// before apply uses it; results kept per (slot, index) reach the apply of
// that chunk. Preparing is made slow at some chunk positions and applying at
// others, so that each thread at times runs ahead of the other.
TEST(FoldLogTest, SharedStagesPrepareEveryEventOnceBeforeItIsApplied) {
  TempDir dir;
  auto log = OpenRocks(dir.path(), Durability::kOs);
  Fill(*log, 1500);
  const uint64_t head = log->Head().position.value;
  for (size_t chunk : {size_t{1}, size_t{7}, size_t{64}, size_t{1000}}) {
    SCOPED_TRACE("chunk " + std::to_string(chunk));
    std::vector<std::atomic<int>> prepared(head + 1);
    std::array<std::vector<uint64_t>, kFoldSlots> kept;  // per slot: position prepared at index
    std::atomic<size_t> on_caller{0};
    const std::thread::id caller = std::this_thread::get_id();
    std::vector<uint64_t> applied;
    FoldStages stages;
    stages.start = [&](std::span<const RecordedEvent> events, size_t slot) {
      ASSERT_LT(slot, kFoldSlots);
      kept[slot].assign(events.size(), 0);
    };
    stages.prepare = [&](const RecordedEvent& e, size_t slot, size_t index) {
      prepared[e.position.value].fetch_add(1);
      if (std::this_thread::get_id() == caller) on_caller.fetch_add(1);
      if (e.position.value % 97 < 3) std::this_thread::sleep_for(std::chrono::microseconds(200));
      kept[slot][index] = e.position.value;
    };
    stages.apply = [&](std::span<const RecordedEvent> events, size_t slot,
                       const std::function<void(size_t)>& ready) {
      for (size_t i = 0; i < events.size(); ++i) {
        ready(i);
        EXPECT_EQ(kept[slot][i], events[i].position.value) << "slot " << slot << " index " << i;
        applied.push_back(events[i].position.value);
      }
      if (events.front().position.value % 5 == 0) {
        std::this_thread::sleep_for(std::chrono::microseconds(300));
      }
      return true;
    };
    auto end = FoldLog(*log, 1, head, chunk, stages);
    ASSERT_TRUE(end.ok()) << end.error().ToString();
    EXPECT_EQ(*end, head + 1);
    ASSERT_EQ(applied.size(), head);
    for (uint64_t p = 1; p <= head; ++p) {
      ASSERT_EQ(applied[p - 1], p);
      ASSERT_EQ(prepared[p].load(), 1) << "position " << p;
    }
    std::printf("chunk %zu: %zu of %llu events prepared on the applying thread\n", chunk,
                on_caller.load(), static_cast<unsigned long long>(head));
  }
}

TEST(FoldLogTest, StopsAfterTheChunkWhoseHandlerSaysSo) {
  TempDir dir;
  auto log = OpenRocks(dir.path(), Durability::kOs);
  Fill(*log, 500);
  int calls = 0;
  auto end = FoldLog(*log, 1, log->Head().position.value, 50, [&](auto) { return ++calls < 3; });
  ASSERT_TRUE(end.ok());
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(*end, 151u);
}

TEST(FoldLogTest, ADamagedRecordEndsTheFoldWithItsPosition) {
  TempDir dir;
  uint64_t head = 0;
  {
    auto log = OpenRocks(dir.path(), Durability::kOs);
    Fill(*log, 500);
    head = log->Head().position.value;
  }
  ASSERT_GT(head, 600u);
  TamperEvents(dir.path(), [](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), events, EventKey(500), "not a record").ok());
  });
  auto log = OpenRocks(dir.path(), Durability::kOs);
  uint64_t last_applied = 0;
  auto end = FoldLog(*log, 1, head, 100, [&](std::span<const RecordedEvent> events) {
    last_applied = events.back().position.value;
    return true;
  });
  ASSERT_FALSE(end.ok());
  EXPECT_EQ(end.error().code(), StatusCode::kCorruption);
  EXPECT_NE(end.error().message().find("position 500"), std::string::npos) << end.error().ToString();
  EXPECT_EQ(last_applied, 400u);  // the chunk holding 401–500 is not applied
}

}  // namespace
}  // namespace dealstream::eventstore
