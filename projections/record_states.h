// RecordStates: the state of any one record — its aggregate's State, the
// same fold the write side uses (Aggregate::Evolve) — as of any instant:
// the visible events of its stream (time_travel.h), folded in stream order.
//
// Reading and decoding a long stream costs far more than folding it, so
// decoded streams are kept in a bounded LRU cache; a query re-reads only
// the events appended since (DESIGN P5: one record with 1,000 events as of
// any time within 1 ms).
//
// Thread-safety: all methods may be called concurrently.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "codec/event_codec.h"
#include "eventstore/event_log.h"
#include "projections/time_travel.h"

namespace dealstream::projections {

struct RecordStatesOptions {
  // Most decoded events kept across all cached streams. Default: 200,000.
  size_t max_cached_events = 200000;
};

class RecordStates {
 public:
  // `log` must outlive this object.
  explicit RecordStates(const eventstore::EventLog& log, RecordStatesOptions options = {});

  // The State of aggregate A's record `id` under `vis`; nullopt when none of
  // its events is visible (or the stream does not exist).
  // Errors: InvalidArgument (malformed id), Unavailable (log read failed),
  // Corruption (a stored event of the stream does not decode).
  template <typename A>
  Result<std::optional<typename A::State>> StateOf(std::string_view id,
                                                   const Visibility& vis) const;

  // The state of the record of stream "<category>-<id>" as JSON (the
  // codec's rendering of its State), for record views and the `state` CLI.
  // Errors: as StateOf, plus NotFound for a category without a record view.
  Result<std::optional<std::string>> StateJson(std::string_view category, std::string_view id,
                                               const Visibility& vis) const;

 private:
  template <typename A>
  struct Decoded {
    struct Item {
      int64_t time;
      uint64_t position;
      typename A::Event event;
    };
    uint64_t version = 0;  // last stream version decoded
    std::vector<Item> items;
  };
  struct Slot {
    std::shared_ptr<const void> decoded;  // Decoded<A> for the stream's aggregate
    size_t events = 0;
    std::list<std::string>::iterator lru;
  };

  std::shared_ptr<const void> Lookup(const std::string& stream) const;
  void Store(const std::string& stream, std::shared_ptr<const void> decoded, size_t events) const;

  const eventstore::EventLog& log_;
  const RecordStatesOptions options_;
  mutable std::mutex mu_;
  mutable std::unordered_map<std::string, Slot> cache_;
  mutable std::list<std::string> lru_;  // most recent first
  mutable size_t cached_events_ = 0;
};

template <typename A>
Result<std::optional<typename A::State>> RecordStates::StateOf(std::string_view id,
                                                               const Visibility& vis) const {
  auto stream = eventstore::StreamName::Make(A::kCategory, id);
  if (!stream.ok()) return stream.error();
  auto current = log_.CurrentVersion(*stream);
  if (!current.ok()) return current.error();

  auto cached = std::static_pointer_cast<const Decoded<A>>(Lookup(stream->str()));
  if (!cached || cached->version < current->value) {
    auto fresh = std::make_shared<Decoded<A>>(cached ? *cached : Decoded<A>{});
    while (fresh->version < current->value) {
      auto read = log_.ReadStream(*stream, eventstore::StreamVersion{fresh->version + 1},
                                  eventstore::Direction::kForward, 1024);
      if (!read.ok()) return read.error();
      if (read->empty()) break;
      for (const eventstore::RecordedEvent& e : *read) {
        auto event = codec::DecodeEvent<typename A::Event>(e);
        if (!event.ok()) {
          return Status::Corruption(stream->str() + " version " + std::to_string(e.version.value) +
                                    ": " + event.error().message);
        }
        fresh->items.push_back({e.time.micros(), e.position.value, std::move(*event)});
        fresh->version = e.version.value;
      }
    }
    Store(stream->str(), fresh, fresh->items.size());
    cached = std::move(fresh);
  }

  std::optional<typename A::State> state;
  for (const auto& item : cached->items) {
    if (item.position > vis.max_position) break;  // stream order is position order
    if (item.time > vis.max_time.micros()) continue;
    if (!state) state.emplace();
    A::Evolve(*state, item.event, Timestamp::FromMicros(item.time));
  }
  return state;
}

}  // namespace dealstream::projections
