// ServiceBook: service requests (customer, type, due date, the employee
// concerned, and Timelines of status, priority, queue, assignee and
// satisfaction, plus every resolution) and the activities of care plans
// (due date, assignee, customer, and a status Timeline), for the service
// read model and employee performance as of any instant.
//
// Thread-safety: Apply / Load mutate; const methods may run concurrently.
#pragma once

#include <cstdint>
#include <limits>
#include <unordered_map>
#include <vector>

#include "domain/service/care_plan.h"
#include "domain/service/service_request.h"
#include "projections/symbols.h"
#include "projections/timeline.h"

namespace dealstream::projections {

enum class CareState : uint8_t { kScheduled = 0, kCompleted = 1, kCancelled = 2 };

inline constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();
inline constexpr int32_t kNoSatisfaction = -1;

// A resolution of a request (a reopened request can be resolved again).
struct ResolutionEntry {
  int64_t time = 0;
  uint64_t position = 0;
};

struct ServiceRequestRecord {
  uint32_t id = 0;        // Symbols::ids
  uint32_t customer = 0;  // Symbols::ids
  uint32_t concerns = 0;  // Symbols::ids: the employee it concerns, 0 = none
  uint8_t type = 0;       // domain::ServiceRequestType
  int32_t due_day = kNoDay;
  int64_t opened_time = 0;
  uint64_t opened_position = 0;
  Timeline<uint8_t> status;    // domain::ServiceRequestStatus
  Timeline<uint8_t> priority;  // domain::ServicePriority
  Timeline<uint32_t> queue;    // Symbols::names
  Timeline<uint32_t> assignee; // Symbols::ids, 0 = none
  Timeline<int32_t> satisfaction;  // 1–5 at closing, kNoSatisfaction = not given
  std::vector<ResolutionEntry> resolutions;  // position order

  bool ExistsUnder(const Visibility& vis) const {
    return opened_position != 0 && vis.Sees(opened_time, opened_position);
  }
};

struct CareActivityRecord {
  uint32_t plan = 0;      // Symbols::ids
  uint32_t id = 0;        // Symbols::ids (unique within the plan)
  uint8_t kind = 0;       // domain::CareKind
  int32_t due_day = 0;
  uint32_t assignee = 0;  // Symbols::ids
  uint32_t customer = 0;  // Symbols::ids
  Timeline<uint8_t> state;  // CareState
};

class ServiceBook {
 public:
  explicit ServiceBook(Symbols& symbols) : symbols_(symbols) {}

  void Apply(const EventMeta& meta, const domain::ServiceRequestAggregate::Event& event);
  void Apply(const EventMeta& meta, const domain::CarePlanAggregate::Event& event);

  const std::vector<ServiceRequestRecord>& requests() const { return requests_; }
  const std::vector<CareActivityRecord>& care_activities() const { return care_; }

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  ServiceRequestRecord& Request(std::string_view id);
  CareActivityRecord& Care(std::string_view plan, std::string_view activity);

  Symbols& symbols_;
  std::vector<ServiceRequestRecord> requests_;
  std::vector<CareActivityRecord> care_;
  std::unordered_map<uint32_t, uint32_t> request_index_;
  std::unordered_map<uint64_t, uint32_t> care_index_;  // plan << 32 | activity
};

}  // namespace dealstream::projections
