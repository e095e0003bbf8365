// Small helpers that write JSON text directly, without building a DOM.
//
// The output is compact and escapes exactly as nlohmann's dump() does
// (\b \f \n \r \t \" \\, other control characters as \u00xx, everything
// else verbatim), so text written here and text re-serialised by nlohmann
// are byte-identical. That property lets CloudEvents embed payloads as JSON
// and still give back their exact bytes.
#pragma once

#include <string>
#include <string_view>

namespace dealstream::codec {

// Appends `s` as a quoted JSON string. Invalid UTF-8 sequences are written
// as U+FFFD (the replacement character): the output is always valid JSON.
void AppendJsonString(std::string* out, std::string_view s);

// True if `s` is well-formed UTF-8 (no overlongs, surrogates or values above
// U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Number of code points in `s` (JSON Schema measures string length in code
// points). Precondition: IsValidUtf8(s).
size_t CodePointCount(std::string_view s);

}  // namespace dealstream::codec
