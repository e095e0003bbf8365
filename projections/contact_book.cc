#include "projections/contact_book.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace dealstream::projections {

void ContactBook::Apply(const EventMeta&, const domain::ContactAggregate::Event& event) {
  if (const auto* added = std::get_if<domain::ContactAdded>(&event)) {
    customer_of_[symbols_.ids.Intern(added->contact_id.value)] =
        symbols_.ids.Intern(added->customer_id.value);
  }
}

std::optional<uint32_t> ContactBook::CustomerOf(uint32_t contact) const {
  auto it = customer_of_.find(contact);
  if (it == customer_of_.end()) return std::nullopt;
  return it->second;
}

void ContactBook::Save(BinaryWriter& w) const {
  // Sorted, so that equal books write equal bytes.
  std::vector<std::pair<uint32_t, uint32_t>> pairs(customer_of_.begin(), customer_of_.end());
  std::sort(pairs.begin(), pairs.end());
  w.U64(pairs.size());
  for (const auto& [contact, customer] : pairs) {
    w.U64(contact);
    w.U64(customer);
  }
}

Status ContactBook::Load(BinaryReader& r) {
  customer_of_.clear();
  const uint64_t n = r.Count(2);
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    const auto contact = static_cast<uint32_t>(r.U64());
    customer_of_[contact] = static_cast<uint32_t>(r.U64());
  }
  if (!r.ok()) return Status::Corruption("contact book: truncated snapshot");
  return Status::Ok();
}

}  // namespace dealstream::projections
