#include "projections/record_lists.h"

#include <algorithm>

#include "codec/event_codec.h"

namespace dealstream::projections {
namespace {

template <typename A>
bool DecodeInto(RecordIndex& index, const EventMeta& meta, const eventstore::RecordedEvent& e) {
  auto event = codec::DecodeEvent<typename A::Event>(e);
  if (!event.ok()) return false;
  index.Apply(meta, *event);
  return true;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool HasPrefix(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(text[i]) != Lower(prefix[i])) return false;
  }
  return true;
}

// The row that owns `row`: a contact's customer, a quote's opportunity;
// the row itself otherwise. nullptr when the owning record is unknown.
const ListRow* OwningRow(const RecordIndex& index, ListCollection c, const ListRow& row) {
  switch (c) {
    case ListCollection::kContacts:
      return index.Find(ListCollection::kCustomers, row.customer_id);
    case ListCollection::kQuotes:
      return index.Find(ListCollection::kOpportunities, row.opportunity_id);
    default:
      return &row;
  }
}

bool InDepartment(const ListRow& owner, std::string_view ancestor, const DepartmentTree& tree) {
  if (!owner.department_id.empty()) return tree.within(owner.department_id, ancestor);
  if (owner.owner_id.empty()) return false;
  std::optional<std::string> department = tree.department_of(owner.owner_id);
  return department && tree.within(*department, ancestor);
}

bool Matches(const RecordIndex& index, const ListQuery& q, const ListRow& row,
             const DepartmentTree& tree) {
  if (q.customer && row.customer_id != *q.customer) return false;
  if (q.opportunity && row.opportunity_id != *q.opportunity) return false;
  if (q.state && row.state != *q.state) return false;
  if (q.stage && row.stage != *q.stage) return false;
  if (q.period && (!row.day || !q.period->Contains(domain::Date{*row.day}))) return false;
  if (q.name_prefix && !HasPrefix(row.name, *q.name_prefix)) return false;
  if (q.owner || q.department) {
    const ListRow* owner = OwningRow(index, q.collection, row);
    if (owner == nullptr) return false;
    if (q.owner && owner->owner_id != *q.owner) return false;
    if (q.department && !InDepartment(*owner, *q.department, tree)) return false;
  }
  return true;
}

DecisionTreeView ViewOf(const RecordIndex& index, const DecisionTree* tree) {
  DecisionTreeView view;
  if (tree == nullptr) return view;
  view.customer_id = tree->customer_id;
  view.members = tree->members;
  for (const TreeMember& m : tree->members) {
    std::string title;
    if (const ListRow* contact = index.Find(ListCollection::kContacts, m.contact_id)) {
      for (const auto& [key, value] : contact->attrs) {
        if (key == "title") title = value;
      }
    }
    view.titles.push_back(std::move(title));
  }
  return view;
}

}  // namespace

void RecordIndexProjection::Apply(const eventstore::RecordedEvent& e) {
  const EventMeta meta{.position = e.position.value,
                       .time = e.time.micros(),
                       .recorded = e.recorded_time.micros(),
                       .subject = e.subject,
                       .actor = e.metadata.actor};
  const std::string_view category = e.stream.category();
  bool decoded = true;
  if (category == domain::OpportunityAggregate::kCategory) {
    decoded = DecodeInto<domain::OpportunityAggregate>(index_, meta, e);
  } else if (category == domain::CustomerAggregate::kCategory) {
    decoded = DecodeInto<domain::CustomerAggregate>(index_, meta, e);
  } else if (category == domain::ContactAggregate::kCategory) {
    decoded = DecodeInto<domain::ContactAggregate>(index_, meta, e);
  } else if (category == domain::ContractAggregate::kCategory) {
    decoded = DecodeInto<domain::ContractAggregate>(index_, meta, e);
  }
  if (!decoded) ++undecodable_;
}

void RecordIndexProjection::Save(std::string* out) const {
  BinaryWriter w(out);
  w.U64(undecodable_);
  index_.Save(w);
}

Status RecordIndexProjection::Load(std::string_view bytes) {
  BinaryReader r(bytes);
  const uint64_t undecodable = r.U64();
  if (Status s = index_.Load(r); !s.ok()) return s;
  if (!r.done()) return Status::Corruption("record index snapshot has trailing bytes");
  undecodable_ = undecodable;
  return Status::Ok();
}

Result<std::unique_ptr<RecordLists>> RecordLists::Start(const eventstore::EventLog& log,
                                                        SnapshotStore& store,
                                                        WorkerOptions options) {
  auto worker = ProjectionWorker::Start(
      log, store, [] { return std::make_unique<RecordIndexProjection>(); }, std::move(options));
  if (!worker.ok()) return worker.error();
  return std::unique_ptr<RecordLists>(new RecordLists(std::move(*worker)));
}

RecordLists::~RecordLists() {
  if (worker_) worker_->Stop();
}

ListPage RecordLists::List(const ListQuery& q, const RowVisible& visible,
                           const DepartmentTree& tree) const {
  return worker_->Read<RecordIndexProjection>([&](const RecordIndexProjection& p) {
    const RecordIndex& index = p.index();
    const std::vector<ListRow>& rows = index.rows(q.collection);
    auto it = std::upper_bound(rows.begin(), rows.end(), q.after,
                               [](uint64_t after, const ListRow& r) {
                                 return after < r.created_position;
                               });
    ListPage page;
    for (; it != rows.end(); ++it) {
      if (!Matches(index, q, *it, tree) || !visible(q.collection, *it)) continue;
      if (page.rows.size() == q.limit) {
        page.next_after = page.rows.back().created_position;
        break;
      }
      page.rows.push_back(*it);
    }
    return page;
  });
}

std::optional<ListRow> RecordLists::Find(ListCollection collection, std::string_view id) const {
  return worker_->Read<RecordIndexProjection>(
      [&](const RecordIndexProjection& p) -> std::optional<ListRow> {
        const ListRow* row = p.index().Find(collection, id);
        if (row == nullptr) return std::nullopt;
        return *row;
      });
}

DecisionTreeView RecordLists::OpportunityTree(std::string_view opportunity_id) const {
  return worker_->Read<RecordIndexProjection>([&](const RecordIndexProjection& p) {
    return ViewOf(p.index(), p.index().OpportunityTree(opportunity_id));
  });
}

DecisionTreeView RecordLists::CustomerTree(std::string_view customer_id) const {
  return worker_->Read<RecordIndexProjection>([&](const RecordIndexProjection& p) {
    return ViewOf(p.index(), p.index().CustomerTree(customer_id));
  });
}

}  // namespace dealstream::projections
