// JSON renderings of list rows and decision trees (list_routes.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "projections/record_lists.h"

namespace dealstream::api {

// One list item: the collection's fields, plus "created_at", "updated_at"
// (business times), "position" (of the creating event, the sort key) and
// "version" (the record's stream version; for a quote, its quote version).
nlohmann::json ListRowJson(projections::ListCollection collection,
                           const projections::ListRow& row);

// {"<kind>_id", "customer_id", "contacts": [{contact_id, title, role,
// influence, stance, reports_to, active, stance_history: [{time, stance}]}],
// "edges": [{"from", "to"}]} — edges are the reports-to links of active
// members.
nlohmann::json DecisionTreeJson(std::string_view kind, std::string_view id,
                                const projections::DecisionTreeView& tree);

}  // namespace dealstream::api
