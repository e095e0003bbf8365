// Standard base64 (RFC 4648 §4, with padding), as CloudEvents' data_base64
// uses. Internal to the codec.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dealstream::codec {

std::string Base64Encode(std::string_view bytes);
// nullopt unless `text` is canonical padded base64 (no whitespace, no
// stray bits in the last character).
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace dealstream::codec
