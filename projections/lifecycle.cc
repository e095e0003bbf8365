#include "projections/lifecycle.h"

#include <array>
#include <map>

#include "domain/common/reflect.h"

namespace dealstream::projections {
namespace {

constexpr size_t kStates = 6;  // domain::Lifecycle, churned last
constexpr size_t kLadder = 5;  // target … loyal

std::string StateName(uint8_t s) {
  return std::string(domain::NameOf(static_cast<domain::Lifecycle>(s)));
}

}  // namespace

LifecycleView BuildLifecycle(const CrmBooks& books, const Scope& scope) {
  LifecycleView view;
  view.position = books.position;
  std::array<int64_t, kStates> now{}, highest{};
  std::map<std::pair<uint8_t, uint8_t>, int64_t> transitions;
  const Visibility& vis = scope.vis;
  for (const CustomerRecord& c : books.customers.customers()) {
    if (scope.matches_nothing || !c.ExistsUnder(vis)) continue;
    const uint8_t* status = c.status.AsOf(vis);
    if (status != nullptr && static_cast<CustomerStatus>(*status) == CustomerStatus::kMerged) continue;
    const uint32_t* owner = c.owner.AsOf(vis);
    const uint32_t* dept = c.department.AsOf(vis);
    if (!scope.AllowsOwner(owner ? *owner : 0) || !scope.AllowsDepartment(dept ? *dept : 0)) continue;
    if (scope.region && books.customers.RegionOf(c.id, vis) != *scope.region) continue;
    ++view.customers;
    // The visible lifecycle points, in position order.
    std::optional<uint8_t> previous;
    int top = -1;
    for (const auto& p : c.lifecycle.points()) {
      if (!vis.Sees(p.time, p.position)) continue;
      if (p.value < kLadder) top = std::max<int>(top, p.value);
      if (previous && *previous != p.value && scope.months.Contains(MonthOfTime(p.time))) {
        ++transitions[{*previous, p.value}];
      }
      previous = p.value;
    }
    if (previous && *previous < kStates) ++now[*previous];
    if (top >= 0) ++highest[top];
  }
  int64_t at_least = 0;
  std::array<int64_t, kLadder> reached{};
  for (size_t i = kLadder; i-- > 0;) reached[i] = (at_least += highest[i]);
  for (size_t s = 0; s < kStates; ++s) {
    LifecycleStateRow row{.state = StateName(static_cast<uint8_t>(s)), .customers = now[s]};
    if (s < kLadder) {
      row.reached = reached[s];
      if (s + 1 < kLadder && reached[s] > 0) {
        row.conversion = static_cast<double>(reached[s + 1]) / static_cast<double>(reached[s]);
      }
    }
    view.states.push_back(std::move(row));
  }
  for (const auto& [key, count] : transitions) {
    view.transitions.push_back({StateName(key.first), StateName(key.second), count});
  }
  return view;
}

}  // namespace dealstream::projections
