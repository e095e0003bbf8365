#include "projections/worker.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "counting_projection.h"
#include "log_fixture.h"

namespace dealstream::projections {
namespace {

using eventstore::AppendRequest;
using eventstore::ExpectedVersion;
using eventstore::GlobalPosition;
using eventstore::ProposedEvent;
using eventstore::testing::OpenRocks;
using eventstore::testing::Stream;
using eventstore::testing::TempDir;
using testing::CountingProjection;
using namespace std::chrono_literals;

// Appends `count` events to `stream`, the i-th holding the number i + 1;
// returns their sum.
int64_t AppendNumbers(eventstore::EventLog& log, const std::string& stream, int count) {
  AppendRequest request{.stream = Stream(stream), .expected = ExpectedVersion::Any()};
  int64_t sum = 0;
  for (int i = 0; i < count; ++i) {
    request.events.push_back(ProposedEvent{.type = "test.number.recorded.v1",
                                           .data = std::to_string(i + 1)});
    sum += i + 1;
  }
  auto r = log.Append(std::move(request));
  EXPECT_TRUE(r.ok());
  return sum;
}

ProjectionFactory Counting(uint32_t format = 1) {
  return [format] { return std::make_unique<CountingProjection>(format); };
}

int64_t SumOf(const ProjectionWorker& w) {
  return w.Read<CountingProjection>([](const CountingProjection& p) { return p.sum(); });
}
uint64_t EventsOf(const ProjectionWorker& w) {
  return w.Read<CountingProjection>([](const CountingProjection& p) { return p.events(); });
}

class WorkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log_ = OpenRocks(dir_.path() + "/log", eventstore::Durability::kOs);
    auto store = SnapshotStore::Open({.path = dir_.path() + "/projections"});
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
  }
  std::unique_ptr<ProjectionWorker> StartWorker(WorkerOptions options = {},
                                                ProjectionFactory f = Counting()) {
    auto w = ProjectionWorker::Start(*log_, *store_, std::move(f), std::move(options));
    EXPECT_TRUE(w.ok());
    return std::move(*w);
  }
  GlobalPosition Head() const { return log_->Head().position; }

  TempDir dir_;
  std::unique_ptr<eventstore::RocksEventLog> log_;
  std::unique_ptr<SnapshotStore> store_;
};

TEST_F(WorkerTest, CatchesUpThenFollowsLiveAppends) {
  int64_t sum = AppendNumbers(*log_, "thing-a", 100);
  auto worker = StartWorker();
  ASSERT_TRUE(worker->WaitForPosition(Head(), 5s));
  EXPECT_EQ(SumOf(*worker), sum);
  sum += AppendNumbers(*log_, "thing-b", 50);
  ASSERT_TRUE(worker->WaitForPosition(Head(), 5s));
  EXPECT_EQ(SumOf(*worker), sum);
  EXPECT_EQ(EventsOf(*worker), 150u);
  EXPECT_EQ(worker->stats().lag_events, 0u);
}

TEST_F(WorkerTest, RestartResumesFromTheSnapshotWithoutReplay) {
  int64_t sum = AppendNumbers(*log_, "thing-a", 1000);
  {
    auto worker = StartWorker();
    ASSERT_TRUE(worker->WaitForPosition(Head(), 5s));
  }  // Stop writes a final snapshot at 1000.
  sum += AppendNumbers(*log_, "thing-a", 200);
  auto worker = StartWorker();
  ASSERT_TRUE(worker->WaitForPosition(Head(), 5s));
  const WorkerStats stats = worker->stats();
  EXPECT_EQ(stats.resumed_from, 1000u);
  EXPECT_EQ(stats.events_applied, 200u);  // only the tail, not the 1,000 before
  EXPECT_EQ(SumOf(*worker), sum);
  EXPECT_EQ(EventsOf(*worker), 1200u);
}

TEST_F(WorkerTest, CrashBetweenSnapshotsNeitherLosesNorDoubleCounts) {
  WorkerOptions options{.snapshot_every_events = 100,
                        .snapshot_min_interval = 0ms,
                        .snapshot_on_stop = false};
  int64_t sum = 0;
  {
    auto worker = StartWorker(options);
    for (int i = 0; i < 21; ++i) sum += AppendNumbers(*log_, "thing-" + std::to_string(i), 50);
    ASSERT_TRUE(worker->WaitForPosition(Head(), 5s));
    EXPECT_GT(worker->stats().snapshots_written, 0u);
  }  // Dies without a final snapshot: the state after the last one is lost.
  sum += AppendNumbers(*log_, "thing-x", 70);
  auto worker = StartWorker(options);
  ASSERT_TRUE(worker->WaitForPosition(Head(), 5s));
  const WorkerStats stats = worker->stats();
  EXPECT_GT(stats.resumed_from, 0u);
  EXPECT_LT(stats.resumed_from, 1050u);  // some events are folded again after the snapshot…
  EXPECT_EQ(stats.events_applied, Head().value - stats.resumed_from);
  EXPECT_EQ(SumOf(*worker), sum);  // …exactly once each
  EXPECT_EQ(EventsOf(*worker), Head().value);
}

