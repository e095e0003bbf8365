#include "commands/stream_lanes.h"

#include <utility>

namespace dealstream::commands {

void StreamLanes::Enter(const std::string& stream, Work work) {
  {
    std::lock_guard lock(mu_);
    auto [it, inserted] = waiting_.try_emplace(stream);
    if (!inserted) {
      it->second.push_back(std::move(work));
      return;
    }
  }
  Run(std::move(work));
}

void StreamLanes::Leave(const std::string& stream) {
  Work next;
  {
    std::lock_guard lock(mu_);
    auto it = waiting_.find(stream);
    if (it == waiting_.end()) return;
    if (it->second.empty()) {
      waiting_.erase(it);
      return;
    }
    next = std::move(it->second.front());
    it->second.pop_front();
  }
  Run(std::move(next));
}

size_t StreamLanes::busy() const {
  std::lock_guard lock(mu_);
  return waiting_.size();
}

void StreamLanes::Run(Work work) {
  thread_local std::deque<Work>* pending = nullptr;
  if (pending != nullptr) {
    pending->push_back(std::move(work));
    return;
  }
  std::deque<Work> queue;
  queue.push_back(std::move(work));
  pending = &queue;
  struct Reset {
    ~Reset() { pending = nullptr; }
  } reset;
  while (!queue.empty()) {
    Work current = std::move(queue.front());
    queue.pop_front();
    current();
  }
}

}  // namespace dealstream::commands
