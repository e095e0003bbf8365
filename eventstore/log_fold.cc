#include "eventstore/log_fold.h"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace dealstream::eventstore {
namespace {

// Three chunks: one being applied, one read ahead, one being read.
constexpr size_t kChunks = 3;

struct ReadChunk {
  EventChunk events;
  Status status;
};

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
      if (c.status.ok()) next = c.events.next.value;
      exchange.PutFull(*i);
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
    const bool go_on = apply(c.events.events());
    next = std::max(next, c.events.next.value);
    exchange.PutFree(*i);
    if (!go_on) break;
  }
  return next;
}

}  // namespace dealstream::eventstore
