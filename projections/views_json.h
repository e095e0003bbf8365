// JSON renderings of the read-model views, for the HTTP API and the CLI
// (`dealstream query … --format json`). One function per view, each in the
// file of its read model's name (funnel_json.cc, …). Shapes follow
// DESIGN §10: Money as {"amount": "125000.00", "currency": "USD"}, rates as
// numbers in [0, 1] or null when undefined, dates "YYYY-MM-DD".
#pragma once

#include <string>

#include "projections/calendar_view.h"
#include "projections/employees.h"
#include "projections/forecast.h"
#include "projections/funnel.h"
#include "projections/lifecycle.h"
#include "projections/pipeline_analysis.h"

namespace dealstream::projections {

// {"position", "currency", "stages": [{"stage", "probability",
//  "forecast_category", "closed", "count", "amount", "weighted_amount"}],
//  "open" | "won" | "lost" | "abandoned": {"count", "amount",
//  "weighted_amount"}, "other_currencies": [{"currency", "count"}]}
std::string ToJson(const FunnelView& view);

// {"position", "currency", "granularity", "rows": [{"period", "category",
//  "count", "amount", "weighted_amount"}], "won_lost": [{"period",
//  "won_count", "won_amount", "lost_count", "lost_amount"}],
//  "other_currencies"}
std::string ToJson(const ForecastView& view);

// {"position", "currency", "employees": [{"employee_id", "name",
//  "department_id", "active", "rank", "won_count", "lost_count", "win_rate",
//  "won_amount", "open_count", "open_amount", "weighted_pipeline",
//  "activities": {type: count}, "decision_maker_meetings", "target",
//  "attainment"}], "departments": [{"department_id", "name", "parent_id",
//  "employees", "rank", …the same figures}], "other_currencies"}
std::string ToJson(const EmployeesView& view);

// {"position", "won", "lost", "win_rate", "won_cycle_days",
//  "lost_cycle_days", "conversions": [{"stage", "reached", "advanced",
//  "rate"}], "days_in_stage": [{"stage", "stays", "average_days"}]}
std::string ToJson(const PipelineAnalysisView& view);

// {"position", "customers", "states": [{"state", "customers", "reached",
//  "conversion"}], "transitions": [{"from", "to", "count"}]}
std::string ToJson(const LifecycleView& view);

// {"position", "planned", "overdue", "employees": [{"employee_id",
//  "overdue", "activities": [{"activity_id", "opportunity_id", "type",
//  "subject", "planned_date", "overdue"}]}]}
std::string ToJson(const CalendarView& view);

}  // namespace dealstream::projections
