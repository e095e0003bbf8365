// Locating one top-level member of a JSON object in its text, so that the
// vault can replace exactly the bytes of a payload's personal fields and
// keep every other byte as stored.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace dealstream::replay {

struct ValueSpan {
  size_t begin = 0;  // first byte of the value
  size_t end = 0;    // one past its last byte
};

// The span of the value of top-level member `name` of the JSON object
// `json`; nullopt when `json` is not a well-formed object at the top level
// or has no such member. Keys are compared as written (a key spelled with
// escapes does not match). Never reads out of bounds; recursion-free.
std::optional<ValueSpan> FindTopLevelMember(std::string_view json, std::string_view name);

}  // namespace dealstream::replay
