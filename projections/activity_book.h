// ActivityBook: the planned and completed actions on deals (calls, visits,
// demos…), with their assignee, dates, outcome flags and cost, and a status
// Timeline (planned → completed | cancelled), for employee performance and
// the activity calendar as of any instant.
//
// Thread-safety: Apply / Load mutate; const methods may run concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/opportunity/opportunity_events.h"
#include "projections/symbols.h"
#include "projections/timeline.h"

namespace dealstream::projections {

enum class ActivityState : uint8_t { kPlanned = 0, kCompleted = 1, kCancelled = 2 };
std::string_view ActivityStateName(ActivityState s);

struct ActivityRecord {
  uint32_t id = 0;           // Symbols::ids (activity id)
  uint32_t opportunity = 0;  // Symbols::ids
  uint32_t type = 0;         // Symbols::names ("visit", "call"…)
  uint32_t assignee = 0;     // Symbols::ids
  int32_t planned_day = 0;
  int32_t completed_day = 0;     // meaningful once completed
  uint8_t decision_maker_met = 0;
  uint32_t cost_currency = 0;    // Symbols::names, 0 = no cost
  int64_t cost = 0;              // minor units
  std::string subject;
  Timeline<uint8_t> state;       // ActivityState
};

class ActivityBook {
 public:
  explicit ActivityBook(Symbols& symbols) : symbols_(symbols) {}

  void Apply(const EventMeta& meta, const domain::OpportunityEvent& event);

  const std::vector<ActivityRecord>& activities() const { return activities_; }

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  ActivityRecord* Activity(const domain::Id& opportunity, const domain::Id& activity, bool create);

  Symbols& symbols_;
  std::vector<ActivityRecord> activities_;
  // (opportunity code << 32 | activity code) -> index: activity ids are
  // unique within their opportunity.
  std::unordered_map<uint64_t, uint32_t> index_;
};

}  // namespace dealstream::projections
