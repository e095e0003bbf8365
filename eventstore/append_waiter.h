// AppendWaiter: carries one append's outcome from the log's syncer thread to
// the caller blocked in RocksEventLog::Append. Internal to the eventstore.
//
// Why not std::promise: under load every append is one sleep and one
// wake-up, so their cost is the cost of an append. A promise allocates its
// shared state and, in libstdc++, waits on a process-shared futex whose every
// wake pins the page (get_user_pages in profiles). This waiter lives on the
// caller's stack and uses a process-private futex on Linux.
//
// Thread-safety: one thread calls Set, one thread calls Wait, once each.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <utility>

#if defined(__linux__)
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "eventstore/event_log.h"

namespace dealstream::eventstore {

class AppendWaiter {
 public:
  AppendWaiter() = default;
  AppendWaiter(const AppendWaiter&) = delete;
  AppendWaiter& operator=(const AppendWaiter&) = delete;

  void Set(AppendOutcome outcome) {
    outcome_.emplace(std::move(outcome));
    state_.store(kReady, std::memory_order_release);
    // The waiter may return (and this object die) as soon as it sees kReady;
    // waking a futex word that is gone is harmless: at worst a later waiter
    // at the same address wakes early, re-checks its state and sleeps again.
    Wake();
  }

  AppendOutcome Wait() {
    while (state_.load(std::memory_order_acquire) != kReady) Sleep();
    return std::move(*outcome_);
  }

 private:
  static constexpr uint32_t kWaiting = 0;
  static constexpr uint32_t kReady = 1;

#if defined(__linux__)
  void Sleep() {
    // Returns at once if the state already changed (EAGAIN); spurious
    // returns are handled by the caller's loop.
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&state_), FUTEX_WAIT_PRIVATE, kWaiting,
            nullptr, nullptr, 0);
  }
  void Wake() {
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&state_), FUTEX_WAKE_PRIVATE, 1, nullptr,
            nullptr, 0);
  }
#else
  void Sleep() { state_.wait(kWaiting, std::memory_order_acquire); }
  void Wake() { state_.notify_one(); }
#endif

  std::optional<AppendOutcome> outcome_;
  std::atomic<uint32_t> state_{kWaiting};
  static_assert(sizeof(std::atomic<uint32_t>) == sizeof(uint32_t), "futex needs a plain word");
};

}  // namespace dealstream::eventstore
