// A map-backed ScopeResolver for tests.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "api/scope_resolver.h"

namespace dealstream::api::testing {

class FakeScopeResolver final : public ScopeResolver {
 public:
  void SetOwnership(const std::string& category, const std::string& id, Ownership ownership) {
    std::lock_guard lock(mu_);
    records_[category + "-" + id] = std::move(ownership);
  }
  void SetEmployee(const std::string& employee_id, const std::string& department_id) {
    std::lock_guard lock(mu_);
    employees_[employee_id] = department_id;
  }
  void SetParent(const std::string& department_id, const std::string& parent_id) {
    std::lock_guard lock(mu_);
    parents_[department_id] = parent_id;
  }

  std::optional<Ownership> OwnershipOf(std::string_view category,
                                       std::string_view id) const override {
    std::lock_guard lock(mu_);
    auto it = records_.find(std::string(category) + "-" + std::string(id));
    if (it == records_.end()) return std::nullopt;
    return it->second;
  }
  std::optional<std::string> DepartmentOf(std::string_view employee_id) const override {
    std::lock_guard lock(mu_);
    auto it = employees_.find(std::string(employee_id));
    if (it == employees_.end()) return std::nullopt;
    return it->second;
  }
  bool IsWithinDepartment(std::string_view department, std::string_view ancestor) const override {
    std::lock_guard lock(mu_);
    std::string current(department);
    for (int depth = 0; depth < 64; ++depth) {
      if (current == ancestor) return true;
      auto it = parents_.find(current);
      if (it == parents_.end()) return false;
      current = it->second;
    }
    return false;
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, Ownership> records_;
  std::map<std::string, std::string> employees_;
  std::map<std::string, std::string> parents_;
};

}  // namespace dealstream::api::testing
