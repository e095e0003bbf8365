// HandoffQueue: hands work from producers to one consumer thread in bulk.
// Internal to RocksEventLog, whose pipeline (writer → syncer) is two of
// these.
//
// The consumer takes everything queued at once, which is what makes group
// commit cheap: one lock and at most one wake-up per batch, not per item.
//
// Thread-safety: Push and Close from any thread; PopAll from one thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <iterator>
#include <mutex>
#include <vector>

namespace dealstream::eventstore {

template <typename T>
class HandoffQueue {
 public:
  // Queues `item` and returns true, or returns false (leaving `item`
  // untouched) once the queue is closed.
  bool Push(T& item) {
    {
      std::lock_guard lock(mu_);
      if (closed_) return false;
      items_.push_back(std::move(item));
      // A consumer only sleeps on an empty queue, so only the first item
      // needs to wake it.
      if (items_.size() != 1) return true;
    }
    cv_.notify_one();
    return true;
  }

  // Blocks until the queue holds an item or is closed, then moves up to
  // `max` items (oldest first) into `out`, which must be empty. Returns false
  // when the queue is closed and drained: the consumer should stop.
  bool PopAll(std::vector<T>* out, size_t max) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return false;
    if (items_.size() <= max) {
      out->swap(items_);
    } else {
      auto split = items_.begin() + static_cast<std::ptrdiff_t>(max);
      out->assign(std::make_move_iterator(items_.begin()), std::make_move_iterator(split));
      items_.erase(items_.begin(), split);
    }
    return true;
  }

  // Refuses further pushes; the consumer still drains what is queued.
  void Close() {
    {
      std::lock_guard lock(mu_);
      closed_ = true;
    }
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<T> items_;
  bool closed_ = false;
};

}  // namespace dealstream::eventstore
