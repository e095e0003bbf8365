// The EventLog contract (DESIGN §4), checked against both implementations.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>

#include "eventstore/subscription.h"
#include "log_fixture.h"

namespace dealstream::eventstore {
namespace {

using testing::Request;
using testing::Stream;

struct MemoryFactory {
  std::unique_ptr<EventLog> Make() { return std::make_unique<MemoryEventLog>(); }
};
struct RocksFactory {
  testing::TempDir dir;
  std::unique_ptr<EventLog> Make() { return testing::OpenRocks(dir.path()); }
};

template <typename Factory>
class LogContractTest : public ::testing::Test {
 protected:
  void SetUp() override { log_ = factory_.Make(); }
  EventLog& log() { return *log_; }
  Factory factory_;
  std::unique_ptr<EventLog> log_;
};

using Implementations = ::testing::Types<MemoryFactory, RocksFactory>;
TYPED_TEST_SUITE(LogContractTest, Implementations);

TYPED_TEST(LogContractTest, FirstAppendStartsAtVersionAndPositionOne) {
  auto r = this->log().Append(Request("deal-1", ExpectedVersion::NoStream()));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->first_version.value, 1u);
  EXPECT_EQ(r->last_version.value, 1u);
  EXPECT_EQ(r->first_position.value, 1u);
  EXPECT_EQ(r->event_ids.size(), 1u);
  EXPECT_FALSE(r->replayed);
  EXPECT_EQ(this->log().Head().position.value, 1u);
}

TYPED_TEST(LogContractTest, ExpectedVersionNoStreamConflictsOnExistingStream) {
  ASSERT_TRUE(this->log().Append(Request("deal-1", ExpectedVersion::Any(), 2)).ok());
  auto r = this->log().Append(Request("deal-1", ExpectedVersion::NoStream()));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, AppendError::Code::kWrongExpectedVersion);
  EXPECT_EQ(r.error().current_version.value, 2u);
  EXPECT_NE(r.error().message.find("version 2"), std::string::npos) << r.error().message;
}

TYPED_TEST(LogContractTest, ExpectedVersionExistsNeedsAnEvent) {
  auto r = this->log().Append(Request("deal-1", ExpectedVersion::Exists()));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, AppendError::Code::kWrongExpectedVersion);
  EXPECT_EQ(r.error().current_version.value, 0u);
  ASSERT_TRUE(this->log().Append(Request("deal-1", ExpectedVersion::Any())).ok());
  EXPECT_TRUE(this->log().Append(Request("deal-1", ExpectedVersion::Exists())).ok());
}

TYPED_TEST(LogContractTest, ExpectedVersionExactMustMatch) {
  ASSERT_TRUE(this->log().Append(Request("deal-1", ExpectedVersion::Exact(0))).ok());
  auto stale = this->log().Append(Request("deal-1", ExpectedVersion::Exact(0)));
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().current_version.value, 1u);
  auto ahead = this->log().Append(Request("deal-1", ExpectedVersion::Exact(5)));
  ASSERT_FALSE(ahead.ok());
  EXPECT_EQ(ahead.error().current_version.value, 1u);
  auto ok = this->log().Append(Request("deal-1", ExpectedVersion::Exact(1)));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->last_version.value, 2u);
}

TYPED_TEST(LogContractTest, ExpectedVersionAnyAlwaysAppends) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(this->log().Append(Request("deal-1", ExpectedVersion::Any())).ok());
  EXPECT_EQ(this->log().CurrentVersion(Stream("deal-1"))->value, 3u);
}

TYPED_TEST(LogContractTest, MultiEventAppendIsContiguousAndAtomic) {
  ASSERT_TRUE(this->log().Append(Request("other-1", ExpectedVersion::Any())).ok());
  auto r = this->log().Append(Request("deal-1", ExpectedVersion::NoStream(), 5));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->first_position.value, 2u);
  EXPECT_EQ(r->last_position.value, 6u);
  EXPECT_EQ(r->last_version.value, 5u);
  // A rejected multi-event append writes none of its events.
  auto rejected = this->log().Append(Request("deal-1", ExpectedVersion::Exact(1), 3));
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(this->log().Head().position.value, 6u);
  auto events = this->log().ReadStream(Stream("deal-1"), {1}, Direction::kForward, 100);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ((*events)[i].version.value, i + 1);
    EXPECT_EQ((*events)[i].position.value, i + 2);
  }
}

