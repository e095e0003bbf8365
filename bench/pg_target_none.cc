// Built instead of pg_target.cc when libpq is missing, so that a machine
// without libpq-dev still builds the benchmark (the PostgreSQL rows are then
// reported as skipped).
#include "bench/targets.h"

namespace dealstream::bench {

std::unique_ptr<AppendTarget> MakePostgresTarget(const TargetConfig&, const std::string&) {
  return nullptr;
}

}  // namespace dealstream::bench
