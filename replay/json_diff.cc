#include "replay/json_diff.h"

namespace dealstream::replay {
namespace {

using nlohmann::ordered_json;

bool IsMoney(const ordered_json& v) {
  return v.is_object() && v.size() == 2 && v.contains("amount") && v.contains("currency");
}

std::string Join(const std::string& prefix, const std::string& member) {
  return prefix.empty() ? member : prefix + "." + member;
}

void Diff(const std::string& path, const ordered_json* before, const ordered_json* after,
          std::vector<FieldChange>& out) {
  if (before && after && *before == *after) return;
  if (before && after && before->is_object() && after->is_object() && !IsMoney(*before) &&
      !IsMoney(*after)) {
    for (const auto& [key, value] : after->items()) {
      auto it = before->find(key);
      Diff(Join(path, key), it == before->end() ? nullptr : &*it, &value, out);
    }
    for (const auto& [key, value] : before->items()) {
      if (!after->contains(key)) Diff(Join(path, key), &value, nullptr, out);
    }
    return;
  }
  if (before && after && before->is_array() && after->is_array() && !path.empty()) {
    // Element by element when the lengths match or one array extends the
    // other (the usual case: an entry appended to a list).
    const ordered_json& shorter = before->size() <= after->size() ? *before : *after;
    const ordered_json& longer = before->size() <= after->size() ? *after : *before;
    bool prefix = true;
    for (size_t i = 0; i < shorter.size() && prefix; ++i) prefix = shorter[i] == longer[i];
    if (before->size() == after->size() || prefix) {
      for (size_t i = 0; i < longer.size(); ++i) {
        Diff(path + "[" + std::to_string(i) + "]", i < before->size() ? &(*before)[i] : nullptr,
             i < after->size() ? &(*after)[i] : nullptr, out);
      }
      return;
    }
  }
  FieldChange change{path, std::nullopt, std::nullopt};
  if (before) change.before = before->dump();
  if (after) change.after = after->dump();
  out.push_back(std::move(change));
}

}  // namespace

std::vector<FieldChange> DiffJson(const ordered_json& before, const ordered_json& after) {
  std::vector<FieldChange> out;
  Diff("", &before, &after, out);
  return out;
}

}  // namespace dealstream::replay
