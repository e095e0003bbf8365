// Queries of the read models for the CLI (`dealstream query PROJECTION`),
// in JSON (the projections module's renderings, the same bodies the HTTP
// API serves) or CSV (one row per line item, columns documented below).
//
//   funnel     stage,probability,forecast_category,closed,count,amount,weighted_amount,currency
//   forecast   period,category,count,amount,weighted_amount,currency
//   won-lost   period,won_count,won_amount,lost_count,lost_amount,currency
//   pipeline   stage,reached,advanced,rate,stays,average_days
//   employees  employee_id,name,department_id,active,rank,won_count,lost_count,win_rate,
//              won_amount,open_count,open_amount,weighted_pipeline,currency
//   departments department_id,name,parent_id,employees,rank,won_count,lost_count,win_rate,
//              won_amount,open_count,open_amount,weighted_pipeline,currency
//   lifecycle  state,customers,reached,conversion
//   lifecycle-transitions  from,to,count
// competition, expenses, receivables, service, customer-value and products
// answer JSON only (their CSV line items are not defined yet).
// Amounts are decimal strings in the report currency; undefined rates are
// empty cells.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "projections/read_models.h"

namespace dealstream::replay {

enum class QueryFormat { kJson, kCsv };

struct QueryRequest {
  std::string projection;  // one of QueryableProjections()
  projections::AsOf at;
  projections::Filters filters;
  QueryFormat format = QueryFormat::kJson;
  // forecast / won-lost only: month, quarter (default) or year.
  std::optional<std::string> granularity;
};

// The projection names `query` accepts, sorted.
std::vector<std::string> QueryableProjections();

// The rendered answer. Errors: InvalidArgument (unknown projection, bad
// filter or granularity; the message names it), Unavailable.
Result<std::string> RunQuery(const projections::ReadModels& models, const QueryRequest& request);

}  // namespace dealstream::replay
