#include "bench/harness.h"

#include <pthread.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace dealstream::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Nearest-rank percentile of sorted latencies, in milliseconds.
double PercentileMs(const std::vector<int64_t>& sorted_ns, double p) {
  if (sorted_ns.empty()) return 0;
  size_t rank = static_cast<size_t>(p * static_cast<double>(sorted_ns.size()) + 0.5);
  rank = std::clamp<size_t>(rank, 1, sorted_ns.size());
  return static_cast<double>(sorted_ns[rank - 1]) / 1e6;
}

double ProcessCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& tv) { return static_cast<double>(tv.tv_sec) + tv.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace

Result<RunStats> RunWriters(AppendTarget& target, int writers,
                            std::chrono::duration<double> duration) {
  if (Status s = target.Prepare(writers); !s.ok()) return s;

  std::atomic<bool> go{false};
  std::atomic<bool> stop{false};
  std::atomic<int> ready{0};
  std::mutex error_mu;
  Status first_error;
  std::vector<std::vector<int64_t>> latencies(static_cast<size_t>(writers));
  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(writers));
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      pthread_setname_np(pthread_self(), "bench-writer");
      std::vector<int64_t>& mine = latencies[static_cast<size_t>(w)];
      mine.reserve(1 << 16);
      ready.fetch_add(1);
      while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
      while (!stop.load(std::memory_order_relaxed)) {
        const Clock::time_point begin = Clock::now();
        Status s = target.Append(w);
        const Clock::time_point end = Clock::now();
        if (!s.ok()) {
          std::lock_guard lock(error_mu);
          if (first_error.ok()) first_error = std::move(s);
          stop.store(true);
          return;
        }
        mine.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(end - begin).count());
      }
    });
  }
  while (ready.load() < writers) std::this_thread::yield();
  const double cpu_start = ProcessCpuSeconds();
  const Clock::time_point start = Clock::now();
  go.store(true, std::memory_order_release);
  std::this_thread::sleep_for(duration);
  stop.store(true);
  for (std::thread& t : threads) t.join();
  // Appends in flight when the clock stopped still finished, so the window
  // ends when the last writer returned.
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const double cpu_seconds = ProcessCpuSeconds() - cpu_start;

  RunStats stats;
  stats.notes = target.Notes();
  Status finished = target.Finish();
  if (!first_error.ok()) return first_error;
  if (!finished.ok()) return finished;

  std::vector<int64_t> all;
  for (const auto& v : latencies) all.insert(all.end(), v.begin(), v.end());
  std::sort(all.begin(), all.end());
  stats.events = all.size();
  stats.seconds = seconds;
  stats.events_per_s = static_cast<double>(all.size()) / seconds;
  stats.p50_ms = PercentileMs(all, 0.50);
  stats.p99_ms = PercentileMs(all, 0.99);
  if (!all.empty()) stats.cpu_us_per_event = cpu_seconds * 1e6 / static_cast<double>(all.size());
  return stats;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace dealstream::bench
