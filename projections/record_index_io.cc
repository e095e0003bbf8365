// RecordIndex snapshots: every row and decision tree, written field by
// field with BinaryWriter.
#include "projections/record_index.h"

#include <algorithm>

namespace dealstream::projections {
namespace {

void SaveRow(BinaryWriter& w, const ListRow& r) {
  w.Str(r.id);
  w.U64(r.created_position);
  w.I64(r.created_time);
  w.U64(r.updated_position);
  w.I64(r.updated_time);
  w.U64(r.events);
  for (const std::string* s : {&r.name, &r.owner_id, &r.department_id, &r.customer_id,
                               &r.opportunity_id, &r.state, &r.stage, &r.currency}) {
    w.Str(*s);
  }
  w.I64(r.amount_minor);
  w.Bool(r.day.has_value());
  w.I64(r.day.value_or(0));
  w.Strs(r.team);
  w.U64(r.attrs.size());
  for (const auto& [key, value] : r.attrs) {
    w.Str(key);
    w.Str(value);
  }
}

void LoadRow(BinaryReader& r, ListRow& row) {
  row.id = r.Str();
  row.created_position = r.U64();
  row.created_time = r.I64();
  row.updated_position = r.U64();
  row.updated_time = r.I64();
  row.events = r.U64();
  for (std::string* s : {&row.name, &row.owner_id, &row.department_id, &row.customer_id,
                         &row.opportunity_id, &row.state, &row.stage, &row.currency}) {
    *s = r.Str();
  }
  row.amount_minor = r.I64();
  const bool has_day = r.Bool();
  const int64_t day = r.I64();
  if (has_day) row.day = day;
  r.Strs(&row.team);
  const uint64_t attrs = r.Count(2);
  for (uint64_t i = 0; i < attrs && r.ok(); ++i) {
    std::string key = r.Str();
    row.attrs.emplace_back(std::move(key), r.Str());
  }
}

void SaveMember(BinaryWriter& w, const TreeMember& m) {
  w.Str(m.contact_id);
  w.Str(m.role);
  w.I64(m.influence);
  w.Str(m.stance);
  w.Str(m.reports_to);
  w.Bool(m.active);
  w.U64(m.stances.size());
  for (const TreeMember::StanceStep& s : m.stances) {
    w.I64(s.time);
    w.U64(s.position);
    w.Str(s.stance);
  }
}

void LoadMember(BinaryReader& r, TreeMember& m) {
  m.contact_id = r.Str();
  m.role = r.Str();
  m.influence = static_cast<int32_t>(r.I64());
  m.stance = r.Str();
  m.reports_to = r.Str();
  m.active = r.Bool();
  const uint64_t steps = r.Count(3);
  for (uint64_t i = 0; i < steps && r.ok(); ++i) {
    TreeMember::StanceStep& s = m.stances.emplace_back();
    s.time = r.I64();
    s.position = r.U64();
    s.stance = r.Str();
  }
}

}  // namespace

void RecordIndex::Save(BinaryWriter& w) const {
  for (const Table& t : tables_) {
    w.U64(t.rows.size());
    for (const ListRow& row : t.rows) SaveRow(w, row);
  }
  // In key order, so that equal indexes write equal bytes.
  std::vector<const std::pair<const std::string, DecisionTree>*> trees;
  for (const auto& entry : trees_) trees.push_back(&entry);
  std::sort(trees.begin(), trees.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  w.U64(trees.size());
  for (const auto* entry : trees) {
    const auto& [key, tree] = *entry;
    w.Str(key);
    w.Str(tree.customer_id);
    w.U64(tree.members.size());
    for (const TreeMember& m : tree.members) SaveMember(w, m);
  }
}

Status RecordIndex::Load(BinaryReader& r) {
  RecordIndex fresh;
  for (Table& t : fresh.tables_) {
    const uint64_t rows = r.Count(16);
    t.rows.reserve(rows);
    t.by_id.reserve(rows);
    for (uint64_t i = 0; i < rows && r.ok(); ++i) {
      ListRow& row = t.rows.emplace_back();
      LoadRow(r, row);
      t.by_id.emplace(row.id, static_cast<uint32_t>(i));
    }
  }
  const uint64_t trees = r.Count(3);
  for (uint64_t i = 0; i < trees && r.ok(); ++i) {
    std::string key = r.Str();
    DecisionTree& tree = fresh.trees_[key];
    tree.customer_id = r.Str();
    const uint64_t members = r.Count(6);
    for (uint64_t j = 0; j < members && r.ok(); ++j) {
      LoadMember(r, tree.members.emplace_back());
      fresh.contact_trees_[tree.members.back().contact_id].push_back(key);
    }
  }
  if (!r.ok()) return Status::Corruption("record index snapshot is truncated or malformed");
  *this = std::move(fresh);
  return Status::Ok();
}

}  // namespace dealstream::projections
