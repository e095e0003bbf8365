// RecordIndex: the list read model of DESIGN §3.9 and the decision trees of
// §3.8, kept current event by event (RecordIndexProjection feeds it).
//
// Lists: per collection (opportunities, customers, contacts, contracts,
// quotes), one summary row per record with the fields lists filter and
// sort by. Rows are kept in the order their records were created — the
// global position of the creating event — which is the lists' stable sort
// key: a record never moves, new records only ever append, so a cursor
// holding the last key seen pages without duplicates or gaps while the log
// grows.
//
// Decision trees: per opportunity and per customer, each contact holding a
// role (role, influence, stance and its changes over time, reports-to).
//
// Only non-personal fields are kept (a contact's name, phone, email… are
// crypto-shredded personal data, DESIGN §5, and must not outlive their key
// in a read model's snapshot).
//
// The index answers "now"; the state of one record as of any instant is
// RecordStates' job.
//
// Thread-safety: Apply*/Load mutate; const methods may run concurrently
// with each other (the worker's shared lock).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "domain/contact/contact.h"
#include "domain/contract/contract.h"
#include "domain/customer/customer.h"
#include "domain/opportunity/opportunity.h"
#include "projections/binary_io.h"
#include "projections/symbols.h"

namespace dealstream::projections {

enum class ListCollection : uint8_t { kOpportunities, kCustomers, kContacts, kContracts, kQuotes };
inline constexpr ListCollection kListCollections[] = {
    ListCollection::kOpportunities, ListCollection::kCustomers, ListCollection::kContacts,
    ListCollection::kContracts, ListCollection::kQuotes};
// The HTTP collection name: "opportunities", "customers", …
std::string_view CollectionName(ListCollection collection);

// One record's summary. Empty strings are "none".
struct ListRow {
  std::string id;  // a quote: "<opportunity_id>.q<version>"
  uint64_t created_position = 0;  // the sort key
  int64_t created_time = 0;       // business time, µs
  uint64_t updated_position = 0;
  int64_t updated_time = 0;
  uint64_t events = 0;            // events of the record applied
  std::string name;               // name or title
  std::string owner_id;
  std::string department_id;
  std::string customer_id;
  std::string opportunity_id;
  std::string state;  // status or lifecycle state
  std::string stage;  // opportunities only
  int64_t amount_minor = 0;
  std::string currency;           // "" = no amount
  std::optional<int64_t> day;     // the collection's date, epoch day (see list_query.h)
  std::vector<std::string> team;  // opportunity team members (not the owner)
  // Display-only fields, e.g. {"industry", "Retail"}.
  std::vector<std::pair<std::string, std::string>> attrs;
};

// One contact in one decision tree.
struct TreeMember {
  struct StanceStep {
    int64_t time = 0;  // business time, µs
    uint64_t position = 0;
    std::string stance;
  };
  std::string contact_id;
  std::string role;
  int32_t influence = 0;
  std::string stance;
  std::string reports_to;  // "" = none
  bool active = true;      // false once the role was removed or the contact left
  std::vector<StanceStep> stances;  // every stance it held, oldest first
};

struct DecisionTree {
  std::string customer_id;
  std::vector<TreeMember> members;  // in the order they joined
};

class RecordIndex {
 public:
  void Apply(const EventMeta& meta, const domain::OpportunityAggregate::Event& event);
  void Apply(const EventMeta& meta, const domain::CustomerAggregate::Event& event);
  void Apply(const EventMeta& meta, const domain::ContactAggregate::Event& event);
  void Apply(const EventMeta& meta, const domain::ContractAggregate::Event& event);

  // Rows of a collection in sort-key order.
  const std::vector<ListRow>& rows(ListCollection collection) const;
  const ListRow* Find(ListCollection collection, std::string_view id) const;
  // The decision tree of an opportunity, or of a customer's own committee;
  // nullptr when no contact holds a role in it.
  const DecisionTree* OpportunityTree(std::string_view opportunity_id) const;
  const DecisionTree* CustomerTree(std::string_view customer_id) const;

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  struct Table {
    std::vector<ListRow> rows;
    std::unordered_map<std::string, uint32_t> by_id;
  };
  ListRow* Create(ListCollection c, std::string id, const EventMeta& meta);
  ListRow* Touch(ListCollection c, std::string_view id, const EventMeta& meta);
  DecisionTree& Tree(const std::optional<domain::Id>& opportunity_id,
                     const domain::Id& customer_id);
  TreeMember* Member(const std::optional<domain::Id>& opportunity_id,
                     const domain::Id& customer_id, std::string_view contact_id);
  void EndRoles(std::string_view contact_id);

  Table tables_[std::size(kListCollections)];
  // Key "o:<opportunity id>" or "c:<customer id>".
  std::unordered_map<std::string, DecisionTree> trees_;
  // Contact id -> the keys of the trees it is in (derived; rebuilt by Load).
  std::unordered_map<std::string, std::vector<std::string>> contact_trees_;
};

}  // namespace dealstream::projections