TYPED_TEST(LogContractTest, InvalidAppendsAreRejectedWithoutWriting) {
  AppendRequest empty = Request("deal-1", ExpectedVersion::Any(), 0);
  auto r = this->log().Append(empty);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, AppendError::Code::kInvalidArgument);
  AppendRequest bad_type = Request("deal-1", ExpectedVersion::Any(), 1, "bad type!");
  EXPECT_EQ(this->log().Append(bad_type).error().code, AppendError::Code::kInvalidArgument);
  AppendRequest huge = Request("deal-1", ExpectedVersion::Any());
  huge.events[0].data.assign((1 << 20) + 1, 'x');
  EXPECT_EQ(this->log().Append(huge).error().code, AppendError::Code::kInvalidArgument);
  EXPECT_EQ(this->log().Head().position.value, 0u);
}

TYPED_TEST(LogContractTest, ReadsStreamForwardAndBackward) {
  ASSERT_TRUE(this->log().Append(Request("deal-1", ExpectedVersion::Any(), 4)).ok());
  ASSERT_TRUE(this->log().Append(Request("deal-10", ExpectedVersion::Any(), 2)).ok());
  auto fwd = this->log().ReadStream(Stream("deal-1"), {2}, Direction::kForward, 2);
  ASSERT_TRUE(fwd.ok());
  ASSERT_EQ(fwd->size(), 2u);
  EXPECT_EQ((*fwd)[0].version.value, 2u);
  EXPECT_EQ((*fwd)[1].version.value, 3u);
  auto back = this->log().ReadStream(Stream("deal-1"), {0}, Direction::kBackward, 10);
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 4u);  // deal-10 is a different stream
  EXPECT_EQ((*back)[0].version.value, 4u);
  EXPECT_EQ((*back)[3].version.value, 1u);
  auto from3 = this->log().ReadStream(Stream("deal-1"), {3}, Direction::kBackward, 10);
  ASSERT_EQ(from3->size(), 3u);
  EXPECT_EQ((*from3)[0].version.value, 3u);
  auto none = this->log().ReadStream(Stream("deal-404"), {1}, Direction::kForward, 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TYPED_TEST(LogContractTest, ReadAllIsGapFreeAndFiltersByCategoryAndType) {
  ASSERT_TRUE(this->log().Append(Request("deal-1", ExpectedVersion::Any(), 2, "a.x.v1")).ok());
  ASSERT_TRUE(this->log().Append(Request("customer-1", ExpectedVersion::Any(), 1, "b.y.v1")).ok());
  ASSERT_TRUE(this->log().Append(Request("deal-2", ExpectedVersion::Any(), 1, "a.z.v1")).ok());
  auto all = this->log().ReadAll({0}, 100, {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->events.size(), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(all->events[i].position.value, i + 1);
  EXPECT_EQ(all->next.value, 5u);

  auto deals = this->log().ReadAll({1}, 100, ReadFilter{.categories = {"deal"}, .types = {}});
  ASSERT_EQ(deals->events.size(), 3u);
  auto typed = this->log().ReadAll({1}, 100, ReadFilter{.categories = {}, .types = {"a.z.v1"}});
  ASSERT_EQ(typed->events.size(), 1u);
  EXPECT_EQ(typed->events[0].stream.str(), "deal-2");

  auto page = this->log().ReadAll({2}, 2, {});
  ASSERT_EQ(page->events.size(), 2u);
  EXPECT_EQ(page->events[0].position.value, 2u);
  EXPECT_EQ(page->next.value, 4u);
}

TYPED_TEST(LogContractTest, EventsCarryBusinessAndRecordedTimeAndMetadata) {
  AppendRequest r = Request("deal-1", ExpectedVersion::Any());
  r.events[0].time = *ParseTimestamp("2017-03-01T09:00:00Z");
  r.events[0].metadata = {.actor = "emp-7", .correlation_id = "c-1", .causation_id = "cmd-1",
                          .command = "OpenOpportunity"};
  r.events[0].id = "evt-fixed-1";
  const Timestamp before = Now();
  ASSERT_TRUE(this->log().Append(r).ok());
  auto events = this->log().ReadStream(Stream("deal-1"), {1}, Direction::kForward, 1);
  const RecordedEvent& e = (*events)[0];
  EXPECT_EQ(FormatTimestamp(e.time), "2017-03-01T09:00:00.000000Z");
  EXPECT_GE(e.recorded_time, before);
  EXPECT_EQ(e.id, "evt-fixed-1");
  EXPECT_EQ(e.metadata.actor, "emp-7");
  EXPECT_EQ(e.metadata.correlation_id, "c-1");
  EXPECT_EQ(e.metadata.causation_id, "cmd-1");
  EXPECT_EQ(e.metadata.command, "OpenOpportunity");
  // Without a business time, it defaults to the recorded time.
  ASSERT_TRUE(this->log().Append(Request("deal-1", ExpectedVersion::Any())).ok());
  auto second = this->log().ReadStream(Stream("deal-1"), {2}, Direction::kForward, 1);
  EXPECT_EQ((*second)[0].time, (*second)[0].recorded_time);
}

TYPED_TEST(LogContractTest, RecordedTimeNeverDecreasesWithPosition) {
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(this->log().Append(Request("deal-1", ExpectedVersion::Any())).ok());
  auto all = this->log().ReadAll({1}, 100, {});
  for (size_t i = 1; i < all->events.size(); ++i) {
    EXPECT_LE(all->events[i - 1].recorded_time, all->events[i].recorded_time);
  }
}

TYPED_TEST(LogContractTest, IdempotentRetryReturnsOriginalResultAndWritesNothing) {
  AppendRequest r = Request("deal-1", ExpectedVersion::NoStream(), 2);
  r.idempotency_key = "key-1";
  auto first = this->log().Append(r);
  ASSERT_TRUE(first.ok());
  auto retry = this->log().Append(r);  // NoStream would now conflict: the key wins
  ASSERT_TRUE(retry.ok()) << retry.error().message;
  EXPECT_TRUE(retry->replayed);
  EXPECT_EQ(retry->first_position, first->first_position);
  EXPECT_EQ(retry->last_version, first->last_version);
  EXPECT_EQ(retry->event_ids, first->event_ids);
  EXPECT_EQ(this->log().Head().position.value, 2u);
}

TYPED_TEST(LogContractTest, SameIdempotencyKeyWithDifferentRequestIsRejected) {
  AppendRequest r = Request("deal-1", ExpectedVersion::Any());
  r.idempotency_key = "key-1";
  ASSERT_TRUE(this->log().Append(r).ok());
  r.events[0].data = "{\"different\":true}";
  auto again = this->log().Append(r);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, AppendError::Code::kIdempotencyKeyReused);
  EXPECT_EQ(this->log().Head().position.value, 1u);
  // A caller-supplied fingerprint decides what "same" means.
  AppendRequest with_fp = Request("deal-2", ExpectedVersion::Any());
  with_fp.idempotency_key = "key-2";
  with_fp.request_fingerprint = "cmd-digest-A";
  ASSERT_TRUE(this->log().Append(with_fp).ok());
  with_fp.events[0].data = "{\"regenerated\":1}";
  EXPECT_TRUE(this->log().Append(with_fp)->replayed);
  with_fp.request_fingerprint = "cmd-digest-B";
  EXPECT_FALSE(this->log().Append(with_fp).ok());
}

TYPED_TEST(LogContractTest, FindIdempotencyKeyReportsStoredOutcome) {
  AppendRequest r = Request("deal-1", ExpectedVersion::Any());
  r.idempotency_key = "key-9";
  r.request_fingerprint = "fp";
  ASSERT_TRUE(this->log().Append(r).ok());
  auto found = this->log().FindIdempotencyKey("key-9");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->fingerprint, "fp");
  EXPECT_EQ((*found)->result.stream.str(), "deal-1");
  EXPECT_FALSE(this->log().FindIdempotencyKey("nope")->has_value());
}

TYPED_TEST(LogContractTest, HashChainLinksEveryEvent) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(this->log().Append(Request("deal-" + std::to_string(i % 2), ExpectedVersion::Any())).ok());
  auto all = this->log().ReadAll({1}, 100, {});
  Sha256 prev{};
  for (const RecordedEvent& e : all->events) {
    EXPECT_EQ(e.prev_hash, prev);
    EXPECT_NE(e.hash, Sha256{});
    prev = e.hash;
  }
  EXPECT_EQ(this->log().Head().hash, prev);
}

