// StreamName: the validated name of one stream, "<category>-<id>".
//
// The category is lowercase letters, digits and '_' (1–32 characters, starting
// with a letter); the id is 1–64 characters from [A-Za-z0-9_.-]. The category
// ends at the first '-', so ids may themselves contain '-'. Stream names are
// never concatenated by hand: build them with Make() or Parse().
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "base/result.h"

namespace dealstream::eventstore {

class StreamName {
 public:
  static constexpr size_t kMaxCategoryLength = 32;
  static constexpr size_t kMaxIdLength = 64;

  // Builds "<category>-<id>"; InvalidArgument names the part that is wrong.
  static Result<StreamName> Make(std::string_view category, std::string_view id);
  // Parses and validates a full name such as "opportunity-7f3a".
  static Result<StreamName> Parse(std::string_view name);
  // As Parse, into an existing name whose buffer is reused (no allocation
  // once it is large enough): for decoding many stored events in a row.
  // On failure `*out` is unchanged.
  static Status ParseInto(std::string_view name, StreamName* out);

  // True if `id` would be accepted as the id part of a stream name.
  static bool IsValidId(std::string_view id);
  static bool IsValidCategory(std::string_view category);

  const std::string& str() const { return name_; }
  std::string_view category() const { return std::string_view(name_).substr(0, dash_); }
  std::string_view id() const { return std::string_view(name_).substr(dash_ + 1); }

  auto operator<=>(const StreamName& other) const { return name_ <=> other.name_; }
  bool operator==(const StreamName& other) const { return name_ == other.name_; }

 private:
  StreamName(std::string name, size_t dash) : name_(std::move(name)), dash_(dash) {}
  std::string name_;
  size_t dash_ = 0;
};

}  // namespace dealstream::eventstore

template <>
struct std::hash<dealstream::eventstore::StreamName> {
  size_t operator()(const dealstream::eventstore::StreamName& s) const noexcept {
    return std::hash<std::string>{}(s.str());
  }
};
