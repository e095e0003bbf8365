// Decodes stored events of one aggregate through the codec (which owns the
// type-name table and upcasts older schema versions), turning a codec
// error into a Corruption that names the position: a stream only ever
// holds its own aggregate's events, written by this service.
#pragma once

#include <string>

#include "base/result.h"
#include "codec/event_codec.h"
#include "eventstore/types.h"

namespace dealstream::commands {

template <typename Variant>
class EventDecoder {
 public:
  Result<Variant> Decode(const eventstore::RecordedEvent& e) const {
    auto decoded = codec::DecodeEvent<Variant>(e);
    if (!decoded.ok()) {
      return Status::Corruption("position " + std::to_string(e.position.value) + " (" + e.type +
                                " in " + e.stream.str() + "): " + decoded.error().message);
    }
    return std::move(*decoded);
  }
};

}  // namespace dealstream::commands