TYPED_TEST(LogContractTest, SubscriptionCatchesUpThenGoesLiveWithoutGapOrDuplicate) {
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(this->log().Append(Request("deal-1", ExpectedVersion::Any())).ok());
  std::mutex mu;
  std::vector<uint64_t> seen;
  CatchUpSubscription sub(this->log(), {1}, {}, [&](const RecordedEvent& e) {
    std::lock_guard lock(mu);
    seen.push_back(e.position.value);
    return true;
  });
  // Appends race with the catch-up phase.
  for (int i = 0; i < 70; ++i) ASSERT_TRUE(this->log().Append(Request("deal-2", ExpectedVersion::Any())).ok());
  for (int i = 0; i < 200 && sub.next().value <= 100; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  sub.Stop();
  std::lock_guard lock(mu);
  ASSERT_EQ(seen.size(), 100u);
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], i + 1);
  EXPECT_TRUE(sub.caught_up());
}

TYPED_TEST(LogContractTest, SubscriptionHonoursFilterAndStartPosition) {
  ASSERT_TRUE(this->log().Append(Request("deal-1", ExpectedVersion::Any(), 3)).ok());
  ASSERT_TRUE(this->log().Append(Request("customer-1", ExpectedVersion::Any(), 3)).ok());
  std::atomic<int> count{0};
  CatchUpSubscription sub(this->log(), {2}, ReadFilter{.categories = {"deal"}, .types = {}},
                          [&](const RecordedEvent& e) {
                            EXPECT_EQ(e.stream.category(), "deal");
                            ++count;
                            return true;
                          });
  for (int i = 0; i < 200 && !sub.caught_up(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  sub.Stop();
  EXPECT_EQ(count.load(), 2);  // positions 2 and 3
}

// Attempts per racer: DEALSTREAM_RACE_ATTEMPTS (default 60; `make soak`
// runs 10,000).
int RaceAttempts() {
  const char* env = std::getenv("DEALSTREAM_RACE_ATTEMPTS");
  return env != nullptr && std::atoi(env) > 0 ? std::atoi(env) : 60;
}

TYPED_TEST(LogContractTest, ConcurrentRacersOnSameStreamsGetExactlyOneWinnerPerVersion) {
  constexpr int kThreads = 32;
  constexpr int kStreams = 10;
  const int kAttemptsPerThread = RaceAttempts();
  const auto started = std::chrono::steady_clock::now();
  std::atomic<int> wins{0}, conflicts{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kAttemptsPerThread; ++i) {
        const std::string stream = "race-" + std::to_string((t + i) % kStreams);
        auto current = this->log().CurrentVersion(Stream(stream));
        ASSERT_TRUE(current.ok());
        auto r = this->log().Append(Request(stream, ExpectedVersion::Exact(current->value)));
        if (r.ok()) {
          ++wins;
        } else {
          ASSERT_EQ(r.error().code, AppendError::Code::kWrongExpectedVersion);
          EXPECT_GT(r.error().current_version.value, current->value);
          ++conflicts;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wins + conflicts, kThreads * kAttemptsPerThread);
  uint64_t total = 0;
  for (int s = 0; s < kStreams; ++s) {
    auto events = this->log().ReadStream(Stream("race-" + std::to_string(s)), {1}, Direction::kForward, 100000);
    ASSERT_TRUE(events.ok());
    for (size_t i = 0; i < events->size(); ++i) EXPECT_EQ((*events)[i].version.value, i + 1);
    total += events->size();
  }
  EXPECT_EQ(total, static_cast<uint64_t>(wins.load()));
  EXPECT_EQ(this->log().Head().position.value, total);
  std::printf("race (%s): %d racers x %d appends on %d streams: %d won, %d conflicts, %.1f s\n",
              ::testing::UnitTest::GetInstance()->current_test_info()->type_param(), kThreads,
              kAttemptsPerThread, kStreams, wins.load(), conflicts.load(),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
}

}  // namespace
}  // namespace dealstream::eventstore
