// ProcessBook: the sales process configurations in force over time, so
// that pipeline views list stages in process order with the probability
// and forecast category the process gives them (as of the query instant).
// Before any configuration event, DESIGN §2.3's default process applies.
//
// Thread-safety: Apply / Load mutate; const methods may run concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/config/sales_process.h"
#include "projections/binary_io.h"
#include "projections/symbols.h"
#include "projections/time_travel.h"

namespace dealstream::projections {

struct ProcessStage {
  std::string name;
  int32_t probability = 0;
  std::string forecast_category;
  bool closed = false;
  bool won = false;  // the closed stage with probability 100
};

class ProcessBook {
 public:
  ProcessBook();

  void Apply(const EventMeta& meta, const domain::SalesProcessConfigured& event);

  // The stages in force under `vis`, in process order.
  const std::vector<ProcessStage>& StagesAsOf(const Visibility& vis) const;

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  struct Version {
    int64_t time = 0;
    uint64_t position = 0;
    std::vector<ProcessStage> stages;
  };
  std::vector<ProcessStage> defaults_;
  std::vector<Version> versions_;  // position order
};

}  // namespace dealstream::projections
