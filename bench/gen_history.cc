// gen_history: writes a realistic CRM history into a data directory, fast,
// for the benchmarks at DESIGN sizes (P6, P8: 1M opportunities / 10M
// events). The organisation, customers and deals of bench::Workload go
// through the data directory's real append path — the vaulted log that
// `serve` uses, so personal fields are sealed as in production — with many
// appends in flight, which the log's group commit writes in large batches.
// No HTTP and no command validation: only the log's append API.
//
// Usage: gen_history --data DIR --opportunities N [--stage-steps K] [--seed S]
// Prints one JSON line: {"events": E, "opportunities": N, "seconds": S, ...}.
// DIR must not hold a log yet.
#include <chrono>
#include <cstdio>
#include <string>

#include "projection_workload.h"
#include "replay/data_dir.h"

int main(int argc, char** argv) {
  using namespace dealstream;
  std::string data;
  uint64_t opportunities = 1000000;
  bench::WorkloadOptions options{.stage_steps = 2};
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--data") data = v;
    else if (k == "--opportunities") opportunities = std::stoull(v);
    else if (k == "--stage-steps") options.stage_steps = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--seed") options.seed = static_cast<uint32_t>(std::stoul(v));
    else {
      std::fprintf(stderr, "gen_history: unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (data.empty()) {
    std::fprintf(stderr, "usage: gen_history --data DIR --opportunities N [--stage-steps K] [--seed S]\n");
    return 2;
  }
  auto dir = replay::DataDir::Open(
      {.path = data, .read_only = false, .durability = eventstore::Durability::kOs});
  if (!dir.ok()) {
    std::fprintf(stderr, "gen_history: %s\n", dir.error().ToString().c_str());
    return 2;
  }
  eventstore::EventLog& log = (*dir)->log();
  if (log.Head().position.value != 0) {
    std::fprintf(stderr, "gen_history: %s already holds a log; give an empty directory\n", data.c_str());
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  bench::Workload workload(options);
  bench::AsyncAppender append(log, 1024);
  auto sink = [&](eventstore::StreamName s, std::vector<eventstore::ProposedEvent> e) {
    append(std::move(s), std::move(e));
  };
  workload.EmitOrganisation(sink);
  for (uint64_t i = 0; i < opportunities; ++i) {
    workload.EmitDeal(sink);
    if ((i + 1) % 100000 == 0) {
      std::fprintf(stderr, "gen_history: %llu opportunities, %llu events\n",
                   static_cast<unsigned long long>(i + 1),
                   static_cast<unsigned long long>(log.Head().position.value));
    }
  }
  std::string error;
  if (!append.Drain(&error)) {
    std::fprintf(stderr, "gen_history: an append failed: %s\n", error.c_str());
    return 2;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const uint64_t events = log.Head().position.value;
  std::printf("{\"events\": %llu, \"opportunities\": %llu, \"seconds\": %.1f, \"events_per_s\": %.0f}\n",
              static_cast<unsigned long long>(events),
              static_cast<unsigned long long>(opportunities), seconds, events / seconds);
  return 0;
}
