// projection_bench: the read side's targets of DESIGN §8.
//
//   --mode p4   P4, rebuild of all projections from the log: a realistic
//               history (~13 events per deal) is written to a RocksDB log,
//               then folded from position 1 into a fresh CrmProjection
//               exactly as ProjectionWorker::Rebuild does (read, decode,
//               apply). Reports events per second (median of rounds).
//   --mode p5   P5, time travel: (a) one opportunity with 1,000 events as of
//               random instants through RecordStates (cold: first query;
//               warm: the median); (b) the funnel as of random dates over a
//               history of --events events (median and maximum). Also writes
//               P6 (resident memory of that projection state) when asked.
//
// Usage: projection_bench --mode p4|p5 --scratch DIR [--events N]
//          [--rounds R] [--json F] [--markdown F] [--p6-json F] [--p6-markdown F]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "eventstore/log_fold.h"
#include "eventstore/rocks_event_log.h"
#include "projection_workload.h"
#include "projections/crm_projection.h"
#include "projections/funnel.h"
#include "projections/projection_fold.h"
#include "projections/record_states.h"
#include "domain/opportunity/opportunity.h"

namespace {

using namespace dealstream;
using Clock = std::chrono::steady_clock;

struct Args {
  std::string mode, scratch, json, markdown, p6_json, p6_markdown;
  uint64_t events = 0;
  int rounds = 3;
  bool reuse = false;  // --reuse 1: keep a scratch log that already holds --events
};

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}
long RssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6)) / 1024;
  }
  return -1;
}
void WriteFile(const std::string& path, const std::string& text) {
  if (path.empty()) return;
  std::ofstream(path) << text;
}

std::unique_ptr<eventstore::RocksEventLog> OpenLog(const std::string& path) {
  auto log = eventstore::RocksEventLog::Open({.path = path, .durability = eventstore::Durability::kOs});
  if (!log.ok()) {
    std::fprintf(stderr, "projection_bench: %s\n", log.error().ToString().c_str());
    std::exit(2);
  }
  return std::move(*log);
}

std::unique_ptr<eventstore::RocksEventLog> FreshLog(const std::string& path) {
  std::filesystem::remove_all(path);
  return OpenLog(path);
}

