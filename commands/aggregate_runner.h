// AggregateRunner<A>: loads the current state of aggregate A's streams by
// folding their events, with a bounded cache of recent states.
//
// A cached state is checked against the stream's stored version on every
// load (one point lookup) and brought up to date from the log if it is
// behind, so the cache can never hand out a stale state.
//
// Thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"
#include "commands/event_mapping.h"
#include "commands/lru_cache.h"
#include "eventstore/event_log.h"

namespace dealstream::commands {

template <typename A>
class AggregateRunner {
 public:
  using State = typename A::State;
  using Event = typename A::Event;

  struct Loaded {
    State state{};
    uint64_t version = 0;  // 0: the stream has no events
  };

  AggregateRunner(const eventstore::EventLog& log, size_t cache_capacity)
      : log_(log), cache_(cache_capacity) {}

  Result<Loaded> Load(const eventstore::StreamName& stream) {
    auto current = log_.CurrentVersion(stream);
    if (!current.ok()) return current.error();
    Loaded loaded = cache_.Get(stream.str()).value_or(Loaded{});
    if (loaded.version > current->value) loaded = Loaded{};  // never ahead of the log
    while (loaded.version < current->value) {
      auto events = log_.ReadStream(stream, {loaded.version + 1}, eventstore::Direction::kForward,
                                    kReadChunk);
      if (!events.ok()) return events.error();
      if (events->empty()) {
        return Status::Corruption("stream " + stream.str() + " ends at version " +
                                  std::to_string(loaded.version) + " but its head says " +
                                  std::to_string(current->value));
      }
      for (const eventstore::RecordedEvent& e : *events) {
        auto event = decoder_.Decode(e);
        if (!event.ok()) return event.error();
        A::Evolve(loaded.state, *event, e.time);
        loaded.version = e.version.value;
      }
    }
    Remember(stream.str(), loaded);
    return loaded;
  }

  // Loads by aggregate id; InvalidArgument if the id cannot name a stream.
  Result<Loaded> LoadId(std::string_view id) {
    auto stream = eventstore::StreamName::Make(A::kCategory, id);
    if (!stream.ok()) return stream.error();
    return Load(*stream);
  }

  // Caches `loaded` unless a newer state is cached already.
  void Remember(const std::string& stream, Loaded loaded) {
    const uint64_t version = loaded.version;
    cache_.Put(stream, std::move(loaded),
               [version](const Loaded& existing) { return existing.version >= version; });
  }

  void Forget(const std::string& stream) { cache_.Erase(stream); }

 private:
  static constexpr size_t kReadChunk = 512;

  const eventstore::EventLog& log_;
  EventDecoder<Event> decoder_;
  LruCache<Loaded> cache_;
};

}  // namespace dealstream::commands
