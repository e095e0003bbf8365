// append_bench: DESIGN §8 P1. Durable appends from 1, 8 and 64 concurrent
// writers into the engine, raw RocksDB and PostgreSQL, side by side in one
// run. Usually started by scripts/bench, which provides the PostgreSQL server.
//
// Usage: append_bench --scratch DIR [--seconds S] [--rounds R]
//          [--writers 1,8,64] [--payload BYTES] [--postgres CONNINFO]
//          [--systems engine_fsync,engine_os,rocksdb_sync,postgres]
//          [--json FILE] [--markdown FILE]
// Exit status: 0 when every run completed (targets met or not), 1 on an
// error (a failed append, a bad flag, unwritable output).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "bench/fsync_probe.h"
#include "bench/harness.h"
#include "bench/p1_report.h"
#include "bench/targets.h"

namespace dealstream::bench {
namespace {

struct Flags {
  std::string scratch;
  double seconds = 3;
  int rounds = 3;
  std::vector<int> writers = {1, 8, 64};
  size_t payload = 300;
  std::string postgres;
  // Which systems run; empty means all (postgres only with --postgres).
  std::vector<std::string> systems;
  std::string json_path;
  std::string markdown_path;
};

Result<std::vector<int>> ParseList(const std::string& text) {
  std::vector<int> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    const int v = std::atoi(text.substr(start, comma - start).c_str());
    if (v <= 0 || v > 1024) return Status::InvalidArgument("--writers wants 1-1024 per entry");
    out.push_back(v);
    start = comma + 1;
  }
  return out;
}

Result<Flags> ParseFlags(int argc, char** argv) {
  Flags f;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--scratch") {
      f.scratch = value();
    } else if (arg == "--seconds") {
      f.seconds = std::atof(value().c_str());
    } else if (arg == "--rounds") {
      f.rounds = std::atoi(value().c_str());
    } else if (arg == "--writers") {
      auto list = ParseList(value());
      if (!list.ok()) return list.error();
      f.writers = std::move(*list);
    } else if (arg == "--payload") {
      f.payload = static_cast<size_t>(std::atol(value().c_str()));
    } else if (arg == "--postgres") {
      f.postgres = value();
    } else if (arg == "--systems") {
      const std::string list = value();
      for (size_t start = 0; start <= list.size();) {
        const size_t comma = std::min(list.find(',', start), list.size());
        f.systems.push_back(list.substr(start, comma - start));
        start = comma + 1;
      }
    } else if (arg == "--json") {
      f.json_path = value();
    } else if (arg == "--markdown") {
      f.markdown_path = value();
    } else {
      return Status::InvalidArgument("unknown flag " + arg + " (see the comment in append_bench.cc)");
    }
  }
  if (f.scratch.empty()) return Status::InvalidArgument("--scratch DIR is required");
  if (f.seconds <= 0 || f.rounds <= 0) {
    return Status::InvalidArgument("--seconds and --rounds must be positive");
  }
  return f;
}

