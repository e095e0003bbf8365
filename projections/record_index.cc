#include "projections/record_index.h"

#include <algorithm>

#include "projections/overloaded.h"

namespace dealstream::projections {
namespace {

template <typename E>
std::string NameOf(E value) {
  for (const auto& [v, name] : EnumNames(value)) {
    if (v == value) return std::string(name);
  }
  return "";
}

std::string OrEmpty(const std::optional<domain::Id>& id) { return id ? id->value : ""; }

void SetAmount(ListRow& row, const domain::Money& money) {
  row.amount_minor = money.minor;
  row.currency = money.currency;
}

void SetAttr(ListRow& row, std::string_view key, const std::optional<std::string>& value) {
  auto it = std::find_if(row.attrs.begin(), row.attrs.end(),
                         [&](const auto& kv) { return kv.first == key; });
  if (!value) {
    if (it != row.attrs.end()) row.attrs.erase(it);
  } else if (it != row.attrs.end()) {
    it->second = *value;
  } else {
    row.attrs.emplace_back(std::string(key), *value);
  }
}

std::string QuoteId(const domain::Id& opportunity, int32_t version) {
  return opportunity.value + ".q" + std::to_string(version);
}

std::string TreeKey(const std::optional<domain::Id>& opportunity_id,
                    const domain::Id& customer_id) {
  return opportunity_id ? "o:" + opportunity_id->value : "c:" + customer_id.value;
}

}  // namespace

std::string_view CollectionName(ListCollection collection) {
  switch (collection) {
    case ListCollection::kOpportunities: return "opportunities";
    case ListCollection::kCustomers: return "customers";
    case ListCollection::kContacts: return "contacts";
    case ListCollection::kContracts: return "contracts";
    case ListCollection::kQuotes: return "quotes";
  }
  return "";
}

ListRow* RecordIndex::Create(ListCollection c, std::string id, const EventMeta& meta) {
  Table& t = tables_[static_cast<size_t>(c)];
  auto [it, inserted] = t.by_id.emplace(id, static_cast<uint32_t>(t.rows.size()));
  if (!inserted) return Touch(c, id, meta);  // a creation replayed twice: keep the first
  ListRow& row = t.rows.emplace_back();
  row.id = std::move(id);
  row.created_position = row.updated_position = meta.position;
  row.created_time = row.updated_time = meta.time;
  row.events = 1;
  return &row;
}

ListRow* RecordIndex::Touch(ListCollection c, std::string_view id, const EventMeta& meta) {
  Table& t = tables_[static_cast<size_t>(c)];
  auto it = t.by_id.find(std::string(id));
  if (it == t.by_id.end()) return nullptr;  // never created: nothing to list
  ListRow& row = t.rows[it->second];
  row.updated_position = meta.position;
  row.updated_time = std::max(row.updated_time, meta.time);
  ++row.events;
  return &row;
}

const std::vector<ListRow>& RecordIndex::rows(ListCollection collection) const {
  return tables_[static_cast<size_t>(collection)].rows;
}

const ListRow* RecordIndex::Find(ListCollection collection, std::string_view id) const {
  const Table& t = tables_[static_cast<size_t>(collection)];
  auto it = t.by_id.find(std::string(id));
  return it == t.by_id.end() ? nullptr : &t.rows[it->second];
}

void RecordIndex::Apply(const EventMeta& m, const domain::OpportunityAggregate::Event& event) {
  using namespace domain;
  constexpr auto kOpp = ListCollection::kOpportunities;
  constexpr auto kQuote = ListCollection::kQuotes;
  auto quote_state = [&](const Id& opportunity, int32_t version, std::string state) {
    if (ListRow* q = Touch(kQuote, QuoteId(opportunity, version), m)) q->state = std::move(state);
  };
  std::visit(
      Overloaded{
          [&](const OpportunityOpened& e) {
            ListRow* r = Create(kOpp, e.opportunity_id.value, m);
            if (r->events != 1) return;
            r->name = e.title;
            r->owner_id = e.owner_id.value;
            r->department_id = OrEmpty(e.department_id);
            r->customer_id = e.customer_id.value;
            r->state = "open";
            r->stage = e.stage;
            SetAmount(*r, e.amount);
            r->day = e.expected_close_date.epoch_day;
          },
          [&](const OpportunityStageAdvanced& e) {
            if (ListRow* r = Touch(kOpp, e.opportunity_id.value, m)) {
              r->stage = e.stage;
              SetAmount(*r, e.amount);
            }
          },
          [&](const OpportunityStageMovedBack& e) {
            if (ListRow* r = Touch(kOpp, e.opportunity_id.value, m)) {
              r->stage = e.stage;
              SetAmount(*r, e.amount);
            }
          },
          [&](const OpportunityAmountRevised& e) {
            if (ListRow* r = Touch(kOpp, e.opportunity_id.value, m)) SetAmount(*r, e.amount);
          },
          [&](const OpportunityCloseDateRevised& e) {
            if (ListRow* r = Touch(kOpp, e.opportunity_id.value, m)) {
              r->day = e.expected_close_date.epoch_day;
            }
          },
          [&](const OpportunityTeamMemberAdded& e) {
            ListRow* r = Touch(kOpp, e.opportunity_id.value, m);
            if (r && std::find(r->team.begin(), r->team.end(), e.member_id.value) == r->team.end()) {
              r->team.push_back(e.member_id.value);
            }
          },
          [&](const OpportunityTeamMemberRemoved& e) {
            if (ListRow* r = Touch(kOpp, e.opportunity_id.value, m)) {
              std::erase(r->team, e.member_id.value);
            }
          },
          [&](const OpportunityReassigned& e) {
            if (ListRow* r = Touch(kOpp, e.opportunity_id.value, m)) {
              r->owner_id = e.new_owner_id.value;
              r->department_id = OrEmpty(e.department_id);
            }
          },
          [&](const OpportunityWon& e) {
            if (ListRow* r = Touch(kOpp, e.opportunity_id.value, m)) {
              r->state = "won";
              r->stage = e.stage;
              SetAmount(*r, e.amount);
            }
          },
          [&](const OpportunityLost& e) {
            if (ListRow* r = Touch(kOpp, e.opportunity_id.value, m)) {
              r->state = "lost";
              r->stage = e.stage;
            }
          },
          [&](const OpportunityAbandoned& e) {
            if (ListRow* r = Touch(kOpp, e.opportunity_id.value, m)) r->state = "abandoned";
          },
          [&](const OpportunityReopened& e) {
            if (ListRow* r = Touch(kOpp, e.opportunity_id.value, m)) {
              r->state = "open";
              r->stage = e.stage;
              SetAmount(*r, e.amount);
            }
          },
          [&](const OpportunityQuoteDrafted& e) {
            const ListRow* deal = Touch(kOpp, e.opportunity_id.value, m);
            if (deal == nullptr) return;
            const std::string customer = deal->customer_id;
            const std::string title = deal->name;
            if (e.superseded_version) {
              quote_state(e.opportunity_id, *e.superseded_version, "superseded");
            }
            ListRow* q = Create(kQuote, QuoteId(e.opportunity_id, e.version), m);
            if (q->events != 1) return;
            q->name = title;
            q->opportunity_id = e.opportunity_id.value;
            q->customer_id = customer;
            q->state = "draft";
            SetAmount(*q, e.total);
            q->day = e.valid_until.epoch_day;
            q->attrs.emplace_back("version", std::to_string(e.version));
          },
          [&](const OpportunityQuoteApprovalRequested& e) {
            Touch(kOpp, e.opportunity_id.value, m);
            quote_state(e.opportunity_id, e.version, "pending_approval");
          },
          [&](const OpportunityQuoteApproved& e) {
            Touch(kOpp, e.opportunity_id.value, m);
            quote_state(e.opportunity_id, e.version, "approved");
          },
          [&](const OpportunityQuoteRejected& e) {
            Touch(kOpp, e.opportunity_id.value, m);
            quote_state(e.opportunity_id, e.version, "rejected");
          },
          [&](const auto& e) { Touch(kOpp, e.opportunity_id.value, m); },
      },
      event);
}

void RecordIndex::Apply(const EventMeta& m, const domain::CustomerAggregate::Event& event) {
  using namespace domain;
  constexpr auto kCust = ListCollection::kCustomers;
  std::visit(
      Overloaded{
          [&](const CustomerRegistered& e) {
            ListRow* r = Create(kCust, e.customer_id.value, m);
            if (r->events != 1) return;
            r->name = e.name;
            r->owner_id = e.owner_id.value;
            r->department_id = e.department_id.value;
            r->state = NameOf(Lifecycle::kTarget);
            r->day = Timestamp::FromMicros(m.time).EpochDay();
            SetAttr(*r, "status", "active");
            SetAttr(*r, "industry", e.industry);
            SetAttr(*r, "region", e.region);
          },
          [&](const CustomerProfileUpdated& e) {
            ListRow* r = Touch(kCust, e.customer_id.value, m);
            if (r == nullptr) return;
            if (e.name && e.name->value) r->name = *e.name->value;
            if (e.industry) SetAttr(*r, "industry", e.industry->value);
            if (e.region) SetAttr(*r, "region", e.region->value);
          },
          [&](const CustomerAssigned& e) {
            if (ListRow* r = Touch(kCust, e.customer_id.value, m)) {
              r->owner_id = e.owner_id.value;
              r->department_id = e.department_id.value;
            }
          },
          [&](const CustomerArchived& e) {
            if (ListRow* r = Touch(kCust, e.customer_id.value, m)) SetAttr(*r, "status", "archived");
          },
          [&](const CustomerRestored& e) {
            if (ListRow* r = Touch(kCust, e.customer_id.value, m)) SetAttr(*r, "status", "active");
          },
          [&](const CustomerDuplicateMerged& e) {
            if (ListRow* r = Touch(kCust, e.customer_id.value, m)) {
              SetAttr(*r, "status", "merged");
              SetAttr(*r, "survivor_id", e.survivor_id.value);
            }
          },
          [&](const CustomerLifecycleChanged& e) {
            if (ListRow* r = Touch(kCust, e.customer_id.value, m)) r->state = NameOf(e.to);
          },
          [&](const auto& e) { Touch(kCust, e.customer_id.value, m); },
      },
      event);
}

DecisionTree& RecordIndex::Tree(const std::optional<domain::Id>& opportunity_id,
                                const domain::Id& customer_id) {
  DecisionTree& tree = trees_[TreeKey(opportunity_id, customer_id)];
  if (tree.customer_id.empty()) tree.customer_id = customer_id.value;
  return tree;
}

TreeMember* RecordIndex::Member(const std::optional<domain::Id>& opportunity_id,
                                const domain::Id& customer_id, std::string_view contact_id) {
  auto it = trees_.find(TreeKey(opportunity_id, customer_id));
  if (it == trees_.end()) return nullptr;
  for (TreeMember& member : it->second.members) {
    if (member.contact_id == contact_id) return &member;
  }
  return nullptr;
}

void RecordIndex::EndRoles(std::string_view contact_id) {
  auto keys = contact_trees_.find(std::string(contact_id));
  if (keys == contact_trees_.end()) return;
  for (const std::string& key : keys->second) {
    auto tree = trees_.find(key);
    if (tree == trees_.end()) continue;
    for (TreeMember& member : tree->second.members) {
      if (member.contact_id == contact_id) member.active = false;
    }
  }
}

void RecordIndex::Apply(const EventMeta& m, const domain::ContactAggregate::Event& event) {
  using namespace domain;
  constexpr auto kContact = ListCollection::kContacts;
  auto stance_step = [&](TreeMember& member, Stance stance) {
    member.stance = NameOf(stance);
    member.stances.push_back({.time = m.time, .position = m.position, .stance = member.stance});
  };
  std::visit(
      Overloaded{
          [&](const ContactAdded& e) {
            ListRow* r = Create(kContact, e.contact_id.value, m);
            if (r->events != 1) return;
            r->customer_id = e.customer_id.value;
            r->state = "active";
            r->day = Timestamp::FromMicros(m.time).EpochDay();
            SetAttr(*r, "title", e.title);
            SetAttr(*r, "department", e.department);
          },
          [&](const ContactUpdated& e) {
            ListRow* r = Touch(kContact, e.contact_id.value, m);
            if (r == nullptr) return;
            if (e.title) SetAttr(*r, "title", e.title->value);
            if (e.department) SetAttr(*r, "department", e.department->value);
          },
          [&](const ContactLeftCompany& e) {
            if (ListRow* r = Touch(kContact, e.contact_id.value, m)) r->state = "left_company";
            EndRoles(e.contact_id.value);
          },
          [&](const ContactRoleAssigned& e) {
            Touch(kContact, e.contact_id.value, m);
            TreeMember* member = Member(e.opportunity_id, e.customer_id, e.contact_id.value);
            if (member == nullptr) {
              DecisionTree& tree = Tree(e.opportunity_id, e.customer_id);
              member = &tree.members.emplace_back();
              member->contact_id = e.contact_id.value;
              contact_trees_[e.contact_id.value].push_back(TreeKey(e.opportunity_id, e.customer_id));
            }
            member->active = true;
            member->role = NameOf(e.role);
            member->influence = e.influence;
            member->reports_to = OrEmpty(e.reports_to);
            stance_step(*member, e.stance);
          },
          [&](const ContactRoleChanged& e) {
            Touch(kContact, e.contact_id.value, m);
            if (TreeMember* t = Member(e.opportunity_id, e.customer_id, e.contact_id.value)) {
              t->role = NameOf(e.role);
            }
          },
          [&](const ContactInfluenceChanged& e) {
            Touch(kContact, e.contact_id.value, m);
            if (TreeMember* t = Member(e.opportunity_id, e.customer_id, e.contact_id.value)) {
              t->influence = e.influence;
            }
          },
          [&](const ContactStanceChanged& e) {
            Touch(kContact, e.contact_id.value, m);
            if (TreeMember* t = Member(e.opportunity_id, e.customer_id, e.contact_id.value)) {
              stance_step(*t, e.stance);
            }
          },
          [&](const ContactReportsToChanged& e) {
            Touch(kContact, e.contact_id.value, m);
            if (TreeMember* t = Member(e.opportunity_id, e.customer_id, e.contact_id.value)) {
              t->reports_to = OrEmpty(e.reports_to);
            }
          },
          [&](const ContactRoleRemoved& e) {
            Touch(kContact, e.contact_id.value, m);
            if (TreeMember* t = Member(e.opportunity_id, e.customer_id, e.contact_id.value)) {
              t->active = false;
            }
          },
          [&](const ContactCustomFieldsSet& e) { Touch(kContact, e.contact_id.value, m); },
      },
      event);
}

void RecordIndex::Apply(const EventMeta& m, const domain::ContractAggregate::Event& event) {
  using namespace domain;
  constexpr auto kContract = ListCollection::kContracts;
  auto set_state = [&](const Id& id, std::string state) {
    if (ListRow* r = Touch(kContract, id.value, m)) r->state = std::move(state);
  };
  std::visit(
      Overloaded{
          [&](const ContractDrafted& e) {
            ListRow* r = Create(kContract, e.contract_id.value, m);
            if (r->events != 1) return;
            r->name = e.title.value_or("");
            r->owner_id = e.owner_id.value;
            r->department_id = OrEmpty(e.department_id);
            r->customer_id = e.customer_id.value;
            r->opportunity_id = OrEmpty(e.opportunity_id);
            r->state = "draft";
            SetAmount(*r, e.total);
          },
          [&](const ContractApprovalRequested& e) { set_state(e.contract_id, "pending_approval"); },
          [&](const ContractApproved& e) { set_state(e.contract_id, "approved"); },
          [&](const ContractRejected& e) { set_state(e.contract_id, "rejected"); },
          [&](const ContractSigned& e) {
            if (ListRow* r = Touch(kContract, e.contract_id.value, m)) {
              r->state = "signed";
              r->owner_id = e.owner_id.value;
              r->department_id = OrEmpty(e.department_id);
              SetAmount(*r, e.total);
              r->day = e.signed_on.epoch_day;
            }
          },
          [&](const ContractAmended& e) {
            if (ListRow* r = Touch(kContract, e.contract_id.value, m)) SetAmount(*r, e.total);
          },
          [&](const ContractCompleted& e) { set_state(e.contract_id, "completed"); },
          [&](const ContractTerminated& e) { set_state(e.contract_id, "terminated"); },
          [&](const auto& e) { Touch(kContract, e.contract_id.value, m); },
      },
      event);
}

const DecisionTree* RecordIndex::OpportunityTree(std::string_view opportunity_id) const {
  auto it = trees_.find("o:" + std::string(opportunity_id));
  return it == trees_.end() ? nullptr : &it->second;
}

const DecisionTree* RecordIndex::CustomerTree(std::string_view customer_id) const {
  auto it = trees_.find("c:" + std::string(customer_id));
  return it == trees_.end() ? nullptr : &it->second;
}

}  // namespace dealstream::projections
