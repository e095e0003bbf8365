// OrgBook: departments (a tree that can be reshaped), employees (who
// belong to a department that can change), and sales targets — each
// attribute a Timeline, so that department subtrees, an employee's
// department and targets are all answered as of any instant.
//
// Thread-safety: Apply / Load mutate; const methods may run concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/organisation/department.h"
#include "domain/organisation/employee.h"
#include "domain/organisation/sales_target.h"
#include "projections/calendar.h"
#include "projections/symbols.h"
#include "projections/timeline.h"

namespace dealstream::projections {

struct DepartmentRecord {
  uint32_t id = 0;              // Symbols::ids
  std::string name;             // current name
  Timeline<uint32_t> parent;    // 0 = a root
  Timeline<uint8_t> active;     // 1 from creation, 0 once closed
  Timeline<uint32_t> manager;   // employee id code, 0 = none
};

struct EmployeeRecord {
  uint32_t id = 0;              // Symbols::ids
  std::string name;
  Timeline<uint32_t> department;
  Timeline<uint8_t> active;     // 1 from hiring, 0 once left
  Timeline<uint8_t> role;       // domain::EmployeeRole
  uint32_t manager = 0;         // current manager id code, 0 = none
};

struct TargetRecord {
  uint32_t id = 0;
  uint32_t employee = 0;    // exactly one of employee / department is set
  uint32_t department = 0;
  MonthRange months;        // the target's period
  uint32_t currency = 0;    // Symbols::names
  Timeline<int64_t> amount; // minor units
  Timeline<uint8_t> active; // 1 from set, 0 once cancelled
};

class OrgBook {
 public:
  explicit OrgBook(Symbols& symbols) : symbols_(symbols) {}

  void Apply(const EventMeta& meta, const domain::DepartmentAggregate::Event& event);
  void Apply(const EventMeta& meta, const domain::EmployeeAggregate::Event& event);
  void Apply(const EventMeta& meta, const domain::SalesTargetAggregate::Event& event);

  const DepartmentRecord* FindDepartment(uint32_t id) const;
  const EmployeeRecord* FindEmployee(uint32_t id) const;
  const std::vector<DepartmentRecord>& departments() const { return departments_; }
  const std::vector<EmployeeRecord>& employees() const { return employees_; }
  const std::vector<TargetRecord>& targets() const { return targets_; }

  // Codes of `root` and of every department below it under `vis`, sorted.
  std::vector<uint32_t> Subtree(uint32_t root, const Visibility& vis) const;
  // True if `department` is `ancestor` or below it under `vis`.
  bool IsWithin(uint32_t department, uint32_t ancestor, const Visibility& vis) const;
  // The department of an employee under `vis` (0 when unknown).
  uint32_t DepartmentOf(uint32_t employee, const Visibility& vis) const;

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  DepartmentRecord& Department(std::string_view id);
  EmployeeRecord& Employee(std::string_view id);
  TargetRecord& Target(std::string_view id);

  Symbols& symbols_;
  std::vector<DepartmentRecord> departments_;
  std::vector<EmployeeRecord> employees_;
  std::vector<TargetRecord> targets_;
  std::unordered_map<uint32_t, uint32_t> department_index_, employee_index_, target_index_;
};

}  // namespace dealstream::projections