TEST_F(WorkerTest, SnapshotOfAnotherFormatIsRebuiltFromZero) {
  const int64_t sum = AppendNumbers(*log_, "thing-a", 300);
  {
    auto worker = StartWorker({}, Counting(1));
    ASSERT_TRUE(worker->WaitForPosition(Head(), 5s));
  }
  auto worker = StartWorker({}, Counting(2));
  ASSERT_TRUE(worker->WaitForPosition(Head(), 5s));
  EXPECT_EQ(worker->stats().resumed_from, 0u);
  EXPECT_NE(worker->stats().last_error.find("format 1"), std::string::npos);
  EXPECT_EQ(SumOf(*worker), sum);
}

TEST_F(WorkerTest, CorruptSnapshotIsRebuiltFromZero) {
  const int64_t sum = AppendNumbers(*log_, "thing-a", 300);
  ASSERT_TRUE(store_->Save("counting", {.generation = 0, .format = 1,
                                        .position = GlobalPosition{200},
                                        .state = "\xff\xff"}).ok());
  auto worker = StartWorker();
  ASSERT_TRUE(worker->WaitForPosition(Head(), 5s));
  EXPECT_EQ(worker->stats().resumed_from, 0u);
  EXPECT_EQ(SumOf(*worker), sum);
  EXPECT_EQ(EventsOf(*worker), 300u);
}

TEST_F(WorkerTest, RebuildBesideTheLiveInstanceEqualsIncrementalAndKeepsServing) {
  int64_t sum = 0;
  for (int i = 0; i < 40; ++i) sum += AppendNumbers(*log_, "thing-a", 500);
  auto worker = StartWorker();
  ASSERT_TRUE(worker->WaitForPosition(Head(), 10s));

  std::atomic<bool> stop{false};
  std::atomic<int64_t> appended{0};
  std::thread writer([&] {
    for (int i = 0; !stop.load() && i < 200; ++i) {
      appended.fetch_add(AppendNumbers(*log_, "thing-w" + std::to_string(i % 7), 20));
    }
  });
  std::atomic<uint64_t> reads{0};
  std::thread reader([&] {
    while (!stop.load()) {
      EXPECT_GE(SumOf(*worker), 0);
      reads.fetch_add(1);
    }
  });
  uint64_t last_done = 0, last_total = 0, calls = 0;
  Status s = worker->Rebuild([&](uint64_t done, uint64_t total) {
    EXPECT_GE(done, last_done);
    last_done = done;
    last_total = total;
    ++calls;
  });
  writer.join();
  stop.store(true);
  reader.join();
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_GT(calls, 0u);
  EXPECT_EQ(last_done, last_total);
  EXPECT_GT(reads.load(), 0u);

  ASSERT_TRUE(worker->WaitForPosition(Head(), 10s));
  sum += appended.load();
  EXPECT_EQ(worker->stats().generation, 1u);
  EXPECT_EQ(SumOf(*worker), sum);
  EXPECT_EQ(EventsOf(*worker), Head().value);

  // The same as folding the whole log into a fresh instance.
  CountingProjection fresh;
  auto all = log_->ReadAll(GlobalPosition{1}, Head().value, {});
  ASSERT_TRUE(all.ok());
  for (const auto& e : all->events) fresh.Apply(e);
  EXPECT_EQ(worker->Read<CountingProjection>([](const CountingProjection& p) {
              return p.per_stream();
            }),
            fresh.per_stream());

  // The new generation is what a restart resumes from.
  worker.reset();
  auto restarted = StartWorker();
  EXPECT_EQ(restarted->stats().generation, 1u);
  EXPECT_EQ(restarted->stats().resumed_from, Head().value);
}

TEST_F(WorkerTest, StatsReportLagInEventsAndMilliseconds) {
  AppendNumbers(*log_, "thing-a", 10);
  auto worker = StartWorker();
  ASSERT_TRUE(worker->WaitForPosition(Head(), 5s));
  worker->Stop();
  AppendNumbers(*log_, "thing-a", 5);
  std::this_thread::sleep_for(30ms);
  const WorkerStats stats = worker->stats();
  EXPECT_EQ(stats.name, "counting");
  EXPECT_EQ(stats.position, 10u);
  EXPECT_EQ(stats.head, 15u);
  EXPECT_EQ(stats.lag_events, 5u);
  EXPECT_GE(stats.lag_ms, 30);
  EXPECT_FALSE(stats.caught_up);
}

TEST_F(WorkerTest, ReadOnlyWorkerNeverWritesSnapshots) {
  AppendNumbers(*log_, "thing-a", 10);
  {
    auto worker = StartWorker({.snapshot_every_events = 1, .snapshot_min_interval = 0ms,
                               .read_only = true});
    ASSERT_TRUE(worker->WaitForPosition(Head(), 5s));
    EXPECT_EQ(worker->stats().snapshots_written, 0u);
  }
  auto stored = store_->Load("counting");
  ASSERT_TRUE(stored.ok());
  EXPECT_FALSE(stored->has_value());
}

}  // namespace
}  // namespace dealstream::projections