int RunP4(const Args& a) {
  const uint64_t target = a.events ? a.events : 2000000;
  std::unique_ptr<eventstore::RocksEventLog> log;
  if (a.reuse) {
    log = OpenLog(a.scratch + "/p4-log");
    if (log->Head().position.value < target) log.reset();  // too short: write it again
  }
  if (!log) {
    log = FreshLog(a.scratch + "/p4-log");
    bench::Workload workload;
    bench::AsyncAppender append(*log);
    uint64_t written = 0;
    workload.EmitOrganisation([&](auto s, auto e) { written += e.size(); append(std::move(s), std::move(e)); });
    while (written < target) {
      written += workload.EmitDeal([&](auto s, auto e) { append(std::move(s), std::move(e)); });
    }
    if (!append.Drain()) return 2;
  }
  const uint64_t head = log->Head().position.value;
  std::fprintf(stderr, "p4: %llu events written\n", static_cast<unsigned long long>(head));

  // Side by side in each round: the log read alone, allocating a fresh
  // event per record (`ReadAll`) and decoding into reused chunks
  // (`ReadAllInto`); the rebuild on one thread (read then apply), with the
  // read-ahead fold (`FoldLog`: read on a second thread, chunks reused),
  // and as `ProjectionWorker::Rebuild` does it now (`FoldInto`: the same
  // with the payloads' decoding shared between the two threads).
  struct Rates {
    std::vector<double> wall, cpu;
  };
  Rates read_alloc, read_reuse, serial, folded, prepared;
  uint64_t undecodable = 0;
  auto timed = [&](Rates& into, const auto& body) {
    const double cpu0 = CpuSeconds();
    const auto t0 = Clock::now();
    if (!body()) std::exit(2);
    into.wall.push_back(static_cast<double>(head) / Seconds(t0, Clock::now()));
    into.cpu.push_back(static_cast<double>(head) / (CpuSeconds() - cpu0));
  };
  for (int r = 0; r < a.rounds; ++r) {
    timed(read_alloc, [&] {
      for (uint64_t next = 1; next <= head;) {
        auto read = log->ReadAll(eventstore::GlobalPosition{next}, 4096, {});
        if (!read.ok()) return false;
        next = read->next.value;
      }
      return true;
    });
    timed(read_reuse, [&] {
      eventstore::EventChunk chunk;
      for (uint64_t next = 1; next <= head; next = chunk.next.value) {
        if (!log->ReadAllInto(eventstore::GlobalPosition{next}, 4096, {}, &chunk).ok()) return false;
      }
      return true;
    });
    timed(serial, [&] {
      projections::CrmProjection projection;
      for (uint64_t next = 1; next <= head;) {
        auto read = log->ReadAll(eventstore::GlobalPosition{next}, 4096, {});
        if (!read.ok()) return false;
        for (const auto& e : read->events) projection.Apply(e);
        next = read->next.value;
      }
      return true;
    });
    timed(folded, [&] {
      projections::CrmProjection projection;
      auto end = eventstore::FoldLog(*log, 1, head, 4096, [&](auto events) {
        for (const auto& e : events) projection.Apply(e);
        return true;
      });
      return end.ok() && *end == head + 1;
    });
    timed(prepared, [&] {
      projections::CrmProjection projection;
      auto end = projections::FoldInto(projection, *log, 1, head, 4096);
      undecodable = projection.stats().undecodable;
      return end.ok() && *end == head + 1;
    });
    std::fprintf(stderr,
                 "p4 round %d: rebuild %.0f events/s (applier decodes %.0f; one thread %.0f; "
                 "read %.0f, reused %.0f)\n",
                 r, prepared.wall.back(), folded.wall.back(), serial.wall.back(),
                 read_alloc.wall.back(), read_reuse.wall.back());
  }
  const double rate = Median(prepared.wall);
  char json[640];
  std::snprintf(json, sizeof json,
                "{\"P4\": {\"events\": %llu, \"events_per_s\": %.0f, \"events_per_cpu_s\": %.0f, "
                "\"read_ahead_events_per_s\": %.0f, "
                "\"one_thread_events_per_s\": %.0f, \"read_only_events_per_s\": %.0f, "
                "\"read_reused_events_per_s\": %.0f, \"undecodable\": %llu}}\n",
                static_cast<unsigned long long>(head), rate, Median(prepared.cpu),
                Median(folded.wall), Median(serial.wall),
                Median(read_alloc.wall), Median(read_reuse.wall),
                static_cast<unsigned long long>(undecodable));
  WriteFile(a.json, json);
  char md[4096];
  std::snprintf(md, sizeof md,
                "## P4 — rebuild all projections from the log\n\n"
                "Target: >= 1,000,000 events/s: **%s** (%.2fx the target; per CPU second "
                "%.2fx). A history of %llu events (departments, employees, "
                "customers, deals with stage moves, revisions, planned and completed activities, "
                "closings) in a RocksDB log, folded from position 1 into a fresh CrmProjection as "
                "`ProjectionWorker::Rebuild` does (`FoldInto`): `FoldLog` reads chunks of 4,096 "
                "into reused buffers on one thread while the other applies the previous chunk, and "
                "the payloads' decoding (`CrmProjection::PrepareEvent`: codec decode with simdjson "
                "and upcasters) is shared — the reading thread decodes from a handed-on chunk's "
                "end while the applier decodes and routes from its start. Side by side in each "
                "round: the read-ahead fold with every payload decoded by the applier (the rebuild "
                "before the sharing), the same fold on one thread with a fresh event per record, "
                "and the log read alone both ways. Median of %d rounds.\n\n"
                "| measure | events/s (wall) | per CPU second | vs. one thread |\n|---|---:|---:|---:|\n"
                "| rebuild, `FoldInto` (read ahead, decoding shared) | %.0f | %.0f | %.2fx |\n"
                "| rebuild, `FoldLog` read ahead, the applier decodes | %.0f | %.0f | %.2fx |\n"
                "| rebuild on one thread, `ReadAll` then apply | %.0f | %.0f | 1.00x |\n"
                "| log read alone, `ReadAllInto` (chunks reused) | %.0f | %.0f | |\n"
                "| log read alone, `ReadAll` (fresh events) | %.0f | %.0f | |\n",
                rate >= 1e6 ? "met" : "NOT met", rate / 1e6, Median(prepared.cpu) / 1e6,
                static_cast<unsigned long long>(head), a.rounds, rate, Median(prepared.cpu),
                rate / Median(serial.wall), Median(folded.wall), Median(folded.cpu),
                Median(folded.wall) / Median(serial.wall), Median(serial.wall), Median(serial.cpu),
                Median(read_reuse.wall), Median(read_reuse.cpu), Median(read_alloc.wall),
                Median(read_alloc.cpu));
  WriteFile(a.markdown, md);
  std::printf("%s", json);
  return 0;
}

