#include "projections/calendar_view.h"

#include <algorithm>
#include <map>

#include "domain/common/values.h"
#include "codec/value_rules.h"

namespace dealstream::projections {

CalendarView BuildCalendar(const CrmBooks& books, const Scope& scope, int32_t today) {
  CalendarView view;
  view.position = books.position;
  if (scope.matches_nothing) return view;
  const Symbols& sym = books.symbols;
  std::map<uint32_t, std::vector<const ActivityRecord*>> by_assignee;
  for (const ActivityRecord& a : books.activities.activities()) {
    const uint8_t* state = a.state.AsOf(scope.vis);
    if (state == nullptr || static_cast<ActivityState>(*state) != ActivityState::kPlanned) continue;
    if (!scope.AllowsOwner(a.assignee)) continue;
    if (scope.departments && !scope.AllowsDepartment(books.org.DepartmentOf(a.assignee, scope.vis))) {
      continue;
    }
    if (!scope.months.Contains(MonthOfDay(a.planned_day))) continue;
    by_assignee[a.assignee].push_back(&a);
  }
  for (auto& [assignee, list] : by_assignee) {
    std::sort(list.begin(), list.end(), [&](const ActivityRecord* x, const ActivityRecord* y) {
      if (x->planned_day != y->planned_day) return x->planned_day < y->planned_day;
      return sym.ids.Get(x->id) < sym.ids.Get(y->id);
    });
    CalendarEmployee e{.employee_id = std::string(sym.ids.Get(assignee))};
    for (const ActivityRecord* a : list) {
      const bool overdue = a->planned_day < today;
      e.activities.push_back({.activity_id = std::string(sym.ids.Get(a->id)),
                              .opportunity_id = std::string(sym.ids.Get(a->opportunity)),
                              .type = std::string(sym.names.Get(a->type)),
                              .subject = a->subject,
                              .planned_date = codec::FormatDate(domain::Date{a->planned_day}),
                              .overdue = overdue});
      e.overdue += overdue;
    }
    view.planned += static_cast<int64_t>(e.activities.size());
    view.overdue += e.overdue;
    view.employees.push_back(std::move(e));
  }
  std::sort(view.employees.begin(), view.employees.end(),
            [](const CalendarEmployee& a, const CalendarEmployee& b) { return a.employee_id < b.employee_id; });
  return view;
}

}  // namespace dealstream::projections
