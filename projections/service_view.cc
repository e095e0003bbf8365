#include "projections/service_view.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "codec/value_rules.h"
#include "domain/common/reflect.h"

namespace dealstream::projections {
namespace {

using domain::ServiceRequestStatus;

constexpr double kMicrosPerDayF = static_cast<double>(kMicrosPerDay);

struct Mean {
  int64_t count = 0;
  double sum = 0;
  void Add(double v) {
    ++count;
    sum += v;
  }
  std::optional<double> value() const {
    if (count == 0) return std::nullopt;
    return sum / static_cast<double>(count);
  }
};

// Owner = the assignee, department = the assignee's at the instant, region
// = the customer's.
bool InScope(const CrmBooks& books, const Scope& scope, uint32_t assignee, uint32_t customer) {
  if (!scope.AllowsOwner(assignee)) return false;
  if (scope.departments && !scope.AllowsDepartment(books.org.DepartmentOf(assignee, scope.vis))) {
    return false;
  }
  return !scope.region || books.customers.RegionOf(customer, scope.vis) == *scope.region;
}

template <typename Enum>
std::vector<NamedCount> Named(const std::map<uint8_t, int64_t>& counts) {
  std::vector<NamedCount> out;
  for (const auto& [code, n] : counts) {
    out.push_back({std::string(domain::NameOf(static_cast<Enum>(code))), n});
  }
  return out;
}

void AddCare(const CrmBooks& books, const Scope& scope, int32_t today, ServiceView& view) {
  const Symbols& sym = books.symbols;
  for (const CareActivityRecord& c : books.service.care_activities()) {
    const uint8_t* state = c.state.AsOf(scope.vis);
    if (state == nullptr || static_cast<CareState>(*state) != CareState::kScheduled) continue;
    if (!InScope(books, scope, c.assignee, c.customer) || !scope.months.Contains(MonthOfDay(c.due_day))) {
      continue;
    }
    const bool overdue = c.due_day < today;
    view.care_overdue += overdue;
    view.care_due.push_back({.care_plan_id = std::string(sym.ids.Get(c.plan)),
                             .activity_id = std::string(sym.ids.Get(c.id)),
                             .kind = std::string(domain::NameOf(static_cast<domain::CareKind>(c.kind))),
                             .due_date = codec::FormatDate(domain::Date{c.due_day}),
                             .assignee_id = std::string(sym.ids.Get(c.assignee)),
                             .customer_id = std::string(sym.ids.Get(c.customer)),
                             .overdue = overdue});
  }
  std::sort(view.care_due.begin(), view.care_due.end(), [](const CareDue& x, const CareDue& y) {
    return std::tie(x.due_date, x.care_plan_id, x.activity_id) <
           std::tie(y.due_date, y.care_plan_id, y.activity_id);
  });
}

}  // namespace

ServiceView BuildService(const CrmBooks& books, const Scope& scope, int32_t today) {
  ServiceView view;
  view.position = books.position;
  if (scope.matches_nothing) return view;
  const Visibility& vis = scope.vis;
  const Symbols& sym = books.symbols;
  std::map<uint8_t, int64_t> by_priority, by_type;
  std::map<std::string, int64_t> by_queue;
  struct AssigneeAcc {
    int64_t open = 0;
    Mean days;
  };
  std::map<uint32_t, AssigneeAcc> by_assignee;
  Mean days, satisfaction;

  for (const ServiceRequestRecord& r : books.service.requests()) {
    if (!r.ExistsUnder(vis)) continue;
    const uint32_t* assignee_at = r.assignee.AsOf(vis);
    const uint32_t assignee = assignee_at ? *assignee_at : 0;
    if (!InScope(books, scope, assignee, r.customer)) continue;
    const auto status = static_cast<ServiceRequestStatus>(*r.status.AsOf(vis));
    AssigneeAcc& a = by_assignee[assignee];
    switch (status) {
      case ServiceRequestStatus::kOpen: {
        ++view.open;
        ++a.open;
        ++by_priority[*r.priority.AsOf(vis)];
        ++by_type[r.type];
        ++by_queue[std::string(sym.names.Get(*r.queue.AsOf(vis)))];
        if (r.due_day != kNoDay && r.due_day < today) ++view.overdue;
        continue;
      }
      case ServiceRequestStatus::kResolved: ++view.resolved; break;
      case ServiceRequestStatus::kClosed: ++view.closed; break;
    }
    // Resolved or closed: its latest visible resolution, if in the period.
    const ResolutionEntry* resolution = nullptr;
    for (const ResolutionEntry& e : r.resolutions) {
      if (e.position > vis.max_position) break;
      if (e.time <= vis.max_time.micros()) resolution = &e;
    }
    if (resolution != nullptr && scope.months.Contains(MonthOfTime(resolution->time))) {
      const double d = std::max(0.0, static_cast<double>(resolution->time - r.opened_time) / kMicrosPerDayF);
      days.Add(d);
      a.days.Add(d);
    }
    const auto* rated = r.satisfaction.PointAsOf(vis);
    if (status == ServiceRequestStatus::kClosed && rated != nullptr &&
        rated->value != kNoSatisfaction && scope.months.Contains(MonthOfTime(rated->time))) {
      satisfaction.Add(rated->value);
    }
  }

  view.open_by_priority = Named<domain::ServicePriority>(by_priority);
  view.open_by_type = Named<domain::ServiceRequestType>(by_type);
  for (const auto& [queue, n] : by_queue) view.open_by_queue.push_back({queue, n});
  view.resolutions = days.count;
  view.average_days_to_resolve = days.value();
  view.rated = satisfaction.count;
  view.average_satisfaction = satisfaction.value();
  for (const auto& [assignee, a] : by_assignee) {
    view.assignees.push_back({.assignee_id = std::string(sym.ids.Get(assignee)),
                              .open = a.open,
                              .resolved = a.days.count,
                              .average_days_to_resolve = a.days.value()});
  }
  std::sort(view.assignees.begin(), view.assignees.end(),
            [](const ServiceAssigneeRow& x, const ServiceAssigneeRow& y) { return x.assignee_id < y.assignee_id; });
  AddCare(books, scope, today, view);
  return view;
}

}  // namespace dealstream::projections
