#include "api/metrics.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>

namespace dealstream::api {
namespace {

std::string FormatNumber(double value) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buf[64];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", value);
  } else {
    std::snprintf(buf, sizeof buf, "%.9g", value);
  }
  return buf;
}

std::string StatusClass(int status) { return std::to_string(status / 100) + "xx"; }

}  // namespace

std::string LabelValue(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out.push_back(c);
  }
  out.push_back('"');
  return out;
}

void AppendSample(std::string* out, std::string_view name, std::string_view labels, double value) {
  out->append(name);
  if (!labels.empty()) {
    out->push_back('{');
    out->append(labels);
    out->push_back('}');
  }
  out->push_back(' ');
  out->append(FormatNumber(value));
  out->push_back('\n');
}

void Histogram::Observe(double seconds) {
  for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    if (seconds <= kLatencyBuckets[i]) {
      ++buckets_[i];
      break;
    }
  }
  ++count_;
  sum_ += seconds;
}

void Histogram::Render(std::string_view name, std::string_view labels, std::string* out) const {
  const std::string prefix = labels.empty() ? "" : std::string(labels) + ",";
  uint64_t cumulative = 0;
  const std::string bucket = std::string(name) + "_bucket";
  for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    cumulative += buckets_[i];
    AppendSample(out, bucket, prefix + "le=" + LabelValue(FormatNumber(kLatencyBuckets[i])),
                 static_cast<double>(cumulative));
  }
  AppendSample(out, bucket, prefix + "le=\"+Inf\"", static_cast<double>(count_));
  AppendSample(out, std::string(name) + "_sum", labels, sum_);
  AppendSample(out, std::string(name) + "_count", labels, static_cast<double>(count_));
}

void Metrics::ObserveRequest(std::string_view method, std::string_view route, int status,
                             double seconds) {
  std::lock_guard lock(mu_);
  requests_[RequestKey(method, route, StatusClass(status))].Observe(seconds);
}

void Metrics::ObserveCommand(std::string_view outcome, double seconds) {
  std::lock_guard lock(mu_);
  commands_[std::string(outcome)].Observe(seconds);
}

void Metrics::AddCollector(Collector collector) {
  std::lock_guard lock(mu_);
  collectors_.push_back(std::move(collector));
}

uint64_t Metrics::RequestCount(std::string_view method, std::string_view route,
                               std::string_view status_class) const {
  std::lock_guard lock(mu_);
  auto it = requests_.find(RequestKey(method, route, status_class));
  return it == requests_.end() ? 0 : it->second.count();
}

std::string Metrics::Render() const {
  std::string out;
  std::vector<Collector> collectors;
  {
    std::lock_guard lock(mu_);
    out += "# HELP dealstream_http_requests_total HTTP requests answered, by route pattern and status class.\n";
    out += "# TYPE dealstream_http_requests_total counter\n";
    for (const auto& [key, histogram] : requests_) {
      const auto& [method, route, status_class] = key;
      AppendSample(&out, "dealstream_http_requests_total",
                   "method=" + LabelValue(method) + ",route=" + LabelValue(route) +
                       ",status_class=" + LabelValue(status_class),
                   static_cast<double>(histogram.count()));
    }
    out += "# HELP dealstream_http_request_duration_seconds Time from a complete request to its response headers.\n";
    out += "# TYPE dealstream_http_request_duration_seconds histogram\n";
    for (const auto& [key, histogram] : requests_) {
      const auto& [method, route, status_class] = key;
      histogram.Render("dealstream_http_request_duration_seconds",
                       "method=" + LabelValue(method) + ",route=" + LabelValue(route) +
                           ",status_class=" + LabelValue(status_class),
                       &out);
    }
    out += "# HELP dealstream_command_duration_seconds Time from submitting a command until it is durable or refused.\n";
    out += "# TYPE dealstream_command_duration_seconds histogram\n";
    for (const auto& [outcome, histogram] : commands_) {
      histogram.Render("dealstream_command_duration_seconds", "outcome=" + LabelValue(outcome), &out);
    }
    collectors = collectors_;
  }
  for (const Collector& collector : collectors) collector(&out);
  return out;
}

}  // namespace dealstream::api
