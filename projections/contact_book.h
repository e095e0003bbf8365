// ContactBook: which customer each contact belongs to, so that a contact
// is in a caller's data scope exactly when its customer is (DESIGN §6).
// A contact who left (job change) still belongs to the customer it was
// recorded under; no personal field is kept here.
//
// Thread-safety: Apply / Load mutate; const methods may run concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>

#include "domain/contact/contact.h"
#include "projections/binary_io.h"
#include "projections/symbols.h"

namespace dealstream::projections {

class ContactBook {
 public:
  explicit ContactBook(Symbols& symbols) : symbols_(symbols) {}

  void Apply(const EventMeta& meta, const domain::ContactAggregate::Event& event);

  // The contact's customer (Symbols::ids), or nullopt for an unknown contact.
  std::optional<uint32_t> CustomerOf(uint32_t contact) const;
  size_t size() const { return customer_of_.size(); }

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  Symbols& symbols_;
  std::unordered_map<uint32_t, uint32_t> customer_of_;  // contact -> customer
};

}  // namespace dealstream::projections
