// Before/after pairs for "profile updated" events. An update event lists
// only the fields that changed, each as a change with the value now in
// force and the value it replaced; a field absent from the event did not
// change. `value` absent means the field was cleared; `previous` absent
// means it had no value before.
#pragma once

#include <optional>
#include <string>
#include <tuple>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

struct TextChange {
  std::optional<std::string> value;
  std::optional<std::string> previous;
  bool operator==(const TextChange&) const = default;
};
constexpr auto Fields(const TextChange*) {
  using T = TextChange;
  return std::tuple{
      F("value", &T::value).MaxLength(4000).Doc("the value now in force; absent = cleared"),
      F("previous", &T::previous).MaxLength(4000).Doc("the value replaced; absent = had none")};
}

struct IdChange {
  std::optional<Id> value;
  std::optional<Id> previous;
  bool operator==(const IdChange&) const = default;
};
constexpr auto Fields(const IdChange*) {
  using T = IdChange;
  return std::tuple{F("value", &T::value).Doc("the reference now in force; absent = cleared"),
                    F("previous", &T::previous).Doc("the reference replaced; absent = had none")};
}

struct DateChange {
  std::optional<Date> value;
  std::optional<Date> previous;
  bool operator==(const DateChange&) const = default;
};
constexpr auto Fields(const DateChange*) {
  using T = DateChange;
  return std::tuple{F("value", &T::value).Doc("the date now in force; absent = cleared"),
                    F("previous", &T::previous).Doc("the date replaced; absent = had none")};
}

// A command's optional text field as stored: "" (which commands use for
// "no value") becomes absent, so events and state never hold "".
inline std::optional<std::string> NonEmpty(const std::optional<std::string>& text) {
  if (text && text->empty()) return std::nullopt;
  return text;
}

// Applies an update command's optional text field to `current`: absent
// leaves it, "" clears it, anything else sets it. Returns the change to put
// in the event, or nullopt when nothing changed.
inline std::optional<TextChange> DiffText(const std::optional<std::string>& requested,
                                          const std::optional<std::string>& current) {
  if (!requested) return std::nullopt;
  std::optional<std::string> next;
  if (!requested->empty()) next = *requested;
  if (next == current) return std::nullopt;
  return TextChange{next, current};
}

// Applies a change from an event to the state field it describes.
inline void ApplyChange(const std::optional<TextChange>& change,
                        std::optional<std::string>& field) {
  if (change) field = change->value;
}

}  // namespace dealstream::domain
