#include "eventstore/log_fold.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace dealstream::eventstore {
namespace {

constexpr size_t kChunks = kFoldSlots;

// Who prepares an event of a shared fold: the first to move its claim from
// kFree to kClaimed; kDone once the reading thread has finished it.
enum Claim : uint8_t { kFree, kClaimed, kDone };

struct ReadChunk {
  EventChunk events;
  Status status;
  std::unique_ptr<std::atomic<uint8_t>[]> claims;  // one per event, shared folds only
  size_t claims_capacity = 0;

  // Reading thread, while it owns the chunk.
  void ResetClaims(size_t n) {
    if (claims_capacity < n) {
      claims = std::make_unique<std::atomic<uint8_t>[]>(n);
      claims_capacity = n;
    }
    for (size_t i = 0; i < n; ++i) claims[i].store(kFree, std::memory_order_relaxed);
  }
};

// The reading thread's share: events from the chunk's end, until the
// applying thread has claimed the next one.
void PrepareFromTheEnd(ReadChunk& c, size_t slot, const FoldStages& stages) {
  const std::span<const RecordedEvent> events = c.events.events();
  for (size_t i = events.size(); i-- > 0;) {
    uint8_t expected = kFree;
    if (!c.claims[i].compare_exchange_strong(expected, kClaimed, std::memory_order_acq_rel)) return;
    stages.prepare(events[i], slot, i);
    c.claims[i].store(kDone, std::memory_order_release);
  }
}

// The applying thread's: event i prepared by the time this returns.
void EnsurePrepared(ReadChunk& c, size_t slot, size_t i, const FoldStages& stages) {
  uint8_t state = c.claims[i].load(std::memory_order_acquire);
  if (state == kDone) return;
  if (state == kFree &&
      c.claims[i].compare_exchange_strong(state, kClaimed, std::memory_order_acq_rel)) {
    stages.prepare(c.events.events()[i], slot, i);
    return;
  }
  // The reading thread is preparing it: one event's work, so spin.
  for (int spins = 0; c.claims[i].load(std::memory_order_acquire) != kDone; ++spins) {
    if (spins > 64) std::this_thread::yield();
  }
}

// Chunks travel reader → applier through `full` and back through `free`.
class ChunkExchange {
 public:
  ChunkExchange() {
    for (size_t i = 0; i < kChunks; ++i) free_.push_back(i);
  }
  // Blocks until a free chunk is available; nullopt once cancelled.
  std::optional<size_t> TakeFree() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return cancelled_ || !free_.empty(); });
    if (cancelled_) return std::nullopt;
    const size_t i = free_.front();
    free_.pop_front();
    return i;
  }
  // Blocks until the reader passes a chunk on; nullopt when it is done.
  std::optional<size_t> TakeFull() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return reader_done_ || !full_.empty(); });
    if (full_.empty()) return std::nullopt;
    const size_t i = full_.front();
    full_.pop_front();
    return i;
  }
  void PutFull(size_t i) { Put(full_, i); }
  void PutFree(size_t i) { Put(free_, i); }
  void ReaderDone() {
    std::lock_guard lock(mu_);
    reader_done_ = true;
    cv_.notify_all();
  }
  void Cancel() {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    cv_.notify_all();
  }

 private:
  void Put(std::deque<size_t>& queue, size_t i) {
    std::lock_guard lock(mu_);
    queue.push_back(i);
    cv_.notify_all();
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<size_t> full_, free_;
  bool reader_done_ = false;
  bool cancelled_ = false;
};

}  // namespace

Result<uint64_t> FoldLog(const EventLog& log, uint64_t from, uint64_t until, size_t chunk,
                         const ChunkHandler& apply) {
  return FoldLog(log, from, until, chunk,
                 FoldStages{.apply = [&](std::span<const RecordedEvent> events, size_t,
                                         const std::function<void(size_t)>&) {
                   return apply(events);
                 }});
}

Result<uint64_t> FoldLog(const EventLog& log, uint64_t from, uint64_t until, size_t chunk,
                         const FoldStages& stages) {
  from = std::max<uint64_t>(from, 1);
  if (from > until) return from;
  std::array<ReadChunk, kChunks> chunks;
  ChunkExchange exchange;
  std::thread reader([&] {
    uint64_t next = from;
    while (next <= until) {
      auto i = exchange.TakeFree();
      if (!i) break;
      ReadChunk& c = chunks[*i];
      const size_t want = static_cast<size_t>(std::min<uint64_t>(chunk, until - next + 1));
      c.status = log.ReadAllInto(GlobalPosition{next}, want, {}, &c.events);
      const bool stalled = c.status.ok() && c.events.next.value <= next;  // past the head
      const bool shared = stages.prepare && c.status.ok() && !c.events.events().empty();
      if (c.status.ok()) next = c.events.next.value;
      if (shared) {
        c.ResetClaims(c.events.events().size());
        if (stages.start) stages.start(c.events.events(), *i);
      }
      exchange.PutFull(*i);
      if (shared) PrepareFromTheEnd(c, *i, stages);
      if (!c.status.ok() || stalled) break;
    }
    exchange.ReaderDone();
  });
  struct Join {
    std::thread& t;
    ChunkExchange& x;
    ~Join() {
      x.Cancel();
      t.join();
    }
  } join{reader, exchange};

  uint64_t next = from;
  while (auto i = exchange.TakeFull()) {
    ReadChunk& c = chunks[*i];
    if (!c.status.ok()) return c.status;
    const size_t slot = *i;
    const bool go_on = stages.apply(c.events.events(), slot, [&](size_t index) {
      if (stages.prepare) EnsurePrepared(c, slot, index, stages);
    });
    next = std::max(next, c.events.next.value);
    exchange.PutFree(*i);
    if (!go_on) break;
  }
  return next;
}

}  // namespace dealstream::eventstore
