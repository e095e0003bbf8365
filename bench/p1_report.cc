#include "bench/p1_report.h"

#include <cstdio>

namespace dealstream::bench {
namespace {

// DESIGN §8, P1.
constexpr double kTargetEventsPerS = 100000;
constexpr double kTargetVsRocks = 2.5;
constexpr double kTargetVsPostgres = 10;

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string Ratio(const std::optional<double>& r) { return r ? Fixed(*r, 2) + "×" : "n/a"; }

nlohmann::ordered_json OrNull(const std::optional<double>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

const Cell* Find(const WriterRow& row, const std::string& target) {
  auto it = row.cells.find(target);
  return it == row.cells.end() ? nullptr : &it->second;
}

// CPU per event is measured in the bench process, which for PostgreSQL
// leaves out the server: not comparable, so not shown.
std::string Cpu(const std::string& target, const Cell& c) {
  return target == kPostgres ? "n/a" : Fixed(c.cpu_us_per_event, 1);
}

// "met" / "NOT met" for the markdown and the terminal.
std::string Verdict(const std::optional<double>& value, double target) {
  if (!value) return "not measured";
  return *value >= target ? "met" : "NOT met";
}

}  // namespace

std::string FormatTable(const P1Report& report) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "%-8s %-14s %12s %9s %9s %10s  %s\n", "writers", "system",
                "events/s", "p50 ms", "p99 ms", "cpu µs/ev", "notes");
  out += line;
  for (const WriterRow& row : report.rows) {
    for (const std::string& t : report.targets) {
      const Cell* c = Find(row, t);
      if (c == nullptr) continue;
      std::snprintf(line, sizeof line, "%-8d %-14s %12.0f %9.3f %9.3f %10s  %s\n", row.writers,
                    t.c_str(), c->events_per_s, c->p50_ms, c->p99_ms, Cpu(t, *c).c_str(),
                    c->notes.c_str());
      out += line;
    }
  }
  out += "\nratios (median of per-round ratios, engine_fsync / other)\n";
  for (const WriterRow& row : report.rows) {
    std::snprintf(line, sizeof line, "%-8d vs rocksdb_sync %-8s vs postgres %s\n", row.writers,
                  Ratio(row.ratio_vs_rocksdb).c_str(), Ratio(row.ratio_vs_postgres).c_str());
    out += line;
  }
  if (report.fsync) {
    std::snprintf(line, sizeof line,
                  "\nfsync probe (4 KiB + fdatasync): append p50 %.3f ms p99 %.3f ms; "
                  "overwrite p50 %.3f ms p99 %.3f ms\n",
                  report.fsync->append_p50_ms, report.fsync->append_p99_ms,
                  report.fsync->overwrite_p50_ms, report.fsync->overwrite_p99_ms);
    out += line;
  }
  if (!report.skipped_note.empty()) out += "note: " + report.skipped_note + "\n";
  return out;
}

nlohmann::ordered_json ToJson(const P1Report& report) {
  nlohmann::ordered_json p1;
  nlohmann::ordered_json by_writers = nlohmann::ordered_json::object();
  for (const WriterRow& row : report.rows) {
    nlohmann::ordered_json r;
    for (const auto& [name, c] : row.cells) {
      r[name] = {{"events_per_s", c.events_per_s},
                 {"p50_ms", c.p50_ms},
                 {"p99_ms", c.p99_ms},
                 {"cpu_us_per_event", name == kPostgres ? nlohmann::ordered_json(nullptr)
                                                        : nlohmann::ordered_json(c.cpu_us_per_event)},
                 {"rounds_events_per_s", c.rounds_events_per_s},
                 {"notes", c.notes}};
    }
    r["ratio_engine_vs_rocksdb"] = OrNull(row.ratio_vs_rocksdb);
    r["ratio_engine_vs_postgres"] = OrNull(row.ratio_vs_postgres);
    by_writers[std::to_string(row.writers)] = r;
  }
  if (!report.rows.empty()) {
    const WriterRow& top = report.rows.back();
    p1["writers"] = top.writers;
    const std::pair<const char*, const char*> headline[] = {
        {kEngine, "engine"}, {kEngineOs, "engine_os"}, {kRocks, "rocksdb_sync"},
        {kPostgres, "postgres"}};
    for (const auto& [target, prefix] : headline) {
      const Cell* c = Find(top, target);
      const std::string p = prefix;
      p1[p + "_events_per_s"] = c ? nlohmann::ordered_json(c->events_per_s) : nlohmann::ordered_json(nullptr);
      p1[p + "_p50_ms"] = c ? nlohmann::ordered_json(c->p50_ms) : nlohmann::ordered_json(nullptr);
      p1[p + "_p99_ms"] = c ? nlohmann::ordered_json(c->p99_ms) : nlohmann::ordered_json(nullptr);
    }
    p1["ratio_engine_vs_rocksdb"] = OrNull(top.ratio_vs_rocksdb);
    p1["ratio_engine_vs_postgres"] = OrNull(top.ratio_vs_postgres);
    const Cell* engine = Find(top, kEngine);
    p1["targets"] = {{"events_per_s", kTargetEventsPerS},
                     {"ratio_engine_vs_rocksdb", kTargetVsRocks},
                     {"ratio_engine_vs_postgres", kTargetVsPostgres}};
    p1["met"] = {
        {"events_per_s", engine != nullptr && engine->events_per_s >= kTargetEventsPerS},
        {"ratio_engine_vs_rocksdb", top.ratio_vs_rocksdb.value_or(0) >= kTargetVsRocks},
        {"ratio_engine_vs_postgres", top.ratio_vs_postgres.value_or(0) >= kTargetVsPostgres}};
  }
  if (report.fsync) {
    p1["fsync_probe_ms"] = {{"append_p50", report.fsync->append_p50_ms},
                            {"append_p99", report.fsync->append_p99_ms},
                            {"overwrite_p50", report.fsync->overwrite_p50_ms},
                            {"overwrite_p99", report.fsync->overwrite_p99_ms}};
  }
  p1["seconds_per_run"] = report.seconds_per_run;
  p1["rounds"] = report.rounds;
  p1["payload_bytes"] = report.payload_bytes;
  p1["by_writers"] = by_writers;
  if (!report.skipped_note.empty()) p1["note"] = report.skipped_note;
  return {{"P1", p1}};
}

