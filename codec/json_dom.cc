#include "codec/json_dom.h"

#include <string>
#include <utility>
#include <vector>

namespace dealstream::codec {
namespace {

// nlohmann's messages look like "[json.exception.parse_error.101] parse error
// at line 1, column 5: syntax error while parsing value - invalid literal;
// last read: 'tru'". The "last read" part can quote the offending bytes
// (invalid UTF-8 among them), so it is cut off before the message is shown.
std::string CleanParseMessage(std::string_view what) {
  if (const size_t bracket = what.find("] "); bracket != std::string_view::npos) {
    what.remove_prefix(bracket + 2);
  }
  if (const size_t colon = what.find(": "); colon != std::string_view::npos) {
    what.remove_prefix(colon + 2);
  }
  if (const size_t last = what.find("; last read"); last != std::string_view::npos) {
    what = what.substr(0, last);
  }
  return std::string(what);
}

// Builds a DOM from SAX events, refusing duplicate keys and deep nesting.
template <typename Json>
class DomBuilder {
 public:
  using number_integer_t = typename Json::number_integer_t;
  using number_unsigned_t = typename Json::number_unsigned_t;
  using number_float_t = typename Json::number_float_t;
  using string_t = typename Json::string_t;
  using binary_t = typename Json::binary_t;

  explicit DomBuilder(size_t max_depth) : max_depth_(max_depth) {}

  bool null() { return Add(Json(nullptr)); }
  bool boolean(bool v) { return Add(Json(v)); }
  bool number_integer(number_integer_t v) { return Add(Json(v)); }
  bool number_unsigned(number_unsigned_t v) { return Add(Json(v)); }
  bool number_float(number_float_t v, const string_t&) { return Add(Json(v)); }
  bool string(string_t& v) { return Add(Json(std::move(v))); }
  bool binary(binary_t& v) { return Add(Json::binary(std::move(v))); }

  bool start_object(size_t) { return Open(Json::object()); }
  bool start_array(size_t) { return Open(Json::array()); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }

  bool key(string_t& k) {
    if (stack_.back()->contains(k)) {
      error_ = "the JSON has a duplicate object key '" + k + "'";
      return false;
    }
    key_ = std::move(k);
    return true;
  }

  bool parse_error(size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    error_ = "the JSON is not valid at byte " + std::to_string(position) + ": " +
             CleanParseMessage(ex.what());
    return false;
  }

  Json& root() { return root_; }
  const std::string& error() const { return error_; }

 private:
  // Places `v` in the current container (or as the root); returns it.
  Json* Place(Json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    Json& slot = top[key_];
    slot = std::move(v);
    return &slot;
  }
  bool Add(Json v) {
    Place(std::move(v));
    return true;
  }
  bool Open(Json container) {
    if (stack_.size() >= max_depth_) {
      error_ = "the JSON nests deeper than " + std::to_string(max_depth_) + " levels";
      return false;
    }
    stack_.push_back(Place(std::move(container)));
    return true;
  }
  bool Close() {
    stack_.pop_back();
    return true;
  }

  size_t max_depth_;
  Json root_;
  std::vector<Json*> stack_;
  string_t key_;
  std::string error_;
};

template <typename Json>
Result<Json, FieldError> Parse(std::string_view text, const JsonLimits& limits) {
  DomBuilder<Json> builder(limits.max_depth);
  bool ok = false;
  try {
    ok = Json::sax_parse(text, &builder, nlohmann::detail::input_format_t::json,
                         /*strict=*/true, /*ignore_comments=*/false);
  } catch (const std::exception& e) {
    // sax_parse reports through parse_error; this is allocation failure and
    // the like, still an answer rather than a crash.
    return Unexpected(FieldError{"", std::string("the JSON could not be parsed: ") + e.what()});
  }
  if (!ok) {
    std::string message = builder.error().empty() ? "the JSON is not valid" : builder.error();
    return Unexpected(FieldError{"", std::move(message)});
  }
  return std::move(builder.root());
}

}  // namespace

Result<nlohmann::json, FieldError> ParseJsonDom(std::string_view text, const JsonLimits& limits) {
  return Parse<nlohmann::json>(text, limits);
}

Result<nlohmann::ordered_json, FieldError> ParseOrderedJsonDom(std::string_view text,
                                                               const JsonLimits& limits) {
  return Parse<nlohmann::ordered_json>(text, limits);
}

}  // namespace dealstream::codec
