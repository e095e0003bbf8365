#include "eventstore/memory_event_log.h"

#include <algorithm>

namespace dealstream::eventstore {

AppendOutcome MemoryEventLog::Append(AppendRequest request) {
  std::unique_lock lock(mu_);
  last_recorded_ = std::max(last_recorded_, Now());
  BatchPlanner planner(
      head_, last_recorded_, limits_,
      {.stream_version =
           [this](const StreamName& s) -> Result<StreamVersion> {
             auto it = streams_.find(s.str());
             return StreamVersion{it == streams_.end() ? 0 : it->second.size()};
           },
       .idempotency = [this](const std::string& key) -> Result<std::optional<IdempotencyRecord>> {
         auto it = keys_.find(key);
         if (it == keys_.end()) return std::optional<IdempotencyRecord>();
         return std::optional<IdempotencyRecord>(it->second);
       }});
  AppendOutcome outcome = planner.Plan(request);
  if (!outcome.ok() || outcome->replayed) return outcome;
  for (const RecordedEvent& e : planner.records()) {
    streams_[e.stream.str()].push_back(e.position.value);
    events_.push_back(e);
  }
  for (const auto& [key, record] : planner.new_keys()) keys_.insert_or_assign(key, record);
  head_ = planner.head();
  lock.unlock();
  head_changed_.notify_all();
  return outcome;
}

void MemoryEventLog::AppendAsync(AppendRequest request, AppendCallback done) {
  done(Append(std::move(request)));
}

Result<StreamVersion> MemoryEventLog::CurrentVersion(const StreamName& stream) const {
  std::lock_guard lock(mu_);
  auto it = streams_.find(stream.str());
  return StreamVersion{it == streams_.end() ? 0 : it->second.size()};
}

Result<std::vector<RecordedEvent>> MemoryEventLog::ReadStream(const StreamName& stream,
                                                              StreamVersion from,
                                                              Direction direction,
                                                              size_t max_count) const {
  std::lock_guard lock(mu_);
  std::vector<RecordedEvent> out;
  auto it = streams_.find(stream.str());
  if (it == streams_.end()) return out;
  const std::vector<uint64_t>& positions = it->second;
  const uint64_t last = positions.size();
  if (direction == Direction::kForward) {
    for (uint64_t v = std::max<uint64_t>(from.value, 1); v <= last && out.size() < max_count; ++v) {
      out.push_back(events_[positions[v - 1] - 1]);
    }
  } else {
    uint64_t v = from.value == 0 ? last : std::min(from.value, last);
    for (; v >= 1 && out.size() < max_count; --v) out.push_back(events_[positions[v - 1] - 1]);
  }
  return out;
}

Result<ReadAllResult> MemoryEventLog::ReadAll(GlobalPosition from, size_t max_count,
                                              const ReadFilter& filter) const {
  std::lock_guard lock(mu_);
  ReadAllResult out{.events = {}, .next = from};
  uint64_t p = std::max<uint64_t>(from.value, 1);
  for (; p <= head_.position.value && out.events.size() < max_count; ++p) {
    const RecordedEvent& e = events_[p - 1];
    if (filter.Accepts(e)) out.events.push_back(e);
  }
  out.next = GlobalPosition{std::max(p, from.value)};
  return out;
}

Result<std::optional<IdempotencyRecord>> MemoryEventLog::FindIdempotencyKey(
    const std::string& key) const {
  std::lock_guard lock(mu_);
  auto it = keys_.find(key);
  if (it == keys_.end()) return std::optional<IdempotencyRecord>();
  return std::optional<IdempotencyRecord>(it->second);
}

LogHead MemoryEventLog::Head() const {
  std::lock_guard lock(mu_);
  return head_;
}

bool MemoryEventLog::WaitForPosition(GlobalPosition position,
                                     std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mu_);
  return head_changed_.wait_for(lock, timeout,
                                [&] { return head_.position.value >= position.value; });
}

}  // namespace dealstream::eventstore
