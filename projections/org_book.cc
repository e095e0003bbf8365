#include "projections/org_book.h"

#include <algorithm>

#include "projections/overloaded.h"

namespace dealstream::projections {
namespace {

// Deepest department nesting followed; a deeper chain (impossible for a
// tree the domain validates) is treated as a cycle and cut.
constexpr int kMaxDepth = 64;

template <typename Record>
Record& Upsert(std::vector<Record>& records, std::unordered_map<uint32_t, uint32_t>& index,
               uint32_t code) {
  auto [it, inserted] = index.emplace(code, static_cast<uint32_t>(records.size()));
  if (inserted) {
    records.emplace_back();
    records.back().id = code;
  }
  return records[it->second];
}

template <typename Record>
const Record* Lookup(const std::vector<Record>& records,
                     const std::unordered_map<uint32_t, uint32_t>& index, uint32_t code) {
  auto it = index.find(code);
  return it == index.end() ? nullptr : &records[it->second];
}

template <typename Record>
void Reindex(const std::vector<Record>& records, std::unordered_map<uint32_t, uint32_t>& index) {
  index.clear();
  for (uint32_t i = 0; i < records.size(); ++i) index.emplace(records[i].id, i);
}

}  // namespace

DepartmentRecord& OrgBook::Department(std::string_view id) {
  return Upsert(departments_, department_index_, symbols_.ids.Intern(id));
}
EmployeeRecord& OrgBook::Employee(std::string_view id) {
  return Upsert(employees_, employee_index_, symbols_.ids.Intern(id));
}
TargetRecord& OrgBook::Target(std::string_view id) {
  return Upsert(targets_, target_index_, symbols_.ids.Intern(id));
}

const DepartmentRecord* OrgBook::FindDepartment(uint32_t id) const {
  return Lookup(departments_, department_index_, id);
}
const EmployeeRecord* OrgBook::FindEmployee(uint32_t id) const {
  return Lookup(employees_, employee_index_, id);
}

void OrgBook::Apply(const EventMeta& m, const domain::DepartmentAggregate::Event& event) {
  auto parent_code = [&](const std::optional<domain::Id>& p) {
    return p ? symbols_.ids.Intern(p->value) : 0u;
  };
  std::visit(Overloaded{
                 [&](const domain::DepartmentCreated& e) {
                   DepartmentRecord& d = Department(e.department_id.value);
                   d.name = e.name;
                   d.parent.Set(m, parent_code(e.parent_id));
                   d.active.Set(m, 1);
                 },
                 [&](const domain::DepartmentRenamed& e) {
                   Department(e.department_id.value).name = e.name;
                 },
                 [&](const domain::DepartmentMoved& e) {
                   Department(e.department_id.value).parent.Set(m, parent_code(e.parent_id));
                 },
                 [&](const domain::DepartmentManagerAssigned& e) {
                   Department(e.department_id.value)
                       .manager.Set(m, symbols_.ids.Intern(e.manager_id.value));
                 },
                 [&](const domain::DepartmentClosed& e) {
                   Department(e.department_id.value).active.Set(m, 0);
                 },
             },
             event);
}

void OrgBook::Apply(const EventMeta& m, const domain::EmployeeAggregate::Event& event) {
  std::visit(Overloaded{
                 [&](const domain::EmployeeHired& e) {
                   EmployeeRecord& r = Employee(e.employee_id.value);
                   r.name = e.name;
                   r.department.Set(m, symbols_.ids.Intern(e.department_id.value));
                   r.active.Set(m, 1);
                   r.role.Set(m, static_cast<uint8_t>(e.role));
                   r.manager = e.manager_id ? symbols_.ids.Intern(e.manager_id->value) : 0;
                 },
                 [&](const domain::EmployeeTransferred& e) {
                   EmployeeRecord& r = Employee(e.employee_id.value);
                   r.department.Set(m, symbols_.ids.Intern(e.department_id.value));
                   r.manager = e.manager_id ? symbols_.ids.Intern(e.manager_id->value) : 0;
                 },
                 [&](const domain::EmployeeRoleChanged& e) {
                   Employee(e.employee_id.value).role.Set(m, static_cast<uint8_t>(e.role));
                 },
                 [&](const domain::EmployeeLeft& e) {
                   Employee(e.employee_id.value).active.Set(m, 0);
                 },
             },
             event);
}

void OrgBook::Apply(const EventMeta& m, const domain::SalesTargetAggregate::Event& event) {
  std::visit(Overloaded{
                 [&](const domain::SalesTargetSet& e) {
                   TargetRecord& t = Target(e.sales_target_id.value);
                   t.employee = e.employee_id ? symbols_.ids.Intern(e.employee_id->value) : 0;
                   t.department =
                       e.department_id ? symbols_.ids.Intern(e.department_id->value) : 0;
                   t.months = MonthRange{MonthOfDay(static_cast<int32_t>(e.period_start.epoch_day)),
                                         MonthOfDay(static_cast<int32_t>(e.period_end.epoch_day))};
                   t.currency = symbols_.names.Intern(e.amount.currency);
                   t.amount.Set(m, e.amount.minor);
                   t.active.Set(m, 1);
                 },
                 [&](const domain::SalesTargetRevised& e) {
                   Target(e.sales_target_id.value).amount.Set(m, e.amount.minor);
                 },
                 [&](const domain::SalesTargetCancelled& e) {
                   Target(e.sales_target_id.value).active.Set(m, 0);
                 },
             },
             event);
}

bool OrgBook::IsWithin(uint32_t department, uint32_t ancestor, const Visibility& vis) const {
  uint32_t current = department;
  for (int depth = 0; depth < kMaxDepth && current != 0; ++depth) {
    if (current == ancestor) return true;
    const DepartmentRecord* d = FindDepartment(current);
    if (d == nullptr) return false;
    const uint32_t* parent = d->parent.AsOf(vis);
    if (parent == nullptr) return false;
    current = *parent;
  }
  return false;
}

std::vector<uint32_t> OrgBook::Subtree(uint32_t root, const Visibility& vis) const {
  std::vector<uint32_t> out;
  for (const DepartmentRecord& d : departments_) {
    if (d.parent.AsOf(vis) != nullptr && IsWithin(d.id, root, vis)) out.push_back(d.id);
  }
  if (std::find(out.begin(), out.end(), root) == out.end()) out.push_back(root);
  std::sort(out.begin(), out.end());
  return out;
}

uint32_t OrgBook::DepartmentOf(uint32_t employee, const Visibility& vis) const {
  const EmployeeRecord* e = FindEmployee(employee);
  if (e == nullptr) return 0;
  const uint32_t* d = e->department.AsOf(vis);
  return d == nullptr ? 0 : *d;
}

void OrgBook::Save(BinaryWriter& w) const {
  w.U64(departments_.size());
  for (const DepartmentRecord& d : departments_) {
    w.U64(d.id);
    w.Str(d.name);
    d.parent.Save(w);
    d.active.Save(w);
    d.manager.Save(w);
  }
  w.U64(employees_.size());
  for (const EmployeeRecord& e : employees_) {
    w.U64(e.id);
    w.Str(e.name);
    e.department.Save(w);
    e.active.Save(w);
    e.role.Save(w);
    w.U64(e.manager);
  }
  w.U64(targets_.size());
  for (const TargetRecord& t : targets_) {
    w.U64(t.id);
    w.U64(t.employee);
    w.U64(t.department);
    w.I64(t.months.first);
    w.I64(t.months.last);
    w.U64(t.currency);
    t.amount.Save(w);
    t.active.Save(w);
  }
}

Status OrgBook::Load(BinaryReader& r) {
  departments_.resize(r.Count());
  for (DepartmentRecord& d : departments_) {
    d.id = static_cast<uint32_t>(r.U64());
    d.name = r.Str();
    d.parent.Load(r);
    d.active.Load(r);
    d.manager.Load(r);
  }
  employees_.resize(r.Count());
  for (EmployeeRecord& e : employees_) {
    e.id = static_cast<uint32_t>(r.U64());
    e.name = r.Str();
    e.department.Load(r);
    e.active.Load(r);
    e.role.Load(r);
    e.manager = static_cast<uint32_t>(r.U64());
  }
  targets_.resize(r.Count());
  for (TargetRecord& t : targets_) {
    t.id = static_cast<uint32_t>(r.U64());
    t.employee = static_cast<uint32_t>(r.U64());
    t.department = static_cast<uint32_t>(r.U64());
    t.months.first = static_cast<int32_t>(r.I64());
    t.months.last = static_cast<int32_t>(r.I64());
    t.currency = static_cast<uint32_t>(r.U64());
    t.amount.Load(r);
    t.active.Load(r);
  }
  if (!r.ok()) return Status::Corruption("organisation book is malformed");
  Reindex(departments_, department_index_);
  Reindex(employees_, employee_index_);
  Reindex(targets_, target_index_);
  return Status::Ok();
}

}  // namespace dealstream::projections
