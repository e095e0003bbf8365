#include "projections/interner.h"

#include <functional>

#include "projections/binary_io.h"

namespace dealstream::projections {

Interner::Interner() : offsets_{0, 0} { Rehash(16); }

size_t Interner::Bucket(std::string_view s) const {
  return std::hash<std::string_view>()(s) & (table_.size() - 1);
}

void Interner::Rehash(size_t buckets) {
  table_.assign(buckets, 0);
  for (uint32_t code = 1; code < size(); ++code) {
    size_t b = Bucket(Get(code));
    while (table_[b] != 0) b = (b + 1) & (table_.size() - 1);
    table_[b] = code + 1;
  }
}

std::optional<uint32_t> Interner::Find(std::string_view s) const {
  if (s.empty()) return 0;
  for (size_t b = Bucket(s);; b = (b + 1) & (table_.size() - 1)) {
    const uint32_t slot = table_[b];
    if (slot == 0) return std::nullopt;
    if (Get(slot - 1) == s) return slot - 1;
  }
}

uint32_t Interner::Intern(std::string_view s) {
  if (s.empty()) return 0;
  size_t b = Bucket(s);
  for (;; b = (b + 1) & (table_.size() - 1)) {
    const uint32_t slot = table_[b];
    if (slot == 0) break;
    if (Get(slot - 1) == s) return slot - 1;
  }
  const uint32_t code = size();
  arena_.append(s);
  offsets_.push_back(arena_.size());
  table_[b] = code + 1;
  if (2 * static_cast<size_t>(size()) > table_.size()) Rehash(table_.size() * 2);
  return code;
}

void Interner::Save(BinaryWriter& w) const {
  w.Str(arena_);
  w.Pods(offsets_);
}

Status Interner::Load(BinaryReader& r) {
  arena_ = r.Str();
  r.Pods(&offsets_);
  if (!r.ok() || offsets_.size() < 2 || offsets_[0] != 0 || offsets_[1] != 0 ||
      offsets_.back() != arena_.size()) {
    return Status::Corruption("interned strings are malformed");
  }
  for (size_t i = 1; i < offsets_.size(); ++i) {
    if (offsets_[i] < offsets_[i - 1]) return Status::Corruption("interned strings are malformed");
  }
  size_t buckets = 16;
  while (buckets < 2 * static_cast<size_t>(size())) buckets *= 2;
  Rehash(buckets);
  return Status::Ok();
}

}  // namespace dealstream::projections
