// ContractBook: contracts and their execution — status, total, the
// instalment plan (each revision kept), invoices issued and payments
// received, the delivery plan with the batches shipped and accepted, and
// the products of the lines — for the contract execution and receivables
// read model, as of any instant: every fact keeps its
// business time and position, and the value in force is that of the
// visible fact with the highest position (time_travel.h).
//
// Thread-safety: Apply / Load mutate; const methods may run concurrently.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "domain/contract/contract.h"
#include "projections/symbols.h"
#include "projections/timeline.h"

namespace dealstream::projections {

struct InstalmentFact {
  uint32_t id = 0;      // Symbols::ids (unique within the contract)
  int32_t due_day = 0;  // epoch day
  int64_t amount = 0;   // minor units
};

// One version of the instalment plan (an empty plan clears the schedule).
struct PlanVersion {
  int64_t time = 0;
  uint64_t position = 0;
  std::vector<InstalmentFact> instalments;
};

// One version of the contract's line products.
struct LinesVersion {
  int64_t time = 0;
  uint64_t position = 0;
  std::vector<uint32_t> products;  // Symbols::ids
};

// One version of the delivery plan: its batches and their due days.
struct DeliveryFact {
  uint32_t id = 0;      // Symbols::ids (unique within the contract)
  int32_t due_day = 0;  // epoch day
};
struct DeliveryPlanVersion {
  int64_t time = 0;
  uint64_t position = 0;
  std::vector<DeliveryFact> batches;
};

// A delivery batch shipped or accepted.
struct DeliveryEntry {
  int64_t time = 0;
  uint64_t position = 0;
  uint32_t batch = 0;  // Symbols::ids
  int32_t day = 0;     // shipped / accepted on, epoch day
};

// An invoice issued or a payment received.
struct ExecutionEntry {
  int64_t time = 0;
  uint64_t position = 0;
  int64_t amount = 0;       // minor units
  uint32_t instalment = 0;  // Symbols::ids, 0 = not against an instalment
  int32_t day = 0;          // issued / received on, epoch day
};

struct ContractRecord {
  uint32_t id = 0;           // Symbols::ids
  uint32_t customer = 0;     // Symbols::ids
  uint32_t owner = 0;        // Symbols::ids
  uint32_t department = 0;   // Symbols::ids, 0 = none
  uint32_t currency = 0;     // Symbols::names
  int64_t drafted_time = 0;  // the contract exists from its drafting on
  uint64_t drafted_position = 0;
  Timeline<uint8_t> status;  // domain::ContractStatus
  Timeline<int64_t> total;   // minor units
  Timeline<int32_t> signed_day;
  std::vector<PlanVersion> plans;  // position order
  std::vector<LinesVersion> lines;  // position order
  std::vector<ExecutionEntry> invoices, payments;  // position order
  std::vector<DeliveryPlanVersion> deliveries;     // position order
  std::vector<DeliveryEntry> shipped, accepted;    // position order

  bool ExistsUnder(const Visibility& vis) const {
    return drafted_position != 0 && vis.Sees(drafted_time, drafted_position);
  }
};

class ContractBook {
 public:
  explicit ContractBook(Symbols& symbols) : symbols_(symbols) {}

  void Apply(const EventMeta& meta, const domain::ContractAggregate::Event& event);

  const std::vector<ContractRecord>& contracts() const { return contracts_; }
  // The contract with this id code (Symbols::ids), or nullptr.
  const ContractRecord* Find(uint32_t id) const;

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  ContractRecord& Contract(std::string_view id);
  void SetLines(const EventMeta& meta, ContractRecord& c,
                const std::vector<domain::ContractLine>& lines);

  Symbols& symbols_;
  std::vector<ContractRecord> contracts_;
  std::unordered_map<uint32_t, uint32_t> index_;
};

}  // namespace dealstream::projections
