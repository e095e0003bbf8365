// CustomerBook: each customer's attributes that read models filter,
// group or display by — region, industry, owner, department, lifecycle
// state and archive / merge status — each a Timeline, so all of them are
// answered as of any instant.
//
// Thread-safety: Apply / Load mutate; const methods may run concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/customer/customer.h"
#include "projections/symbols.h"
#include "projections/timeline.h"

namespace dealstream::projections {

enum class CustomerStatus : uint8_t { kActive = 0, kArchived = 1, kMerged = 2 };

struct CustomerRecord {
  uint32_t id = 0;                  // Symbols::ids
  std::string name;                 // current name
  int64_t registered_time = 0;      // business time of registration
  uint64_t registered_position = 0;
  Timeline<uint32_t> region;        // Symbols::names, 0 = none
  Timeline<uint32_t> industry;      // Symbols::names, 0 = none
  Timeline<uint32_t> owner;         // Symbols::ids
  Timeline<uint32_t> department;    // Symbols::ids
  Timeline<uint8_t> lifecycle;      // domain::Lifecycle
  Timeline<uint8_t> status;         // CustomerStatus
  uint32_t survivor = 0;            // merged into (Symbols::ids), 0 = none

  // True if the customer was registered under `vis`.
  bool ExistsUnder(const Visibility& vis) const {
    return vis.Sees(registered_time, registered_position) && registered_position != 0;
  }
};

class CustomerBook {
 public:
  explicit CustomerBook(Symbols& symbols) : symbols_(symbols) {}

  void Apply(const EventMeta& meta, const domain::CustomerAggregate::Event& event);

  const CustomerRecord* Find(uint32_t id) const;
  const std::vector<CustomerRecord>& customers() const { return customers_; }
  // The customer's region under `vis` (Symbols::names code, 0 = none).
  uint32_t RegionOf(uint32_t customer, const Visibility& vis) const;

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  CustomerRecord& Customer(std::string_view id);
  uint32_t Name(const std::optional<std::string>& text);

  Symbols& symbols_;
  std::vector<CustomerRecord> customers_;
  std::unordered_map<uint32_t, uint32_t> index_;
};

}  // namespace dealstream::projections
