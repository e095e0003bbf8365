// RecordLists: the list read model (record_index.h) as the API uses it —
// a projection worker keeping a RecordIndex current (catch-up, then live;
// snapshots in the side store beside the CRM books), and the queries:
//
//   auto lists = RecordLists::Start(log, store);
//   ListPage page = (*lists)->List(query, visible, within);
//
// A list walks the collection's rows in sort-key order (the position of
// each record's creating event) from just after `query.after`, keeping the
// rows that pass the filters and `visible` (the caller's data scope), and
// stops after `limit` rows. Filters:
//   owner        the record's owner; contacts and quotes: their customer's
//                or opportunity's owner
//   department   the record's department, or its owner's, lies in this
//                department's subtree (`within` answers subtree questions)
//   customer, opportunity, state, stage   equality
//   period       the collection's date lies in the period: opportunities
//                expected close date, customers registration date,
//                contacts date added, contracts signing date, quotes
//                validity end
//   name_prefix  case-insensitive (ASCII) prefix of the name or title
//
// Thread-safety: all methods may be called concurrently from any thread.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "domain/common/period.h"
#include "eventstore/event_log.h"
#include "projections/projection.h"
#include "projections/record_index.h"
#include "projections/snapshot_store.h"
#include "projections/worker.h"

namespace dealstream::projections {

// The Projection that feeds a RecordIndex from opportunity, customer,
// contact and contract events. Events it cannot decode are counted, never
// fatal.
class RecordIndexProjection final : public Projection {
 public:
  static constexpr std::string_view kName = "record_index";
  static constexpr uint32_t kSnapshotFormat = 1;

  std::string_view name() const override { return kName; }
  uint32_t snapshot_format() const override { return kSnapshotFormat; }
  void Apply(const eventstore::RecordedEvent& event) override;
  void Save(std::string* out) const override;
  Status Load(std::string_view bytes) override;

  const RecordIndex& index() const { return index_; }
  uint64_t undecodable() const { return undecodable_; }

 private:
  RecordIndex index_;
  uint64_t undecodable_ = 0;
};

struct ListQuery {
  ListCollection collection = ListCollection::kOpportunities;
  std::optional<std::string> owner;
  std::optional<std::string> department;
  std::optional<std::string> customer;
  std::optional<std::string> opportunity;
  std::optional<std::string> state;
  std::optional<std::string> stage;
  std::optional<domain::Period> period;
  std::optional<std::string> name_prefix;
  uint64_t after = 0;  // sort key of the last row already seen (0: from the start)
  size_t limit = 50;
};

struct ListPage {
  std::vector<ListRow> rows;
  // Sort key to continue after; set only when more rows may follow.
  std::optional<uint64_t> next_after;
};

// Whether a row is within the caller's data scope (collection and row given).
using RowVisible = std::function<bool(ListCollection, const ListRow&)>;
// True if `department` is `ancestor` or below it; and an employee's department.
struct DepartmentTree {
  std::function<bool(std::string_view department, std::string_view ancestor)> within;
  std::function<std::optional<std::string>(std::string_view employee_id)> department_of;
};

struct DecisionTreeView {
  std::string customer_id;
  std::vector<TreeMember> members;
  std::vector<std::string> titles;  // each member's job title ("" when unknown)
};

class RecordLists {
 public:
  // `log` and `store` must outlive the RecordLists.
  static Result<std::unique_ptr<RecordLists>> Start(const eventstore::EventLog& log,
                                                    SnapshotStore& store,
                                                    WorkerOptions options = {});
  ~RecordLists();
  RecordLists(const RecordLists&) = delete;
  RecordLists& operator=(const RecordLists&) = delete;

  ListPage List(const ListQuery& query, const RowVisible& visible,
                const DepartmentTree& tree) const;

  // The row of one record, if the index knows it.
  std::optional<ListRow> Find(ListCollection collection, std::string_view id) const;
  // The decision tree of an opportunity / of a customer's own buying
  // committee; an empty view (no members) when nobody holds a role yet.
  DecisionTreeView OpportunityTree(std::string_view opportunity_id) const;
  DecisionTreeView CustomerTree(std::string_view customer_id) const;

  WorkerStats stats() const { return worker_->stats(); }
  bool WaitForPosition(eventstore::GlobalPosition p, std::chrono::milliseconds timeout) const {
    return worker_->WaitForPosition(p, timeout);
  }
  Status Rebuild(const ProgressCallback& progress = {}) { return worker_->Rebuild(progress); }
  void Stop() { worker_->Stop(); }

 private:
  explicit RecordLists(std::unique_ptr<ProjectionWorker> worker) : worker_(std::move(worker)) {}
  std::unique_ptr<ProjectionWorker> worker_;
};

}  // namespace dealstream::projections
