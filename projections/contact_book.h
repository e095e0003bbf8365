// ContactBook: the contacts of each customer for the customer 360 view, as
// of any instant, and each contact's customer for data scopes (a contact is
// in scope with its customer) — only the non-personal fields (title, department, whether
// they left the company). Names, phones, e-mails… are crypto-shredded
// personal data (DESIGN §5) and must not outlive their key in a snapshot;
// the contact's record route shows them while the key exists.
//
// Thread-safety: Apply / Load mutate; const methods may run concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "domain/contact/contact.h"
#include "projections/symbols.h"
#include "projections/timeline.h"

namespace dealstream::projections {

struct ContactRecord {
  uint32_t id = 0;        // Symbols::ids
  uint32_t customer = 0;  // Symbols::ids (a contact never changes customer)
  int64_t added_time = 0;
  uint64_t added_position = 0;
  Timeline<uint32_t> title;       // Symbols::names, 0 = none
  Timeline<uint32_t> department;  // Symbols::names, 0 = none
  Timeline<uint8_t> left;         // 1 once the contact left the company

  bool ExistsUnder(const Visibility& vis) const {
    return added_position != 0 && vis.Sees(added_time, added_position);
  }
};

class ContactBook {
 public:
  explicit ContactBook(Symbols& symbols) : symbols_(symbols) {}

  void Apply(const EventMeta& meta, const domain::ContactAggregate::Event& event);

  const std::vector<ContactRecord>& contacts() const { return contacts_; }
  // The customer (Symbols::ids) of an added contact, or nullopt.
  std::optional<uint32_t> CustomerOf(uint32_t contact) const;
  // Indexes into contacts() of one customer's contacts, in the order added.
  const std::vector<uint32_t>* OfCustomer(uint32_t customer) const;

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  ContactRecord& Contact(std::string_view id);
  uint32_t Name(const std::optional<std::string>& text);

  Symbols& symbols_;
  std::vector<ContactRecord> contacts_;
  std::unordered_map<uint32_t, uint32_t> index_;  // contact code -> index
  std::unordered_map<uint32_t, std::vector<uint32_t>> by_customer_;  // derived
};

}  // namespace dealstream::projections