int RunP5(const Args& a) {
  // (a) One record with 1,000 events.
  auto log = FreshLog(a.scratch + "/p5-record-log");
  bench::Workload workload;
  bench::AsyncAppender append(*log);
  workload.EmitLongDeal("opp-long", 1000, [&](auto s, auto e) { append(std::move(s), std::move(e)); });
  if (!append.Drain()) return 2;
  projections::RecordStates states(*log);
  std::mt19937_64 rng(7);
  auto random_time = [&] {
    return Timestamp::FromMicros(workload.first_time() +
                                 static_cast<int64_t>(rng() % 1000) * 86400LL * 1000000LL);
  };
  auto t0 = Clock::now();
  auto cold = states.StateOf<domain::OpportunityAggregate>("opp-long", {.max_time = random_time()});
  const double cold_ms = Seconds(t0, Clock::now()) * 1000;
  if (!cold.ok() || !cold->has_value()) return 2;
  std::vector<double> record_ms;
  for (int i = 0; i < 501; ++i) {
    const projections::Visibility vis{.max_time = random_time()};
    t0 = Clock::now();
    auto s = states.StateOf<domain::OpportunityAggregate>("opp-long", vis);
    record_ms.push_back(Seconds(t0, Clock::now()) * 1000);
    if (!s.ok()) return 2;
  }

  // (b) The funnel as of any date over a large history: ~10 events per
  // deal, so 10M events are 1M opportunities (DESIGN P5, P6), the shape
  // gen_history writes for P8.
  const uint64_t target = a.events ? a.events : 10000000;
  workload = bench::Workload({.stage_steps = 2});
  projections::CrmProjection projection;
  uint64_t position = 0;
  const long rss_before = RssMb();
  auto feed = [&](eventstore::StreamName stream, std::vector<eventstore::ProposedEvent> events) {
    for (auto& p : events) {
      eventstore::RecordedEvent r{.position = {++position}, .stream = stream};
      r.type = std::move(p.type);
      r.subject = std::move(p.subject);
      r.time = *p.time;
      r.recorded_time = Timestamp::FromMicros(1700000000000000LL + static_cast<int64_t>(position));
      r.schema_version = p.schema_version;
      r.data = std::move(p.data);
      projection.Apply(r);
    }
  };
  t0 = Clock::now();
  workload.EmitOrganisation(feed);
  while (position < target) workload.EmitDeal(feed);
  const double build_s = Seconds(t0, Clock::now());
  const long rss_after = RssMb();
  const auto& books = projection.books();
  const size_t deals = books.opportunities.deals().size();
  std::fprintf(stderr, "p5: %llu events, %zu deals folded in %.1f s; RSS %ld MB\n",
               static_cast<unsigned long long>(position), deals, build_s, rss_after);

  std::vector<double> funnel_ms;
  int64_t checksum = 0;
  for (int i = 0; i < 21; ++i) {
    const int64_t span = workload.last_time() - workload.first_time();
    projections::Visibility vis{
        .max_time = Timestamp::FromMicros(workload.first_time() + span * i / 20)};
    if (i % 4 == 3) vis.max_position = 1 + rng() % position;  // as_of and known_at combined
    t0 = Clock::now();
    auto scope = projections::ResolveScope(books, vis, {});
    const projections::FunnelView f = projections::BuildFunnel(books, *scope);
    funnel_ms.push_back(Seconds(t0, Clock::now()) * 1000);
    checksum += f.open.count + f.won.count;
  }
  t0 = Clock::now();
  auto now_scope = projections::ResolveScope(books, projections::Visibility::Now(), {});
  checksum += projections::BuildFunnel(books, *now_scope).open.count;
  const double now_ms = Seconds(t0, Clock::now()) * 1000;

  // Snapshot size and load time: what a restart pays instead of a replay.
  std::string snapshot;
  t0 = Clock::now();
  projection.Save(&snapshot);
  const double save_s = Seconds(t0, Clock::now());
  double load_s = 0;
  {
    projections::CrmProjection restored;
    t0 = Clock::now();
    if (!restored.Load(snapshot).ok()) return 2;
    load_s = Seconds(t0, Clock::now());
  }

  const double record_median = Median(record_ms);
  const double funnel_median = Median(funnel_ms);
  const double funnel_max = *std::max_element(funnel_ms.begin(), funnel_ms.end());
  char json[640];
  std::snprintf(json, sizeof json,
                "{\"P5\": {\"record_events\": 1000, \"record_as_of_ms\": %.3f, "
                "\"record_as_of_cold_ms\": %.3f, \"funnel_events\": %llu, \"funnel_deals\": %zu, "
                "\"funnel_as_of_ms\": %.1f, \"funnel_as_of_max_ms\": %.1f, \"funnel_now_ms\": %.3f}}\n",
                record_median, cold_ms, static_cast<unsigned long long>(position), deals,
                funnel_median, funnel_max, now_ms);
  WriteFile(a.json, json);
  char md[2048];
  std::snprintf(md, sizeof md,
                "## P5 — time travel\n\n"
                "Targets: one record with 1,000 events as of any time <= 1 ms; a funnel as of any "
                "date over 10M events <= 1 s. Record: **%s** (%.2fx the budget); funnel: **%s** "
                "(%.2fx the budget, slowest of 21 dates).\n\n"
                "| measure | result |\n|---|---:|\n"
                "| opportunity with 1,000 events, as of a random day (`RecordStates`, median of 501) | %.3f ms |\n"
                "| the same, first query (stream read and decoded) | %.3f ms |\n"
                "| funnel as of a date, %llu events / %zu deals (median of 21 dates) | %.1f ms |\n"
                "| the same, slowest of the 21 | %.1f ms |\n"
                "| funnel now (incremental cells) | %.3f ms |\n\n"
                "The history was folded in %.1f s (%.0f events/s, in memory, no log read). "
                "Checksum %lld.\n",
                record_median <= 1.0 ? "met" : "NOT met", record_median / 1.0,
                funnel_max <= 1000.0 ? "met" : "NOT met", funnel_max / 1000.0,
                record_median, cold_ms, static_cast<unsigned long long>(position), deals,
                funnel_median, funnel_max, now_ms, build_s, position / build_s,
                static_cast<long long>(checksum));
  WriteFile(a.markdown, md);

  char p6[512];
  std::snprintf(p6, sizeof p6,
                "{\"P6\": {\"opportunities\": %zu, \"events\": %llu, \"rss_bytes\": %lld, "
                "\"projection_bytes\": %lld, \"snapshot_mb\": %.0f, \"snapshot_save_s\": %.2f, "
                "\"snapshot_load_s\": %.2f}}\n",
                deals, static_cast<unsigned long long>(position), rss_after * 1048576LL,
                (rss_after - rss_before) * 1048576LL,
                snapshot.size() / 1048576.0, save_s, load_s);
  WriteFile(a.p6_json, p6);
  char p6md[1024];
  std::snprintf(p6md, sizeof p6md,
                "## P6 — memory of the projections\n\n"
                "Target: 1M opportunities / 10M events <= 2 GB RSS: **%s**. Resident memory of the "
                "benchmark process after folding %llu events (%zu deals) into the CRM projection: "
                "**%ld MB** (%ld MB of it grown by the fold). Its snapshot is %.0f MB, written in "
                "%.2f s and loaded back in %.2f s (what a restart pays instead of a replay).\n",
                rss_after * 1048576.0 <= 2e9 ? "met" : "NOT met", static_cast<unsigned long long>(position), deals, rss_after, rss_after - rss_before,
                snapshot.size() / 1048576.0, save_s, load_s);
  WriteFile(a.p6_markdown, p6md);
  std::printf("%s%s", json, p6);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--mode") a.mode = v;
    else if (k == "--scratch") a.scratch = v;
    else if (k == "--events") a.events = std::stoull(v);
    else if (k == "--rounds") a.rounds = std::max(1, std::stoi(v));
    else if (k == "--json") a.json = v;
    else if (k == "--reuse") a.reuse = v == "1";
    else if (k == "--markdown") a.markdown = v;
    else if (k == "--p6-json") a.p6_json = v;
    else if (k == "--p6-markdown") a.p6_markdown = v;
  }
  if (a.scratch.empty() || (a.mode != "p4" && a.mode != "p5")) {
    std::fprintf(stderr, "usage: projection_bench --mode p4|p5 --scratch DIR [--events N] ...\n");
    return 2;
  }
  std::filesystem::create_directories(a.scratch);
  return a.mode == "p4" ? RunP4(a) : RunP5(a);
}
