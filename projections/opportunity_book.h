// OpportunityBook: per opportunity, a compact timeline of the attributes
// the pipeline read models need (funnel, forecast, employees, competition,
// products, customer value), plus the incrementally maintained "now" cells.
//
// Each funnel-relevant event (opened, stage changes, amount and close-date
// revisions, reassignment, won / lost / abandoned / reopened) becomes one
// 48-byte DealEntry holding the business time, the log position, the values
// the event set and a mask saying which ones it set. The state of a deal
// under a Visibility is the masked fold, in position order, of its visible
// entries (time_travel.h) — so a funnel as of any instant is one pass over
// the deals, and backdated events count exactly from their business time.
//
// The "now" view (Visibility::Now) is kept incrementally: every deal's
// current state contributes to one cell keyed by (owner, department,
// stage, status, forecast category, currency, month); each event moves the
// deal from its old cell to its new one. Read models aggregate cells, so
// the now path and the as-of path (which builds the same cells by folding)
// share one aggregation and cannot disagree.
//
// Thread-safety: Apply / Load mutate; everything const may run
// concurrently with other const calls.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

#include "domain/opportunity/opportunity_events.h"
#include "projections/binary_io.h"
#include "projections/symbols.h"
#include "projections/time_travel.h"

namespace dealstream::projections {

enum class DealStatus : uint8_t { kOpen = 0, kWon = 1, kLost = 2, kAbandoned = 3 };
std::string_view DealStatusName(DealStatus s);

// Which attributes a DealEntry sets.
namespace deal_field {
constexpr uint16_t kOpened = 1 << 0;  // the deal exists from here on
constexpr uint16_t kStage = 1 << 1;   // stage, probability, category
constexpr uint16_t kAmount = 1 << 2;  // amount and currency
constexpr uint16_t kCloseDate = 1 << 3;
constexpr uint16_t kOwner = 1 << 4;   // owner and department
constexpr uint16_t kStatus = 1 << 5;
}  // namespace deal_field

// One funnel-relevant event of a deal. Fields not in `mask` are unused.
struct DealEntry {
  int64_t time = 0;        // business time, µs
  uint64_t position = 0;   // global position
  int64_t amount = 0;      // minor units
  int32_t close_day = 0;   // expected close date, epoch day
  uint32_t owner = 0;      // Symbols::ids
  uint32_t department = 0; // Symbols::ids, 0 = none
  uint16_t currency = 0;   // index into the book's currency table
  uint16_t stage = 0;      // index into the book's stage table
  uint16_t mask = 0;
  uint8_t probability = 0;
  uint8_t category = 0;    // index into the book's category table
  uint8_t status = 0;      // DealStatus
  uint8_t reserved = 0;
  uint16_t spare = 0;  // keeps the record free of padding bytes
};
static_assert(sizeof(DealEntry) == 48);

// A deal's attributes at one instant.
struct DealState {
  bool exists = false;
  DealStatus status = DealStatus::kOpen;
  uint8_t probability = 0;
  uint8_t category = 0;
  uint16_t stage = 0;
  uint16_t currency = 0;
  int32_t close_day = 0;
  uint32_t owner = 0;
  uint32_t department = 0;
  int64_t amount = 0;
  int64_t opened_time = 0;  // business time of the opening
  int64_t status_time = 0;  // business time of the last status change
  int64_t stage_time = 0;   // business time the current stage was entered

