// Service (DESIGN §3.7): service requests open, resolved and closed at an
// instant; open ones by priority, queue and assignee; time to resolve and
// satisfaction of requests resolved / closed in the period; overdue open
// requests; and care-plan activities due. Definitions:
// docs/projections.md#service.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "projections/books.h"
#include "projections/scope.h"

namespace dealstream::projections {

struct NamedCount {
  std::string name;
  int64_t count = 0;
};

struct ServiceAssigneeRow {
  std::string assignee_id;  // "" = not assigned
  int64_t open = 0;
  int64_t resolved = 0;  // resolutions in the period
  std::optional<double> average_days_to_resolve;
};

struct CareDue {
  std::string care_plan_id;
  std::string activity_id;
  std::string kind;
  std::string due_date;  // YYYY-MM-DD
  std::string assignee_id;
  std::string customer_id;
  bool overdue = false;
};

struct ServiceView {
  int64_t open = 0, resolved = 0, closed = 0;  // requests by status at the instant
  int64_t overdue = 0;                         // open past their due date
  std::vector<NamedCount> open_by_priority;    // low … urgent
  std::vector<NamedCount> open_by_queue;       // by queue
  std::vector<NamedCount> open_by_type;        // complaint … praise
  int64_t resolutions = 0;                     // in the period
  std::optional<double> average_days_to_resolve;
  int64_t rated = 0;                           // closings in the period with a score
  std::optional<double> average_satisfaction;
  std::vector<ServiceAssigneeRow> assignees;   // by assignee id
  std::vector<CareDue> care_due;               // by due date, then ids
  int64_t care_overdue = 0;
  uint64_t position = 0;
};

// `today`: the epoch day overdue flags are counted against.
ServiceView BuildService(const CrmBooks& books, const Scope& scope, int32_t today);

}  // namespace dealstream::projections
