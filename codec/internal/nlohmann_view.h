// A read-only view of an nlohmann DOM value, in the interface the strict
// decoder (decoder.h) walks; the same interface as SimdjsonView.
// Internal to the codec.
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>

#include <nlohmann/json.hpp>

#include "codec/internal/json_type.h"

namespace dealstream::codec::internal {

class NlohmannView {
 public:
  explicit NlohmannView(const nlohmann::json& j) : j_(&j) {}

  JsonType type() const {
    switch (j_->type()) {
      case nlohmann::json::value_t::null: return JsonType::kNull;
      case nlohmann::json::value_t::boolean: return JsonType::kBool;
      case nlohmann::json::value_t::number_integer: return JsonType::kInteger;
      case nlohmann::json::value_t::number_unsigned:
        return j_->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())
                   ? JsonType::kBigInteger
                   : JsonType::kInteger;
      case nlohmann::json::value_t::string: return JsonType::kString;
      case nlohmann::json::value_t::array: return JsonType::kArray;
      case nlohmann::json::value_t::object: return JsonType::kObject;
      default: return JsonType::kNumber;  // float, binary (never from text) and discarded
    }
  }
  // Preconditions: the matching type().
  std::string_view String() const { return j_->get_ref<const std::string&>(); }
  bool Bool() const { return j_->get<bool>(); }
  int64_t Int() const { return j_->get<int64_t>(); }
  // fn(std::string_view key, NlohmannView value) -> bool (false stops).
  template <typename Fn>
  bool ForEachMember(Fn&& fn) const {
    for (const auto& [key, value] : j_->items()) {
      if (!fn(std::string_view(key), NlohmannView(value))) return false;
    }
    return true;
  }
  // fn(size_t index, NlohmannView value) -> bool (false stops).
  template <typename Fn>
  bool ForEachElement(Fn&& fn) const {
    size_t i = 0;
    for (const auto& value : *j_) {
      if (!fn(i++, NlohmannView(value))) return false;
    }
    return true;
  }

 private:
  const nlohmann::json* j_;
};

}  // namespace dealstream::codec::internal
