#include "api/list_rows_json.h"

#include "base/time.h"
#include "codec/value_rules.h"

namespace dealstream::api {
namespace {

using projections::ListCollection;
using projections::ListRow;

nlohmann::json Money(const ListRow& row) {
  if (row.currency.empty()) return nullptr;
  return {{"amount", codec::FormatAmount(row.amount_minor, row.currency)},
          {"currency", row.currency}};
}

nlohmann::json Text(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

nlohmann::json Day(const ListRow& row) {
  if (!row.day) return nullptr;
  return FormatDate(Timestamp::FromMicros(*row.day * 86400LL * 1000000LL));
}

nlohmann::json Attr(const ListRow& row, std::string_view key) {
  for (const auto& [k, v] : row.attrs) {
    if (k == key) return v;
  }
  return nullptr;
}

}  // namespace

nlohmann::json ListRowJson(ListCollection collection, const ListRow& row) {
  nlohmann::json j = {{"id", row.id}};
  switch (collection) {
    case ListCollection::kOpportunities:
      j["title"] = row.name;
      j["customer_id"] = Text(row.customer_id);
      j["owner_id"] = Text(row.owner_id);
      j["department_id"] = Text(row.department_id);
      j["team_member_ids"] = row.team;
      j["status"] = row.state;
      j["stage"] = row.stage;
      j["amount"] = Money(row);
      j["expected_close_date"] = Day(row);
      break;
    case ListCollection::kCustomers:
      j["name"] = row.name;
      j["owner_id"] = Text(row.owner_id);
      j["department_id"] = Text(row.department_id);
      j["lifecycle"] = row.state;
      j["status"] = Attr(row, "status");
      j["industry"] = Attr(row, "industry");
      j["region"] = Attr(row, "region");
      j["registered_on"] = Day(row);
      if (Attr(row, "survivor_id").is_string()) j["survivor_id"] = Attr(row, "survivor_id");
      break;
    case ListCollection::kContacts:
      j["customer_id"] = Text(row.customer_id);
      j["title"] = Attr(row, "title");
      j["department"] = Attr(row, "department");
      j["status"] = row.state;
      j["added_on"] = Day(row);
      break;
    case ListCollection::kContracts:
      j["title"] = Text(row.name);
      j["customer_id"] = Text(row.customer_id);
      j["opportunity_id"] = Text(row.opportunity_id);
      j["owner_id"] = Text(row.owner_id);
      j["department_id"] = Text(row.department_id);
      j["status"] = row.state;
      j["total"] = Money(row);
      j["signed_on"] = Day(row);
      break;
    case ListCollection::kQuotes: {
      j["opportunity_id"] = row.opportunity_id;
      const nlohmann::json version = Attr(row, "version");
      j["version"] = version.is_string() ? nlohmann::json(std::stoll(version.get<std::string>()))
                                         : nlohmann::json(nullptr);
      j["opportunity_title"] = row.name;
      j["customer_id"] = Text(row.customer_id);
      j["status"] = row.state;
      j["total"] = Money(row);
      j["valid_until"] = Day(row);
      break;
    }
  }
  j["created_at"] = FormatTimestamp(Timestamp::FromMicros(row.created_time));
  j["updated_at"] = FormatTimestamp(Timestamp::FromMicros(row.updated_time));
  j["position"] = row.created_position;
  // The record's stream version; a quote's own version number instead.
  if (collection != ListCollection::kQuotes) j["version"] = row.events;
  return j;
}

nlohmann::json DecisionTreeJson(std::string_view kind, std::string_view id,
                                const projections::DecisionTreeView& tree) {
  nlohmann::json contacts = nlohmann::json::array();
  nlohmann::json edges = nlohmann::json::array();
  for (size_t i = 0; i < tree.members.size(); ++i) {
    const projections::TreeMember& m = tree.members[i];
    nlohmann::json history = nlohmann::json::array();
    for (const auto& step : m.stances) {
      history.push_back({{"time", FormatTimestamp(Timestamp::FromMicros(step.time))},
                         {"position", step.position},
                         {"stance", step.stance}});
    }
    contacts.push_back({{"contact_id", m.contact_id},
                        {"title", Text(i < tree.titles.size() ? tree.titles[i] : "")},
                        {"role", m.role},
                        {"influence", m.influence},
                        {"stance", m.stance},
                        {"reports_to", Text(m.reports_to)},
                        {"active", m.active},
                        {"stance_history", std::move(history)}});
    if (m.active && !m.reports_to.empty()) {
      edges.push_back({{"from", m.contact_id}, {"to", m.reports_to}});
    }
  }
  return {{std::string(kind) + "_id", id},
          {"customer_id", Text(tree.customer_id)},
          {"contacts", std::move(contacts)},
          {"edges", std::move(edges)}};
}

}  // namespace dealstream::api
