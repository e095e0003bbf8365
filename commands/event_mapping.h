// Maps an aggregate's event variant to and from stored events, through the
// codec. Kept in one header so the command path has a single place that
// knows how typed events become eventstore records.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "base/result.h"
#include "codec/json_codec.h"
#include "eventstore/types.h"

namespace dealstream::commands {

// The stored type name and JSON payload of one typed event.
template <typename Variant>
eventstore::ProposedEvent ToProposedEvent(const Variant& event) {
  eventstore::ProposedEvent out;
  std::visit(
      [&](const auto& e) {
        out.type = std::string(std::decay_t<decltype(e)>::kType);
        out.data = codec::EncodeJson(e);
      },
      event);
  return out;
}

// Decodes a stored event into the aggregate's variant. Types the variant
// does not know are a Corruption error: a stream only ever holds its own
// aggregate's events.
template <typename Variant>
class EventDecoder {
 public:
  EventDecoder() { Register(std::make_index_sequence<std::variant_size_v<Variant>>{}); }

  Result<Variant> Decode(const eventstore::RecordedEvent& e) const {
    auto it = decoders_.find(e.type);
    if (it == decoders_.end()) {
      return Status::Corruption("position " + std::to_string(e.position.value) +
                                ": stream " + e.stream.str() + " holds an event of unknown type " +
                                e.type);
    }
    return it->second(e.data, e.position.value);
  }

 private:
  using Fn = Result<Variant> (*)(std::string_view, uint64_t);

  template <size_t... I>
  void Register(std::index_sequence<I...>) {
    (decoders_.emplace(std::string(std::variant_alternative_t<I, Variant>::kType),
                       &DecodeOne<std::variant_alternative_t<I, Variant>>),
     ...);
  }

  template <typename E>
  static Result<Variant> DecodeOne(std::string_view data, uint64_t position) {
    auto decoded = codec::DecodeJsonFast<E>(data, {.allow_negative_money = true});
    if (!decoded.ok()) {
      return Status::Corruption("position " + std::to_string(position) + ": " +
                                decoded.error().message);
    }
    return Variant(std::move(*decoded));
  }

  std::unordered_map<std::string, Fn> decoders_;
};

}  // namespace dealstream::commands
