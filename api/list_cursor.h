// The opaque cursor of list pages: the sort key of the last row seen, bound
// to the list (collection and filters) it was issued for.
//
// Form: "c1" + 16 hex digits of the key + 16 hex digits of a keyed SHA-256
// over (collection, filters, key). The check catches damaged or edited
// cursors and a cursor reused with other filters. It is not a secret
// signature — and need not be: data scopes are enforced on every row, so a
// forged cursor can only skip rows the caller could list anyway.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dealstream::api {

// `list` names the collection and its filters canonically.
std::string EncodeListCursor(std::string_view list, uint64_t after);
// The sort key, or nullopt when the cursor is malformed, altered or was
// issued for another list.
std::optional<uint64_t> DecodeListCursor(std::string_view list, std::string_view cursor);

}  // namespace dealstream::api