Status WriteFile(const std::string& path, const std::string& text) {
  if (path.empty()) return Status::Ok();
  std::ofstream out(path, std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Status::Unavailable("cannot write " + path);
  return Status::Ok();
}

Result<P1Report> Run(const Flags& flags) {
  std::error_code ec;
  std::filesystem::create_directories(flags.scratch, ec);
  if (ec) return Status::Unavailable("cannot create " + flags.scratch + ": " + ec.message());
  const TargetConfig config{.scratch_dir = flags.scratch, .payload_bytes = flags.payload};

  P1Report report{.seconds_per_run = flags.seconds,
                  .rounds = flags.rounds,
                  .payload_bytes = flags.payload};
  auto wanted = [&](const char* name) {
    return flags.systems.empty() ||
           std::find(flags.systems.begin(), flags.systems.end(), name) != flags.systems.end();
  };
  std::vector<std::unique_ptr<AppendTarget>> targets;
  if (wanted(kEngine)) targets.push_back(MakeEngineTarget(config, eventstore::Durability::kFsync));
  if (wanted(kEngineOs)) targets.push_back(MakeEngineTarget(config, eventstore::Durability::kOs));
  if (wanted(kRocks)) targets.push_back(MakeRawRocksTarget(config));
  if (!wanted(kPostgres)) {
    // Not asked for: no note.
  } else if (flags.postgres.empty()) {
    report.skipped_note = "PostgreSQL skipped: no --postgres connection string";
  } else if (auto pg = MakePostgresTarget(config, flags.postgres)) {
    targets.push_back(std::move(pg));
  } else {
    report.skipped_note = "PostgreSQL skipped: append_bench was built without libpq";
  }
  if (targets.empty()) return Status::InvalidArgument("--systems names no known system");
  for (const auto& t : targets) report.targets.push_back(t->name());

  auto probe = ProbeFsync(flags.scratch, std::chrono::seconds(1));
  if (!probe.ok()) return probe.error();
  report.fsync = *probe;

  // runs[writer index][target index] = one RunStats per round.
  std::vector<std::vector<std::vector<RunStats>>> runs(
      flags.writers.size(), std::vector<std::vector<RunStats>>(targets.size()));
  for (int round = 0; round < flags.rounds; ++round) {
    for (size_t wi = 0; wi < flags.writers.size(); ++wi) {
      for (size_t k = 0; k < targets.size(); ++k) {
        // Rotate the order each round so no system always runs first (on a
        // cold cache) or last (after the others' background compactions).
        const size_t ti = (k + static_cast<size_t>(round)) % targets.size();
        AppendTarget& target = *targets[ti];
        auto stats = RunWriters(target, flags.writers[wi],
                                std::chrono::duration<double>(flags.seconds));
        if (!stats.ok()) {
          return Status::Unavailable(target.name() + " at " + std::to_string(flags.writers[wi]) +
                                     " writers: " + stats.error().message());
        }
        std::fprintf(stderr,
                     "round %d  %3d writers  %-13s %10.0f events/s  p99 %7.3f ms  %6.1f cpu µs/ev  %s\n",
                     round + 1, flags.writers[wi], target.name().c_str(), stats->events_per_s,
                     stats->p99_ms, stats->cpu_us_per_event, stats->notes.c_str());
        runs[wi][ti].push_back(*stats);
      }
    }
  }

  for (size_t wi = 0; wi < flags.writers.size(); ++wi) {
    WriterRow row{.writers = flags.writers[wi]};
    std::vector<std::vector<double>> ratios(2);
    for (size_t ti = 0; ti < targets.size(); ++ti) {
      const std::vector<RunStats>& r = runs[wi][ti];
      Cell cell;
      std::vector<double> eps, p50, p99, cpu;
      for (const RunStats& s : r) {
        eps.push_back(s.events_per_s);
        p50.push_back(s.p50_ms);
        p99.push_back(s.p99_ms);
        cpu.push_back(s.cpu_us_per_event);
      }
      cell.rounds_events_per_s = eps;
      cell.events_per_s = Median(eps);
      cell.p50_ms = Median(p50);
      cell.p99_ms = Median(p99);
      cell.cpu_us_per_event = Median(cpu);
      cell.notes = r.back().notes;
      row.cells[targets[ti]->name()] = std::move(cell);
    }
    auto ratio = [&](const std::string& other) -> std::optional<double> {
      size_t engine = targets.size(), them = targets.size();
      for (size_t ti = 0; ti < targets.size(); ++ti) {
        if (targets[ti]->name() == kEngine) engine = ti;
        if (targets[ti]->name() == other) them = ti;
      }
      if (engine == targets.size() || them == targets.size()) return std::nullopt;
      std::vector<double> per_round;
      for (int round = 0; round < flags.rounds; ++round) {
        per_round.push_back(runs[wi][engine][round].events_per_s /
                            runs[wi][them][round].events_per_s);
      }
      return Median(per_round);
    };
    row.ratio_vs_rocksdb = ratio(kRocks);
    row.ratio_vs_postgres = ratio(kPostgres);
    report.rows.push_back(std::move(row));
  }
  return report;
}

}  // namespace
}  // namespace dealstream::bench

int main(int argc, char** argv) {
  using namespace dealstream::bench;
  auto flags = ParseFlags(argc, argv);
  if (!flags.ok()) {
    std::fprintf(stderr, "append_bench: %s\n", flags.error().message().c_str());
    return 1;
  }
  auto report = Run(*flags);
  if (!report.ok()) {
    std::fprintf(stderr, "append_bench: %s\n", report.error().message().c_str());
    return 1;
  }
  std::cout << FormatTable(*report) << std::flush;
  for (const dealstream::Status& s :
       {WriteFile(flags->json_path, ToJson(*report).dump(2) + "\n"),
        WriteFile(flags->markdown_path, ToMarkdown(*report))}) {
    if (!s.ok()) {
      std::fprintf(stderr, "append_bench: %s\n", s.message().c_str());
      return 1;
    }
  }
  return 0;
}
