#include "eventstore/subscription.h"

#include <chrono>

namespace dealstream::eventstore {
namespace {

constexpr size_t kReadChunk = 1024;
constexpr std::chrono::milliseconds kLiveWait{100};
constexpr std::chrono::milliseconds kRetryDelay{200};

}  // namespace

CatchUpSubscription::CatchUpSubscription(const EventLog& log, GlobalPosition from,
                                         ReadFilter filter, Handler handler,
                                         ErrorHandler on_error)
    : log_(log), filter_(std::move(filter)), handler_(std::move(handler)),
      on_error_(std::move(on_error)), next_(std::max<uint64_t>(from.value, 1)) {
  thread_ = std::thread([this] { Run(); });
}

CatchUpSubscription::~CatchUpSubscription() { Stop(); }

void CatchUpSubscription::Stop() {
  stop_.store(true);
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void CatchUpSubscription::Run() {
  EventChunk chunk;  // reused: catching up a long log allocates per chunk, not per event
  while (!stop_.load()) {
    if (Status s = log_.ReadAllInto(GlobalPosition{next_.load()}, kReadChunk, filter_, &chunk);
        !s.ok()) {
      if (on_error_) on_error_(s);
      std::this_thread::sleep_for(kRetryDelay);
      continue;
    }
    for (const RecordedEvent& e : chunk.events()) {
      if (stop_.load()) return;
      const bool go_on = handler_(e);
      // Only now is the event handled: next() never runs ahead of the handler.
      next_.store(e.position.value + 1);
      if (!go_on) {
        stop_.store(true);
        return;
      }
    }
    next_.store(chunk.next.value);
    if (chunk.next.value > log_.Head().position.value) {
      caught_up_.store(true);
      log_.WaitForPosition(chunk.next, kLiveWait);
    }
  }
}

bool CatchUpSubscription::WaitCaughtUp(std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!caught_up()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

}  // namespace dealstream::eventstore
