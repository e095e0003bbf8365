// Field-level differences between two JSON documents (record states), for
// the step-through history: which fields an event changed, from what, to
// what.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace dealstream::replay {

// One changed field. `field` is a path like "stage", "team[1].role" or
// "personal.name"; before/after are compact JSON texts, absent when the
// field did not exist on that side.
struct FieldChange {
  std::string field;
  std::optional<std::string> before;
  std::optional<std::string> after;
  bool operator==(const FieldChange&) const = default;
};

// The changes from `before` to `after`, in the order of `after`'s members
// (members only in `before` follow). Objects are compared member by member;
// arrays element by element when their lengths match or one extends the
// other (appended entries show as "list[3]"), else as whole values, as are
// Money-shaped objects ({"amount", "currency"}).
std::vector<FieldChange> DiffJson(const nlohmann::ordered_json& before,
                                  const nlohmann::ordered_json& after);

}  // namespace dealstream::replay