std::string ToMarkdown(const P1Report& report) {
  std::string md = "## P1 — durable appends, in-process\n\n";
  md += "One event per command, " + std::to_string(report.payload_bytes) +
        "-byte payload, every writer blocking until its append is durable. Each cell is the "
        "median of " + std::to_string(report.rounds) + " rounds of " +
        Fixed(report.seconds_per_run, 1) +
        " s; within a round all systems run one after another at the same writer count "
        "(order rotated per round), and ratios are medians of the per-round ratios.\n\n"
        "- `engine_fsync`: `RocksEventLog::Append`, `Durability::kFsync`, own stream per "
        "writer, `ExpectedVersion::Exact`.\n"
        "- `engine_os`: the same with `Durability::kOs` (no fsync; not durable against power "
        "loss), for reference.\n"
        "- `rocksdb_sync`: raw RocksDB, the same three rows per command in one `WriteBatch`, "
        "`sync=true`, written from each writer thread.\n"
        "- `postgres`: one libpq connection per writer, one autocommitted `INSERT` per "
        "event, `UNIQUE (stream_id, version)`, `synchronous_commit=on`.\n"
        "- CPU µs/event: user + system CPU time of the bench process (every thread) per "
        "event. Unlike events/s it barely depends on what else the machine is doing. "
        "Not shown for PostgreSQL, whose work happens in the server processes.\n\n";
  md += "| writers | system | events/s | p50 ms | p99 ms | CPU µs/event | notes |\n";
  md += "|---:|---|---:|---:|---:|---:|---|\n";
  for (const WriterRow& row : report.rows) {
    for (const std::string& t : report.targets) {
      const Cell* c = Find(row, t);
      if (c == nullptr) continue;
      md += "| " + std::to_string(row.writers) + " | `" + t + "` | " + Fixed(c->events_per_s, 0) +
            " | " + Fixed(c->p50_ms, 3) + " | " + Fixed(c->p99_ms, 3) + " | " + Cpu(t, *c) + " | " +
            c->notes + " |\n";
    }
  }
  md += "\n| writers | engine / raw RocksDB | engine / PostgreSQL |\n|---:|---:|---:|\n";
  for (const WriterRow& row : report.rows) {
    md += "| " + std::to_string(row.writers) + " | " + Ratio(row.ratio_vs_rocksdb) + " | " +
          Ratio(row.ratio_vs_postgres) + " |\n";
  }
  if (!report.rows.empty()) {
    const WriterRow& top = report.rows.back();
    const Cell* engine = Find(top, kEngine);
    std::optional<double> eps;
    if (engine != nullptr) eps = engine->events_per_s;
    md += "\nTargets at " + std::to_string(top.writers) + " writers: ≥ 100,000 events/s — " +
          (eps ? Fixed(*eps, 0) : "n/a") + ", " + Verdict(eps, kTargetEventsPerS) +
          "; ≥ 2.5× raw RocksDB — " + Ratio(top.ratio_vs_rocksdb) + ", " +
          Verdict(top.ratio_vs_rocksdb, kTargetVsRocks) + "; ≥ 10× PostgreSQL — " +
          Ratio(top.ratio_vs_postgres) + ", " + Verdict(top.ratio_vs_postgres, kTargetVsPostgres) +
          ".\n";
  }
  if (report.fsync) {
    md += "\nDisk floor (4 KiB write + `fdatasync`, measured in the same run): appending to a "
          "growing file p50 " + Fixed(report.fsync->append_p50_ms, 3) + " ms, p99 " +
          Fixed(report.fsync->append_p99_ms, 3) + " ms; rewriting in place p50 " +
          Fixed(report.fsync->overwrite_p50_ms, 3) + " ms, p99 " +
          Fixed(report.fsync->overwrite_p99_ms, 3) + " ms.\n";
  }
  if (!report.skipped_note.empty()) md += "\nNote: " + report.skipped_note + "\n";
  return md;
}

}  // namespace dealstream::bench
