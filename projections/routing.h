// The table from stored event type to decoder and books (CrmProjection).
//
// Every event type of the aggregates the read models use is registered
// once, from the aggregates' Event variants: its decoder is the codec's
// event decoder for that aggregate (upcasting older schema versions, then
// the strict simdjson path), and its sink routes the typed event
// (std::visit inside each book) to the books that care.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "projections/books.h"

namespace dealstream::projections {

struct EventRoute {
  // Decodes `data` (stored with `schema_version`) as event `type` and
  // applies it; a problem description on failure (nothing is applied then).
  std::optional<std::string> (*apply)(CrmBooks& books, const EventMeta& meta,
                                      std::string_view type, uint32_t schema_version,
                                      std::string_view data) = nullptr;
};

// The route of an event type, or nullptr when no read model needs it.
const EventRoute* FindRoute(std::string_view type);

}  // namespace dealstream::projections
