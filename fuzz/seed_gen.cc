// Writes the seed corpora under fuzz/corpus/ (run by hand after adding
// command or event types, then commit the files):
//   ds_fuzz_seed_gen fuzz/corpus
// Command and event seeds are the valid sample of every registered type
// (the one the codec tests check, tests/codec/sample_values.h) plus the
// company and the version-1 payload of the API and codec tests; HTTP and
// query seeds are requests taken from tests/api and the OpenAPI examples.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "codec/cloudevents.h"
#include "codec/event_codec.h"
#include "codec/json_codec.h"
#include "codec/registry.h"
#include "eventstore/record_codec.h"
#include "sample_values.h"

namespace dealstream::fuzz {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& dir, const std::string& name, std::string_view bytes) {
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string Byte(size_t value) { return std::string(1, static_cast<char>(value & 0xff)); }

void CommandSeeds(const fs::path& dir) {
  // Numbered as command_fuzzer.cc does: registered names, sorted.
  std::vector<std::string> types;
  for (const codec::CommandType& type : codec::DomainRegistry().commands()) {
    types.emplace_back(type.name);
  }
  std::sort(types.begin(), types.end());
  auto index_of = [&types](std::string_view type) {
    return static_cast<size_t>(std::find(types.begin(), types.end(), type) - types.begin());
  };
  for (const codec::CommandType& command : codec::DomainRegistry().commands()) {
    std::shared_ptr<void> sample = command.info->make();
    codec::testing::FillSample(*command.info, sample.get());
    Write(dir, std::string(command.name),
          Byte(index_of(command.name)) + codec::EncodeJson(*command.info, sample.get()));
  }
  // A sequence: a company, a deal, and a step of its process.
  const std::pair<const char*, const char*> company[] = {
      {"CreateDepartment", R"({"id":"hq","name":"HQ"})"},
      {"HireEmployee", R"({"id":"ann","name":"Ann","department_id":"hq","role":"sales"})"},
      {"RegisterCustomer", R"({"id":"c1","name":"One","owner_id":"ann"})"},
      {"OpenOpportunity", R"({"id":"o1","customer_id":"c1","title":"A","owner_id":"ann",)"
                          R"("amount":{"amount":"1000.00","currency":"USD"},)"
                          R"("expected_close_date":"2030-01-31"})"},
      {"AdvanceOpportunityStage", R"({"opportunity_id":"o1","stage":"Qualification",)"
                                  R"("occurred_at":"2029-01-02T10:00:00Z"})"},
  };
  std::string sequence;
  for (const auto& [type, body] : company) {
    if (!sequence.empty()) sequence += '\x1e';
    sequence += Byte(index_of(type)) + body;
  }
  Write(dir, "sequence-company", sequence);
}

eventstore::RecordedEvent Record(const codec::EventType& type, const codec::EncodedEvent& encoded) {
  eventstore::RecordedEvent e{
      .position = {7},
      .stream = *eventstore::StreamName::Make(type.category, "id-1"),
      .version = {3},
      .id = "0190f5c2-6a1e-7b3c-8d4e-5f6a7b8c9d0e",
      .type = encoded.type,
      .subject = "id-1",
      .time = Timestamp::FromMicros(1488360600123456),
      .recorded_time = Timestamp::FromMicros(1488360600223456),
      .schema_version = encoded.schema_version,
      .data = encoded.data,
      .metadata = {.actor = "ann", .correlation_id = "c-1", .causation_id = "", .command = "X"}};
  e.prev_hash.fill(0x11);
  std::string canonical;
  eventstore::EncodeCanonical(e, &canonical);
  e.hash = eventstore::ChainHash(e.prev_hash, canonical);
  return e;
}

void EventSeeds(const fs::path& dir) {
  const auto& events = codec::DomainRegistry().events();
  for (size_t i = 0; i < events.size(); ++i) {
    std::shared_ptr<void> sample = events[i].info->make();
    codec::testing::FillSample(*events[i].info, sample.get());
    const codec::EncodedEvent encoded = codec::EncodeEventPayload(*events[i].info, sample.get());
    const std::string name(events[i].name);
    Write(dir, "payload-" + name,
          Byte(0) + Byte(i >> 8) + Byte(i) + Byte(encoded.schema_version) + encoded.data);
    // Records and CloudEvents of one event per aggregate are enough: their
    // framing does not depend on the type.
    if (i == 0 || events[i - 1].category != events[i].category) {
      const eventstore::RecordedEvent record = Record(events[i], encoded);
      Write(dir, "record-" + name, Byte(1) + eventstore::EncodeRecord(record));
      Write(dir, "cloudevent-" + name, Byte(2) + codec::ToCloudEventJson(record));
    }
    if (name == "crm.opportunity.opened.v1") {  // tests/codec/event_codec_test.cc
      Write(dir, "payload-" + name + "-schema-1",
            Byte(0) + Byte(i >> 8) + Byte(i) + Byte(1) +
                R"({"opportunity_id":"op-1","customer_id":"c-1","title":"ERP rollout","amount":125000.5,)"
                R"("currency":"USD","expected_close_date":"2017-06-30","owner_id":"emp-1",)"
                R"("product_ids":["p-1"],"stage":"Prospecting","probability":10,)"
                R"("forecast_category":"pipeline","opened_by":"emp-1"})");
    }
  }
}

void HttpSeeds(const fs::path& dir) {
  // Byte 0 is the caller: 0 none, 1 admin, 2 manager, 3 sales, 4 auditor,
  // 5 analyst, 6 integrator (fuzz/api_world.h).
  const std::pair<const char*, std::string> requests[] = {
      {"healthz", Byte(0) + "GET /healthz\n\n"},
      {"readyz", Byte(4) + "GET /readyz\n\n"},
      {"metrics", Byte(1) + "GET /metrics\n\n"},
      {"events-page", Byte(1) + "GET /v1/events?from=2&limit=3&category=opportunity,customer\n\n"},
      {"events-live", Byte(6) + "GET /v1/events/live?from=1\nLast-Event-ID: 4\n\n"},
      {"stream", Byte(3) + "GET /v1/streams/opportunity-o1?direction=backward&limit=2\n\n"},
      {"command", Byte(3) + "POST /v1/commands/AdvanceOpportunityStage\n"
                            "Content-Type: application/json\nIf-Match: \"1\"\nIdempotency-Key: k-1\n\n"
                            R"({"opportunity_id":"o1","stage":"Qualification"})"},
      {"command-open", Byte(2) + "POST /v1/commands/OpenOpportunity\n"
                                 "Content-Type: application/json; charset=utf-8\n\n"
                                 R"({"customer_id":"c1","title":"B","owner_id":"ann",)"
                                 R"("amount":{"amount":"5.00","currency":"EUR"},)"
                                 R"("expected_close_date":"2031-12-31","occurred_at":"2030-01-01T00:00:00Z"})"},
      {"record", Byte(3) + "GET /v1/opportunities/o1?as_of=2030-01-01&known_at=2099-01-01T00:00:00Z\n\n"},
      {"history", Byte(4) + "GET /v1/customers/c1/history?from=1&limit=5&include_states=true\n\n"},
      {"funnel", Byte(2) + "GET /v1/projections/funnel?department=east&period=2030-Q1\n\n"},
      {"forecast", Byte(5) + "GET /v1/projections/forecast?granularity=month&currency=USD\n\n"},
      {"token-grant", Byte(1) + "POST /v1/admin/tokens\nContent-Type: application/json\n\n"
                                R"({"employee_id":"ann","role":"sales"})"},
      {"token-list", Byte(1) + "GET /v1/admin/tokens\n\n"},
      {"token-revoke", Byte(1) + "DELETE /v1/admin/tokens/0000\n\n"},
      {"correlation", Byte(1) + "GET /v1/events\nX-Correlation-Id: 0190f5c2-6a1e-7b3c-8d4e-5f6a7b8c9d0e\n\n"},
  };
  for (const auto& [name, text] : requests) Write(dir, name, text);
}

void QuerySeeds(const fs::path& dir) {
  // Byte 0 is the route (fuzz/query_fuzzer.cc kPaths), byte 1 the caller.
  const std::pair<const char*, std::string> queries[] = {
      {"events", Byte(0) + Byte(0) + "from=1&limit=1000&category=opportunity&type=crm.opportunity.opened.v1"},
      {"stream", Byte(1) + Byte(2) + "from=2&limit=10&direction=backward"},
      {"funnel", Byte(3) + Byte(0) + "as_of=2030-01-01T00:00:00Z&department=east&owner=ann&period=2030"},
      {"forecast", Byte(4) + Byte(1) + "granularity=quarter&period=2030-Q1&currency=EUR&region=north"},
      {"pipeline", Byte(5) + Byte(2) + "known_at=2030-01-01&product=p1&period=2030-01"},
      {"employees", Byte(6) + Byte(0) + "as_of=2030-06-30"},
      {"lifecycle", Byte(7) + Byte(1) + "period=2030-Q2&department=hq"},
      {"record", Byte(8) + Byte(0) + "as_of=2030-01-01T12:30:00.5%2B02:00&known_at=2099-12-31"},
      {"history", Byte(9) + Byte(3) + "from=1&limit=2&include_states=true"},
      {"live", Byte(14) + Byte(5) + "from=3&category=customer,opportunity"},
  };
  for (const auto& [name, text] : queries) Write(dir, name, text);
}

}  // namespace
}  // namespace dealstream::fuzz

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <corpus dir>\n", argv[0]);
    return 2;
  }
  const std::filesystem::path root = argv[1];
  dealstream::fuzz::CommandSeeds(root / "command");
  dealstream::fuzz::EventSeeds(root / "event");
  dealstream::fuzz::HttpSeeds(root / "http");
  dealstream::fuzz::QuerySeeds(root / "query");
  return 0;
}
