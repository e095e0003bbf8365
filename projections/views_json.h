// JSON renderings of the read-model views, for the HTTP API and the CLI
// (`dealstream query … --format json`). One function per view, each in the
// file of its read model's name (funnel_json.cc, …). Shapes follow
// DESIGN §10: Money as {"amount": "125000.00", "currency": "USD"}, rates as
// numbers in [0, 1] or null when undefined, dates "YYYY-MM-DD".
#pragma once

#include <string>

#include "projections/calendar_view.h"
#include "projections/competition.h"
#include "projections/customer_360.h"
#include "projections/customer_value.h"
#include "projections/expenses.h"
#include "projections/receivables.h"
#include "projections/service_view.h"
#include "projections/employees.h"
#include "projections/forecast.h"
#include "projections/funnel.h"
#include "projections/lifecycle.h"
#include "projections/pipeline_analysis.h"
#include "projections/product_performance.h"

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
//  "attainment", "quotes", "expenses", "complaints", "praise"}],
//  "departments": [{"department_id", "name", "parent_id",
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

// {"position", "currency", "deals", "competitors": [{"competitor_id",
//  "name", "deals", "open_count", "open_amount", "won_count", "won_amount",
//  "lost_count", "lost_amount", "win_rate", "loss_reasons": [{"reason",
//  "count"}], "average_quoted_price"}], "loss_reasons": [{"reason",
//  "count", "amount", "to_competitor"}], "products": [{"product_id", "name",
//  "list_price", "quoted": {"count", "average", "min", "max"},
//  "competitors": [{"competitor_id", "competitor_name", "product",
//  "competing_product_id", "catalog_price", "deal_prices"}]}],
//  "other_currencies"}
std::string ToJson(const CompetitionView& view);

// {"position", "currency", "aging_date", "totals": {figures}, "customers":
//  [{"customer_id", "name", figures}], "contracts": [{"contract_id",
//  "customer_id", "owner_id", "department_id", "status", "signed_date",
//  figures, "instalments": [{"instalment_id", "due_date", "amount",
//  "invoiced", "paid", "open", "days_past_due"}]}], "other_currencies"};
//  figures = "contracts", "total", "invoiced", "received", "outstanding",
//  "overdue", "unscheduled", "written_off", "aging": {"current",
//  "days_1_30", "days_31_60", "days_61_90", "over_90"}, "deliveries":
//  {"batches", "shipped", "accepted", "overdue"}
std::string ToJson(const ReceivablesView& view);

// {"position", "currency", "totals": {figures}, "budgets": [{"budget_id",
//  "scope", "scope_id", "period", "start_date", "end_date", "budget",
//  "actual", "pending", "remaining", "utilisation", "over_budget"}],
//  "departments": [{"department_id", "name", figures, "budget"}],
//  "periods": [{"period", figures}], "other_currencies"}; figures =
//  "claims", "actual", "pending", "rejected", "by_category": {category: Money}
std::string ToJson(const ExpensesView& view);

// {"position", "open", "resolved", "closed", "overdue", "open_by_priority",
//  "open_by_queue", "open_by_type" (each {name: count}), "resolutions",
//  "average_days_to_resolve", "rated", "average_satisfaction", "assignees":
//  [{"assignee_id", "open", "resolved", "average_days_to_resolve"}],
//  "care_overdue", "care_due": [{"care_plan_id", "activity_id", "kind",
//  "due_date", "assignee_id", "customer_id", "overdue"}]}
std::string ToJson(const ServiceView& view);

// {"position", "currency", "period": {"start", "end"}, "previous_period",
//  "reference_date", "total_revenue", "previous_total_revenue", "segments":
//  [{"segment", "customers", "revenue"}], "customers": [{"customer_id",
//  "name", "owner_id", "rank", "revenue", "won_count", "previous_revenue",
//  "previous_won_count", "change", "change_ratio", "trend", "share",
//  "cumulative_share", "segment", "lost_count", "lost_amount", "complaints",
//  "overdue_instalments", "value_customer", "changing_value",
//  "problem_customer", "problems"}], "other_currencies"}
std::string ToJson(const CustomerValueView& view);

// {"position", "currency", "products": [{"product_id", "name",
//  "product_line", figures}], "product_lines": [{"product_line",
//  "products", figures}], "unattributed": {"won_count", "won_revenue"},
//  "other_currencies"}; figures = "deals", "open_count", "won_count",
//  "lost_count", "win_rate", "won_revenue", "quoted_lines", "quoted_net",
//  "quoted_list", "discount_depth", "competed_deals", "competitor_pressure"
std::string ToJson(const ProductPerformanceView& view);

// {"position", "customer_id", "name", "status", "lifecycle", "owner_id",
//  "department_id", "region", "industry", "contacts": [{"contact_id",
//  "title", "department", "status", "added_date"}], "opportunities":
//  [{"opportunity_id", "status", "stage", "amount", "expected_close_date",
//  "closed_date", "owner_id", "product_ids"}], "contracts": [{"contract_id",
//  "status", "total", "signed_date", "received", "owner_id"}],
//  "service_requests": [{"request_id", "type", "status", "priority",
//  "opened_date"}], "activities_total", "activities": [{"activity_id",
//  "opportunity_id", "type", "subject", "state", "date", "assignee_id"}]}
std::string ToJson(const Customer360View& view);

}  // namespace dealstream::projections
