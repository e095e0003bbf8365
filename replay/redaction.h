// The redacted form of a personal-data value: the same shape, every text
// replaced by "[redacted]", other optional values dropped, required
// non-text values replaced by a neutral placeholder — so that a payload
// with redacted personal fields still decodes strictly as its event type.
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "codec/type_info.h"

namespace dealstream::replay {

inline constexpr std::string_view kRedacted = "[redacted]";

// The redacted form of `value`, a JSON value of the type `info` describes;
// nullopt when an optional value should be left out entirely.
std::optional<nlohmann::ordered_json> Redact(const codec::ValueInfo& info,
                                             const nlohmann::ordered_json& value, bool required);

}  // namespace dealstream::replay
