// Employee performance (DESIGN §3.4): per employee, and rolled up per
// department subtree — won amount and count, lost count, win rate, open
// pipeline, completed activities by type, decision-maker meetings, quotes,
// expenses, complaints and praise, target and attainment, and a ranking. Definitions: docs/projections.md#employees.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/common/values.h"
#include "projections/books.h"
#include "projections/funnel.h"
#include "projections/scope.h"

namespace dealstream::projections {

// The figures shared by employee rows and department roll-ups.
struct PerformanceFigures {
  int64_t won_count = 0;
  domain::Money won_amount;
  int64_t lost_count = 0;
  std::optional<double> win_rate;  // won / (won + lost); nullopt when both are 0
  int64_t open_count = 0;
  domain::Money open_amount;
  domain::Money weighted_pipeline;
  std::map<std::string, int64_t> activities;  // completed, by activity type
  int64_t decision_maker_meetings = 0;
  std::optional<domain::Money> target;  // Σ targets within the period
  std::optional<double> attainment;     // won_amount / target
  int64_t quotes = 0;                   // quote versions drafted on their deals in the period
  domain::Money expenses;               // their approved (and paid) claims incurred in the period
  int64_t complaints = 0;               // complaints concerning them opened in the period
  int64_t praise = 0;                   // praise concerning them received in the period
};

struct EmployeeRow {
  std::string employee_id;
  std::string name;
  std::string department_id;  // at the query instant
  bool active = true;         // hired and not left at the query instant
  PerformanceFigures figures;
  int32_t rank = 0;  // 1 = highest won amount (then won count); ties share a rank
};

struct DepartmentRollup {
  std::string department_id;
  std::string name;
  std::string parent_id;
  int64_t employees = 0;  // listed employees in the subtree
  PerformanceFigures figures;
  int32_t rank = 0;
};

struct EmployeesView {
  std::string currency;
  std::vector<EmployeeRow> employees;        // by rank, then id
  std::vector<DepartmentRollup> departments;  // by rank, then id
  std::vector<CurrencyCount> other_currencies;
  uint64_t position = 0;
};

EmployeesView BuildEmployees(const CrmBooks& books, const Scope& scope);

// --- Internals shared by employees.cc and employees_business.cc. ---

// Per-employee figures from the competition, expense and service books.
struct BusinessCounts {
  int64_t quotes = 0, expenses = 0, complaints = 0, praise = 0;

  void Add(const BusinessCounts& o) {
    quotes += o.quotes;
    expenses += o.expenses;
    complaints += o.complaints;
    praise += o.praise;
  }
};

// Adds each listed employee's BusinessCounts: `row_of` maps an employee id
// code to its index in `counts`; `currency_name` is the report currency
// (Symbols::names), expenses in others are left out.
void AddBusinessCounts(const CrmBooks& books, const Scope& scope,
                       const std::unordered_map<uint32_t, size_t>& row_of,
                       std::optional<uint32_t> currency_name, std::vector<BusinessCounts>& counts);

}  // namespace dealstream::projections
