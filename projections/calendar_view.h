// Activity calendar (DESIGN §3.10): the activities planned for each
// employee — still planned (neither completed nor cancelled) at the query
// instant — with their planned day, flagged overdue when that day is
// before `today` (the clock is passed in; being overdue is derived, never
// an event). Filters: owner (the assignee), department (the assignee's, at
// the instant), period (planned day).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "projections/books.h"
#include "projections/scope.h"

namespace dealstream::projections {

struct CalendarEntry {
  std::string activity_id;
  std::string opportunity_id;
  std::string type;
  std::string subject;
  std::string planned_date;  // YYYY-MM-DD
  bool overdue = false;
};

struct CalendarEmployee {
  std::string employee_id;
  std::vector<CalendarEntry> activities;  // by planned day, then id
  int64_t overdue = 0;
};

struct CalendarView {
  std::vector<CalendarEmployee> employees;  // by employee id
  int64_t planned = 0;
  int64_t overdue = 0;
  uint64_t position = 0;
};

// `today`: the epoch day that counts as today (UTC) for overdue flags.
CalendarView BuildCalendar(const CrmBooks& books, const Scope& scope, int32_t today);

}  // namespace dealstream::projections
