// Metrics: counters and latency histograms, rendered in the Prometheus text
// exposition format (version 0.0.4) for GET /metrics.
//
// Built in:
//   dealstream_http_requests_total{method,route,status_class}
//   dealstream_http_request_duration_seconds{method,route,status_class}  histogram
//   dealstream_command_duration_seconds{outcome}  histogram: from handing a
//       command to the command service until it is durable or refused
//       (append latency including the group-commit wait)
// Other modules add their own families with AddCollector (group-commit
// counters of the log, projection lag, live-feed clients…).
//
// Thread-safety: all methods may be called concurrently.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace dealstream::api {

// Upper bounds of the latency buckets, in seconds (plus +Inf).
inline constexpr std::array<double, 14> kLatencyBuckets = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

class Histogram {
 public:
  void Observe(double seconds);
  // Appends "<name>_bucket{labels,le=…} n" lines, _sum and _count.
  void Render(std::string_view name, std::string_view labels, std::string* out) const;
  uint64_t count() const { return count_; }

 private:
  std::array<uint64_t, kLatencyBuckets.size()> buckets_{};  // non-cumulative
  uint64_t count_ = 0;
  double sum_ = 0;
};

class Metrics {
 public:
  void ObserveRequest(std::string_view method, std::string_view route, int status, double seconds);
  void ObserveCommand(std::string_view outcome, double seconds);

  // Appends whole metric families (with # HELP and # TYPE) to `out`. Runs
  // on every scrape; must be quick and thread-safe.
  using Collector = std::function<void(std::string* out)>;
  void AddCollector(Collector collector);

  std::string Render() const;

  // Count of requests observed with these labels (for tests).
  uint64_t RequestCount(std::string_view method, std::string_view route,
                        std::string_view status_class) const;

 private:
  using RequestKey = std::tuple<std::string, std::string, std::string>;
  mutable std::mutex mu_;
  std::map<RequestKey, Histogram> requests_;
  std::map<std::string, Histogram> commands_;
  std::vector<Collector> collectors_;
};

// Formats one sample line: name{labels} value\n. `labels` is the inside of
// the braces, already escaped (see LabelValue), or empty.
void AppendSample(std::string* out, std::string_view name, std::string_view labels, double value);
// A label value escaped for the exposition format, quoted.
std::string LabelValue(std::string_view value);

}  // namespace dealstream::api