  // Folds one entry in (in position order).
  void Apply(const DealEntry& e);
  // Month the deal counts in for period filters: the expected close month
  // while open, the month of its closing (won / lost / abandoned) after.
  int32_t PeriodMonth() const;
  bool operator==(const DealState&) const = default;
};

struct Deal {
  uint32_t id = 0;        // Symbols::ids
  uint32_t customer = 0;  // Symbols::ids
  std::vector<uint32_t> products;  // Symbols::ids, as opened
  std::vector<uint32_t> team;      // Symbols::ids, current team members (not the owner)
  std::vector<DealEntry> entries;  // position order
  DealState now;                   // fold of all entries
};

// Cells of the pipeline: deals grouped by everything the filters and
// breakdowns of the pipeline read models use.
struct CellKey {
  uint32_t owner = 0;
  uint32_t department = 0;
  int32_t month = 0;  // DealState::PeriodMonth
  uint16_t stage = 0;
  uint16_t currency = 0;
  uint8_t status = 0;
  uint8_t category = 0;
  bool operator==(const CellKey&) const = default;
};
struct CellKeyHash {
  size_t operator()(const CellKey& k) const;
};
struct CellValue {
  int64_t count = 0;
  int64_t amount = 0;      // Σ amount, minor units
  __int128 weighted = 0;   // Σ amount × probability (percent × minor units)
  bool operator==(const CellValue&) const = default;
};
using CellTable = std::unordered_map<CellKey, CellValue, CellKeyHash>;

// Which key fields a query needs; the others are zeroed so that cells
// merge. Without owner, department and month, a pipeline has a few dozen
// cells instead of hundreds of thousands.
struct CellDetail {
  bool owner = true;
  bool department = true;
  bool month = true;
  bool all() const { return owner && department && month; }
  bool none() const { return !owner && !department && !month; }
};
CellKey Coarsen(CellKey key, const CellDetail& detail);

class OpportunityBook {
 public:
  explicit OpportunityBook(Symbols& symbols) : symbols_(symbols) {}
  OpportunityBook(const OpportunityBook&) = delete;  // now_cell_ points into now_cells_
  OpportunityBook& operator=(const OpportunityBook&) = delete;

  // Folds one opportunity event in. Events that do not touch funnel
  // attributes (activities, quotes, comments…) only ensure the deal is
  // known. Returns the deal's index, or nullopt for an event of a deal
  // never opened (out-of-order history the book cannot place).
  std::optional<uint32_t> Apply(const EventMeta& meta, const domain::OpportunityEvent& event);

  // The deal index of an opportunity id, if known.
  std::optional<uint32_t> Find(std::string_view opportunity_id) const;
  const std::vector<Deal>& deals() const { return deals_; }

  // The state of deal `index` under `vis`.
  DealState StateOf(uint32_t index, const Visibility& vis) const;
  DealState StateOf(const Deal& deal, const Visibility& vis) const;

  // Cells of every deal that exists under `vis` and passes `keep` (all
  // when empty). For Visibility::Now with no predicate, now_cells() is the
  // same table, maintained incrementally.
  CellTable BuildCells(const Visibility& vis,
                       const std::function<bool(const Deal&)>& keep = {},
                       const CellDetail& detail = {}) const;
  const CellTable& now_cells() const { return now_cells_; }
  // The now cells with owner, department and month zeroed.
  const CellTable& now_summary() const { return now_summary_; }

  // The small vocabularies entries refer to, each in first-seen order:
  // stage names, forecast categories ("pipeline", "best_case"…) and
  // currencies.
  std::string_view StageName(uint16_t stage) const;
  std::string_view CategoryName(uint8_t category) const;
  std::string_view CurrencyName(uint16_t currency) const;
  std::optional<uint16_t> FindStage(std::string_view name) const;
  std::optional<uint16_t> FindCurrency(std::string_view code) const;
  size_t stage_count() const { return stages_.size(); }
  size_t currency_count() const { return currencies_.size(); }

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  uint32_t DealIndex(std::string_view opportunity_id, bool create);
  uint16_t Stage(std::string_view name);
  uint8_t Category(std::string_view name);
  uint16_t Currency(std::string_view code);
  void Append(uint32_t deal, DealEntry entry);
  void RebuildDerived();

  Symbols& symbols_;
  std::vector<Deal> deals_;
  std::unordered_map<uint32_t, uint32_t> by_id_;  // id code -> deal index
  // Local index -> Symbols::names code.
  std::vector<uint32_t> stages_, categories_, currencies_;
  CellTable now_cells_;
  CellTable now_summary_;
  std::vector<CellValue*> now_cell_;  // per deal: its cell in now_cells_, if it exists
};

// Adds (sign = +1) or removes (sign = −1) a deal state's contribution.
// Cells that become empty are kept (count 0).
// Returns the cell.
CellValue& AddToCells(CellTable& cells, const DealState& s, int sign,
                      const CellDetail& detail = {});
// Equal as aggregates: the same non-empty cells with the same values.
bool SameCells(const CellTable& a, const CellTable& b);

}  // namespace dealstream::projections
