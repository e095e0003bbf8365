// A realistic CRM history for the projection benchmarks (P4, P5, P6):
// departments, employees, customers, and deals that open, move through the
// stages, get revised, carry activities, and close — about ten events per
// deal, business times spread over 2015–2018, encoded by the codec exactly
// as the command side stores them.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "eventstore/types.h"

namespace dealstream::bench {

struct WorkloadOptions {
  uint32_t seed = 42;
  uint32_t departments = 16;
  uint32_t employees = 400;
  uint32_t deals_per_customer = 4;
};

// One command's worth of events for one stream.
using WorkloadSink =
    std::function<void(eventstore::StreamName stream, std::vector<eventstore::ProposedEvent> events)>;

class Workload {
 public:
  explicit Workload(WorkloadOptions options = {});

  // Emits the organisation (departments, employees) once.
  void EmitOrganisation(const WorkloadSink& sink);
  // Emits one more deal (and its customer when a new one is due); returns
  // the number of events emitted.
  size_t EmitDeal(const WorkloadSink& sink);
  // Emits one opportunity stream with exactly `events` events (opened, then
  // activities and stage moves), for the single-record benchmark.
  void EmitLongDeal(const std::string& id, size_t events, const WorkloadSink& sink);

  // The span of business times the history covers (µs since the epoch).
  int64_t first_time() const;
  int64_t last_time() const;

 private:
  WorkloadOptions options_;
  std::mt19937_64 rng_;
  uint64_t deals_ = 0;
  uint64_t customers_ = 0;
};

}  // namespace dealstream::bench
