// KeyedIndex: records grouped by one key each (e.g. opportunities by owner),
// where a record's key can change or disappear. Not thread-safe.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace dealstream::commands {

class KeyedIndex {
 public:
  // Files `record` under `key`, or removes it when `key` is empty.
  void Set(const std::string& record, const std::optional<std::string>& key) {
    auto it = key_of_.find(record);
    if (it != key_of_.end()) {
      if (key && it->second == *key) return;
      auto group = records_.find(it->second);
      group->second.erase(record);
      if (group->second.empty()) records_.erase(group);
      key_of_.erase(it);
    }
    if (!key) return;
    key_of_.emplace(record, *key);
    records_[*key].insert(record);
  }

  std::vector<std::string> RecordsOf(const std::string& key) const {
    auto it = records_.find(key);
    if (it == records_.end()) return {};
    return {it->second.begin(), it->second.end()};
  }

  std::optional<std::string> AnyRecordOf(const std::string& key) const {
    auto it = records_.find(key);
    if (it == records_.end() || it->second.empty()) return std::nullopt;
    return *it->second.begin();
  }

 private:
  std::unordered_map<std::string, std::string> key_of_;
  std::unordered_map<std::string, std::set<std::string>> records_;
};

}  // namespace dealstream::commands
