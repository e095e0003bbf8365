// A read-only view of a simdjson DOM element, in the interface the strict
// decoder (decoder.h) walks; the same interface as NlohmannView.
// Internal to the codec.
#pragma once

#include <cstdint>
#include <string_view>

#include <simdjson.h>

#include "codec/internal/json_type.h"

namespace dealstream::codec::internal {

class SimdjsonView {
 public:
  explicit SimdjsonView(simdjson::dom::element e) : e_(e) {}

  JsonType type() const {
    switch (e_.type()) {
      case simdjson::dom::element_type::NULL_VALUE: return JsonType::kNull;
      case simdjson::dom::element_type::BOOL: return JsonType::kBool;
      case simdjson::dom::element_type::INT64: return JsonType::kInteger;
      case simdjson::dom::element_type::UINT64: return JsonType::kBigInteger;
      case simdjson::dom::element_type::STRING: return JsonType::kString;
      case simdjson::dom::element_type::ARRAY: return JsonType::kArray;
      case simdjson::dom::element_type::OBJECT: return JsonType::kObject;
      default: return JsonType::kNumber;
    }
  }
  // Preconditions: the matching type(); a mismatch yields an empty value.
  std::string_view String() const {
    std::string_view s;
    return e_.get(s) == simdjson::SUCCESS ? s : std::string_view();
  }
  bool Bool() const {
    bool b = false;
    return e_.get(b) == simdjson::SUCCESS && b;
  }
  int64_t Int() const {
    int64_t n = 0;
    return e_.get(n) == simdjson::SUCCESS ? n : 0;
  }
  template <typename Fn>
  bool ForEachMember(Fn&& fn) const {
    simdjson::dom::object object;
    if (e_.get(object) != simdjson::SUCCESS) return true;
    for (simdjson::dom::key_value_pair kv : object) {
      if (!fn(kv.key, SimdjsonView(kv.value))) return false;
    }
    return true;
  }
  template <typename Fn>
  bool ForEachElement(Fn&& fn) const {
    simdjson::dom::array array;
    if (e_.get(array) != simdjson::SUCCESS) return true;
    size_t i = 0;
    for (simdjson::dom::element value : array) {
      if (!fn(i++, SimdjsonView(value))) return false;
    }
    return true;
  }

 private:
  simdjson::dom::element e_;
};

}  // namespace dealstream::codec::internal
