// A realistic CRM history for the projection benchmarks (P4, P5, P6):
// departments, employees, customers, and deals that open, move through the
// stages, get revised, carry activities, and close — about ten events per
// deal, business times spread over 2015–2018, encoded by the codec exactly
// as the command side stores them.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "eventstore/event_log.h"
#include "eventstore/types.h"

namespace dealstream::bench {

struct WorkloadOptions {
  uint32_t seed = 42;
  uint32_t departments = 16;
  uint32_t employees = 400;
  uint32_t deals_per_customer = 4;
  // Stage moves per deal, each with a planned and a completed activity.
  // 3 gives ~13 events per deal; 2 gives ~10 (1M deals = 10M events, the
  // size of DESIGN P5, P6 and P8).
  uint32_t stage_steps = 3;
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

// Appends through the log's group commit with up to `window` appends in
// flight, so the log writes them in large batches (one WriteBatch each).
class AsyncAppender {
 public:
  explicit AsyncAppender(eventstore::EventLog& log, int window = 512) : log_(log), window_(window) {}
  void operator()(eventstore::StreamName stream, std::vector<eventstore::ProposedEvent> events);
  // Waits for every append; false if any failed (the first error in *error).
  bool Drain(std::string* error = nullptr);

 private:
  eventstore::EventLog& log_;
  const int window_;
  std::mutex mu_;
  std::condition_variable cv_;
  int in_flight_ = 0;
  std::string error_;
};

}  // namespace dealstream::bench
