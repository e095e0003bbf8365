// JSON text helpers around nlohmann::json that never throw: every byte
// sequence parses to a value or a discarded marker, and every value dumps,
// with invalid UTF-8 replaced (U+FFFD) rather than raised.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace dealstream::api {

// The parsed value, or a value whose is_discarded() is true for bad JSON.
nlohmann::json ParseJson(std::string_view text);
// Compact text; invalid UTF-8 in strings is replaced.
std::string DumpJson(const nlohmann::json& value);

}  // namespace dealstream::api
