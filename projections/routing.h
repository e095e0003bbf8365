// The table from stored event type to decoder and books (CrmProjection).
//
// Every event type of the aggregates the read models use is registered
// once, from the aggregates' Event variants: its decoder is the codec's
// strict simdjson decoder for that struct, and its sink routes the typed
// event (std::visit inside each book) to the books that care.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "projections/books.h"

namespace dealstream::projections {

struct EventRoute {
  uint32_t schema_version = 1;  // the payload version the decoder reads
  // Decodes `data` and applies the event; a problem description on failure
  // (nothing is applied then).
  std::optional<std::string> (*apply)(CrmBooks& books, const EventMeta& meta,
                                      std::string_view data) = nullptr;
};

// The route of an event type, or nullptr when no read model needs it.
const EventRoute* FindRoute(std::string_view type);

}  // namespace dealstream::projections
