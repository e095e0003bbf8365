// DecodeJsonFast: the strict decoder over simdjson's DOM, for replaying
// stored events at projection-rebuild speed (DESIGN §8 P4).
#include <simdjson.h>

#include "codec/internal/decoder.h"
#include "codec/internal/simdjson_view.h"
#include "codec/json_codec.h"

namespace dealstream::codec {
namespace {

// One parser per thread: simdjson parsers reuse their buffers across
// documents, which is where most of their speed comes from.
simdjson::dom::parser& ThreadParser(size_t max_depth) {
  thread_local simdjson::dom::parser parser;
  if (parser.max_depth() != max_depth) {
    // Fails only when out of memory; parse() then reports MEMALLOC.
    if (parser.allocate(std::max<size_t>(parser.capacity(), 4096), max_depth)) return parser;
  }
  return parser;
}

std::string ParseFailure(simdjson::error_code code, size_t max_depth) {
  switch (code) {
    case simdjson::DEPTH_ERROR:
      return "the JSON nests deeper than " + std::to_string(max_depth) + " levels";
    case simdjson::UTF8_ERROR: return "the JSON is not valid UTF-8";
    case simdjson::NUMBER_ERROR: return "the JSON has a number that is not a 64-bit integer or is malformed";
    default: return std::string("the JSON is not valid: ") + simdjson::error_message(code);
  }
}

}  // namespace

std::optional<FieldError> DecodeJsonFast(std::string_view text, const StructInfo& info, void* out,
                                         const DecodeOptions& options) {
  simdjson::dom::element root;
  const auto code = ThreadParser(options.max_depth).parse(text.data(), text.size()).get(root);
  if (code != simdjson::SUCCESS) {
    return FieldError{"", ParseFailure(code, options.max_depth)};
  }
  internal::Decoder<internal::SimdjsonView> decoder(options);
  if (!decoder.Root(info, internal::SimdjsonView(root), out)) return std::move(decoder.error());
  return std::nullopt;
}

}  // namespace dealstream::codec
