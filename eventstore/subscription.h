// CatchUpSubscription: delivers every event from a position on — first from
// storage (catch-up), then as appends commit (live) — in position order, with
// no gap and no duplicate. Reading by gap-free position is what makes the
// switch from catch-up to live seamless: there is no separate live channel
// whose events could overlap or miss the stored ones.
//
// The handler runs on the subscription's own thread.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

#include "eventstore/event_log.h"

namespace dealstream::eventstore {

class CatchUpSubscription {
 public:
  // Return false to end the subscription.
  using Handler = std::function<bool(const RecordedEvent&)>;
  // Called when a read fails; the subscription retries the same position.
  using ErrorHandler = std::function<void(const Status&)>;

  // Starts delivering events with position >= `from` (1 = everything).
  // `log` must outlive the subscription.
  CatchUpSubscription(const EventLog& log, GlobalPosition from, ReadFilter filter,
                      Handler handler, ErrorHandler on_error = {});
  ~CatchUpSubscription();  // stops and waits for the handler to return
  CatchUpSubscription(const CatchUpSubscription&) = delete;
  CatchUpSubscription& operator=(const CatchUpSubscription&) = delete;

  void Stop();
  // The next position to be read: every event before it was handled (the
  // handler returned).
  GlobalPosition next() const { return GlobalPosition{next_.load()}; }
  // True once the subscription has reached the head at least once.
  bool caught_up() const { return caught_up_.load(); }
  // Waits up to `timeout` for caught_up(); returns it.
  bool WaitCaughtUp(std::chrono::milliseconds timeout) const;

 private:
  void Run();

  const EventLog& log_;
  ReadFilter filter_;
  Handler handler_;
  ErrorHandler on_error_;
  std::atomic<uint64_t> next_;
  std::atomic<bool> caught_up_{false};
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace dealstream::eventstore
