// The P1 results: the text table printed to the terminal, the JSON fragment
// merged into build/bench/results.json and the markdown fragment merged into
// docs/benchmarks.md (see scripts/bench).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/fsync_probe.h"

namespace dealstream::bench {

inline constexpr char kEngine[] = "engine_fsync";
inline constexpr char kEngineOs[] = "engine_os";
inline constexpr char kRocks[] = "rocksdb_sync";
inline constexpr char kPostgres[] = "postgres";

// Medians over the rounds of one system at one writer count.
struct Cell {
  double events_per_s = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  // Of the bench process only; for PostgreSQL that leaves out the server.
  double cpu_us_per_event = 0;
  std::vector<double> rounds_events_per_s;  // every round, in run order
  std::string notes;
};

struct WriterRow {
  int writers = 0;
  std::map<std::string, Cell> cells;  // by target name
  // Medians of the per-round ratios engine_fsync / other; empty when the
  // other system did not run.
  std::optional<double> ratio_vs_rocksdb;
  std::optional<double> ratio_vs_postgres;
};

struct P1Report {
  double seconds_per_run = 0;
  int rounds = 0;
  size_t payload_bytes = 0;
  std::vector<std::string> targets;  // in table order
  std::vector<WriterRow> rows;       // ascending writer counts
  std::optional<FsyncProbe> fsync;
  std::string skipped_note;  // why a system did not run, if one did not
};

std::string FormatTable(const P1Report& report);
// {"P1": {...}}: the headline at the largest writer count plus every detail.
nlohmann::ordered_json ToJson(const P1Report& report);
std::string ToMarkdown(const P1Report& report);

}  // namespace dealstream::bench
