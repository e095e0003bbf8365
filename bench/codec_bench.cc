// codec_bench: event payload decode throughput of the codec (DESIGN §8 P4,
// projection rebuild >= 1,000,000 events/s: decoding must leave room for
// the projections themselves).
//
// Decodes a realistic mix of opportunity events (opened, stage advanced,
// amount revised; 250-400 byte payloads) on one thread, with the replay
// path (simdjson) and the command path's parser (nlohmann), and measures
// encoding and CloudEvents mapping too. Prints one JSON object; each
// number is the median of 5 runs in events per second of the thread's CPU
// time (the shared benchmark machines are noisy: CPU time shows what one
// core does, whatever else runs), and the simdjson decode once more in
// wall-clock time.
//
// Usage: codec_bench [--events N]   (default 200000 distinct payloads)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "codec/cloudevents.h"
#include "codec/event_codec.h"
#include "codec/json_codec.h"
#include "domain/opportunity/opportunity.h"

namespace {

using dealstream::Timestamp;
using dealstream::codec::EncodedEvent;
using Event = dealstream::domain::OpportunityAggregate::Event;
namespace domain = dealstream::domain;

std::vector<Event> MakeEvents(size_t n) {
  std::vector<Event> events;
  events.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string id = "op-" + std::to_string(i / 8);
    const domain::Money amount{static_cast<int64_t>(1000000 + i * 37), "USD"};
    switch (i % 4) {
      case 0: {
        domain::OpportunityOpened e;
        e.opportunity_id = {id};
        e.customer_id = {"customer-" + std::to_string(i % 5000)};
        e.title = "ERP rollout phase " + std::to_string(i % 7) + " for the eastern region";
        e.source = "trade show";
        e.amount = amount;
        e.expected_close_date = domain::Date{17300 + static_cast<int64_t>(i % 400)};
        e.owner_id = {"emp-" + std::to_string(i % 40)};
        e.department_id = domain::Id{"dept-east"};
        e.product_ids = {{"p-100"}, {"p-200"}};
        e.stage = "Prospecting";
        e.probability = 10;
        e.forecast_category = "pipeline";
        e.opened_by = e.owner_id;
        events.emplace_back(std::move(e));
        break;
      }
      case 3: {
        domain::OpportunityAmountRevised e;
        e.opportunity_id = {id};
        e.amount = amount;
        e.previous_amount = {amount.minor - 5000, "USD"};
        e.stage = "Qualification";
        e.probability = 10;
        events.emplace_back(std::move(e));
        break;
      }
      default: {
        domain::OpportunityStageAdvanced e;
        e.opportunity_id = {id};
        e.stage = "Needs Analysis";
        e.previous_stage = "Qualification";
        e.probability = 20;
        e.previous_probability = 10;
        e.forecast_category = "pipeline";
        e.amount = amount;
        e.planned_date = domain::Date{17310};
        e.reached_on = domain::Date{17312 + static_cast<int64_t>(i % 30)};
        events.emplace_back(std::move(e));
      }
    }
  }
  return events;
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Rate {
  double cpu = 0;   // events per second of thread CPU time
  double wall = 0;  // events per second of wall-clock time
};

// Median rates of 5 runs of `fn`, which processes `n` events per call.
Rate Measure(size_t n, const std::function<void()>& fn) {
  std::vector<double> cpu, wall;
  for (int run = 0; run < 5; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = ThreadCpuSeconds();
    fn();
    const double cpu_took = ThreadCpuSeconds() - cpu_start;
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    cpu.push_back(static_cast<double>(n) / cpu_took);
    wall.push_back(static_cast<double>(n) / took.count());
  }
  std::sort(cpu.begin(), cpu.end());
  std::sort(wall.begin(), wall.end());
  return {cpu[2], wall[2]};
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = 200000;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--events") == 0) n = std::strtoull(argv[i + 1], nullptr, 10);
  }
  const std::vector<Event> events = MakeEvents(n);
  std::vector<EncodedEvent> encoded;
  encoded.reserve(n);
  size_t bytes = 0;
  for (const Event& e : events) {
    encoded.push_back(dealstream::codec::EncodeEvent(e));
    bytes += encoded.back().data.size();
  }

  size_t failures = 0;
  const Rate fast = Measure(n, [&] {
    for (const EncodedEvent& e : encoded) {
      failures += !dealstream::codec::DecodeEvent<Event>(e.type, e.schema_version, e.data).ok();
    }
  });
  const Rate nlohmann = Measure(n, [&] {
    for (size_t i = 0; i < n; ++i) {
      const auto* info = dealstream::codec::FindAlternative(
          dealstream::codec::AlternativesOf<Event>(), encoded[i].type);
      auto out = info->info->make();
      failures += dealstream::codec::DecodeJson(encoded[i].data, *info->info, out.get(),
                                                {.allow_negative_money = true})
                      .has_value();
    }
  });
  const Rate encode = Measure(n, [&] {
    for (const Event& e : events) bytes += dealstream::codec::EncodeEvent(e).data.size() & 1;
  });
  dealstream::eventstore::RecordedEvent recorded{
      .stream = *dealstream::eventstore::StreamName::Make("opportunity", "op-1")};
  const Rate cloudevents = Measure(n, [&] {
    for (const EncodedEvent& e : encoded) {
      recorded.type = e.type;
      recorded.data = e.data;
      bytes += dealstream::codec::ToCloudEventJson(recorded).size() & 1;
    }
  });
  if (failures != 0) {
    std::fprintf(stderr, "codec_bench: %zu decodes failed\n", failures);
    return 1;
  }
  std::printf(
      "{\"events\": %zu, \"avg_payload_bytes\": %zu, \"decode_simdjson_events_per_s\": %.0f, "
      "\"decode_nlohmann_events_per_s\": %.0f, \"encode_events_per_s\": %.0f, "
      "\"cloudevents_json_events_per_s\": %.0f, \"decode_simdjson_wall_events_per_s\": %.0f}\n",
      n, bytes / n, fast.cpu, nlohmann.cpu, encode.cpu, cloudevents.cpu, fast.wall);
  return 0;
}
