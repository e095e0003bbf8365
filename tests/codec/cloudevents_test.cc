#include "codec/cloudevents.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "codec/json_text.h"
#include "eventstore/chain_verifier.h"
#include "eventstore/record_codec.h"

namespace dealstream::codec {
namespace {

using eventstore::RecordedEvent;

// A hash-chained log of `payloads.size()` events, as the event log writes it.
std::vector<RecordedEvent> Chain(const std::vector<std::string>& payloads) {
  std::vector<RecordedEvent> events;
  eventstore::Sha256 prev{};
  uint64_t position = 0;
  for (const std::string& data : payloads) {
    ++position;
    RecordedEvent e{
        .stream = *eventstore::StreamName::Make("opportunity", position % 2 ? "op-1" : "op.2")};
    e.position.value = position;
    e.version.value = (position + 1) / 2;
    e.id = "0190a1b2-c3d4-7e5f-8a9b-" + std::to_string(100000000000 + position);
    e.type = "crm.opportunity.stage_advanced.v1";
    e.subject = std::string(e.stream.id());
    e.time = Timestamp::FromMicros(1488360600123456 + static_cast<int64_t>(position));
    e.recorded_time = Timestamp::FromMicros(1700000000000001 + static_cast<int64_t>(position));
    e.schema_version = position == 3 ? 2 : 1;
    e.data = data;
    e.metadata = {"emp-7", "corr-1", position == 1 ? "" : "cause-" + std::to_string(position),
                  "AdvanceOpportunityStage"};
    e.prev_hash = prev;
    std::string canonical;
    eventstore::EncodeCanonical(e, &canonical);
    e.hash = eventstore::ChainHash(prev, canonical);
    prev = e.hash;
    events.push_back(std::move(e));
  }
  return events;
}

void ExpectSame(const RecordedEvent& a, const RecordedEvent& b) {
  EXPECT_EQ(eventstore::EncodeRecord(a), eventstore::EncodeRecord(b));
  EXPECT_EQ(a.data, b.data);
}

const std::vector<std::string> kPayloads = {
    R"({"opportunity_id":"op-1","stage":"Qualification","probability":10})",
    R"({ "spaced" : true })",                       // valid JSON, not compact: base64
    "\x01\x02 not json \xff",                       // opaque bytes: base64
    R"({"text":"ü \"quoted\" \n\u0001","n":[1,-2,{"a":null}]})",
    "",
};

TEST(CloudEventsTest, StructuredModeHasTheContractAttributes) {
  const RecordedEvent e = Chain(kPayloads)[0];
  const std::string json = ToCloudEventJson(e);
  EXPECT_EQ(json.rfind(R"({"specversion":"1.0","id":")", 0), 0u) << json;
  for (const char* attribute :
       {R"("source":"urn:dealstream")", R"("type":"crm.opportunity.stage_advanced.v1")",
        R"("subject":"op-1")", R"("time":"2017-03-01T09:30:00.123457Z")",
        R"("datacontenttype":"application/json")",
        R"("dataschema":"/schemas/events/crm.opportunity.stage_advanced.v1.json")",
        R"("recordedtime":"2023-11-14T22:13:20.000002Z")", R"("stream":"opportunity-op-1")",
        R"("streamversion":"1")", R"("position":"1")", R"("schemaversion":"1")",
        R"("actor":"emp-7")", R"("correlationid":"corr-1")",
        R"("command":"AdvanceOpportunityStage")",
        R"("prevhash":"0000000000000000000000000000000000000000000000000000000000000000")",
        R"("data":{"opportunity_id":"op-1","stage":"Qualification","probability":10}})"}) {
    EXPECT_NE(json.find(attribute), std::string::npos) << attribute << " in " << json;
  }
  EXPECT_EQ(json.find("causationid"), std::string::npos) << "empty extensions are omitted";
  EXPECT_NE(json.find(R"("hash":")" + eventstore::HexOf(e.hash) + "\""), std::string::npos);
}

TEST(CloudEventsTest, SourceAndSchemaPrefixAreConfigurable) {
  CloudEventsOptions options{.source = "https://crm.example.com", .dataschema_prefix = "urn:s:"};
  const std::string json = ToCloudEventJson(Chain(kPayloads)[0], options);
  EXPECT_NE(json.find(R"("source":"https://crm.example.com")"), std::string::npos);
  EXPECT_NE(json.find(R"("dataschema":"urn:s:crm.opportunity.stage_advanced.v1.json")"),
            std::string::npos);
}

TEST(CloudEventsTest, OnlyCompactJsonIsEmbeddedOtherBytesGoAsBase64) {
  const auto events = Chain(kPayloads);
  EXPECT_NE(ToCloudEventJson(events[3]).find(R"("data":{"text")"), std::string::npos);
  const std::string spaced = ToCloudEventJson(events[1]);
  EXPECT_NE(spaced.find(R"("data_base64":"eyAic3BhY2VkIiA6IHRydWUgfQ==")"), std::string::npos);
  EXPECT_NE(spaced.find(R"("datacontenttype":"application/json")"), std::string::npos);
  EXPECT_NE(ToCloudEventJson(events[2]).find(R"("datacontenttype":"application/octet-stream")"),
            std::string::npos);
  const std::string empty = ToCloudEventJson(events[4]);
  EXPECT_EQ(empty.find("\"data\":"), std::string::npos) << empty;
  EXPECT_EQ(empty.find("data_base64"), std::string::npos) << empty;
}

TEST(CloudEventsTest, JsonRoundTripReproducesEventsAndTheChainVerifies) {
  eventstore::ChainVerifier verifier;
  for (const RecordedEvent& e : Chain(kPayloads)) {
    auto back = FromCloudEventJson(ToCloudEventJson(e));
    ASSERT_TRUE(back.ok()) << back.error().message;
    ExpectSame(*back, e);
    EXPECT_TRUE(verifier.Feed(*back).ok());
  }
}

TEST(CloudEventsTest, JsonLinesHasOneEventPerLine) {
  const auto events = Chain(kPayloads);
  const std::string lines = ToJsonLines(events);
  size_t start = 0;
  eventstore::ChainVerifier verifier;
  for (const RecordedEvent& e : events) {
    const size_t end = lines.find('\n', start);
    ASSERT_NE(end, std::string::npos);
    auto back = FromCloudEventJson(std::string_view(lines).substr(start, end - start));
    ASSERT_TRUE(back.ok()) << back.error().message;
    ExpectSame(*back, e);
    EXPECT_TRUE(verifier.Feed(*back).ok());
    start = end + 1;
  }
  EXPECT_EQ(start, lines.size());
}

TEST(CloudEventsTest, KafkaBinaryModeRoundTripsAndTheChainVerifies) {
  eventstore::ChainVerifier verifier;
  for (const RecordedEvent& e : Chain(kPayloads)) {
    const KafkaMessage m = ToKafkaMessage(e);
    EXPECT_EQ(m.key, e.stream.str());
    EXPECT_EQ(m.value, e.data);
    EXPECT_EQ(m.headers.front(), (KafkaHeader{"ce_specversion", "1.0"}));
    auto back = FromKafkaMessage(m.headers, m.value);
    ASSERT_TRUE(back.ok()) << back.error().message;
    ExpectSame(*back, e);
    EXPECT_TRUE(verifier.Feed(*back).ok());
  }
}

// content-type is "application/json" exactly when nlohmann accepts the
// payload, also where a faster validator would disagree (lone surrogate
// escapes, numbers out of range, a byte order mark, deep nesting).
TEST(CloudEventsTest, KafkaContentTypeIsJsonExactlyWhenThePayloadParses) {
  const std::vector<std::string> payloads = {
      R"({"a":1})",
      R"(  [1, 2.5e3, "x", null, true]  )",
      R"({"a":"\uDC00"})",
      R"({"a":"\uD800"})",
      R"({"a":"\uD83D\uDE00"})",
      R"({"a":"\u00e9"})",
      "1e400",
      "123456789012345678901234567890",
      "\xEF\xBB\xBF{}",
      std::string(2000, '[') + std::string(2000, ']'),
      R"({"a":1,})",
      "{\"a\":\"\xff\"}",
      "{} {}",
      "   ",
      "\x01\x02 not json",
  };
  for (const std::string& payload : payloads) {
    RecordedEvent e = Chain({payload})[0];
    const KafkaMessage m = ToKafkaMessage(e);
    ASSERT_EQ(m.headers.back().name, "content-type");
    EXPECT_EQ(m.headers.back().value, nlohmann::json::accept(payload) ? "application/json"
                                                                      : "application/octet-stream")
        << payload.substr(0, 40);
  }
}

TEST(CloudEventsTest, KafkaIgnoresForeignHeadersAndRejectsRepeatedOnes) {
  KafkaMessage m = ToKafkaMessage(Chain(kPayloads)[0]);
  m.headers.push_back({"traceparent", "00-abc"});
  m.headers.push_back({"ce_traceparent", "00-abc"});
  EXPECT_TRUE(FromKafkaMessage(m.headers, m.value).ok());
  m.headers.push_back({"ce_position", "9"});
  auto repeated = FromKafkaMessage(m.headers, m.value);
  ASSERT_FALSE(repeated.ok());
  EXPECT_EQ(repeated.error().path, "ce_position");
  EXPECT_NE(repeated.error().message.find("more than once"), std::string::npos);
}

// Replaces the value of `attribute` in a structured event.
std::string With(std::string json, const std::string& attribute, const std::string& value) {
  const std::string key = "\"" + attribute + "\":";
  const size_t at = json.find(key);
  EXPECT_NE(at, std::string::npos) << attribute;
  const size_t start = at + key.size();
  const size_t end = json[start] == '"' ? json.find('"', start + 1) + 1 : json.find(',', start);
  return json.replace(start, end - start, value);
}

TEST(CloudEventsTest, MalformedStructuredEventsAreRejectedNamingTheAttribute) {
  const std::string good = ToCloudEventJson(Chain(kPayloads)[0]);
  ASSERT_TRUE(FromCloudEventJson(good).ok());
  struct Case {
    std::string json;
    std::string attribute;
    std::string rule;
  };
  const std::vector<Case> cases = {
      {With(good, "specversion", R"("0.3")"), "specversion", "\"1.0\""},
      {With(good, "id", R"("")"), "id", "must not be empty"},
      {With(good, "time", R"("2017-03-01")"), "time", "RFC 3339"},
      {With(good, "time", R"("2017-02-30T00:00:00Z")"), "time", "RFC 3339"},
      {With(good, "recordedtime", "17"), "recordedtime", "must be a string"},
      {With(good, "stream", R"("Opportunity-1")"), "stream", "stream name"},
      {With(good, "position", R"("-1")"), "position", "decimal"},
      {With(good, "position", R"("01")"), "position", "leading zeros"},
      {With(good, "streamversion", R"("18446744073709551616")"), "streamversion", "decimal"},
      {With(good, "schemaversion", R"("4294967296")"), "schemaversion", "4294967295"},
      {With(good, "hash", R"("abc")"), "hash", "64 lower-case hex"},
      {With(good, "prevhash", "\"" + std::string(64, 'G') + "\""), "prevhash", "hex"},
      {With(good, "type", "null"), "type", "must be a string"},
      {With(good, "subject", R"("")"), "subject", "must not be empty"},
      {With(good, "actor", R"("emp-7","Bad_Name":1)"), "Bad_Name", "naming rule"},
      {With(good, "actor", R"("emp-7","data_base64":"AAAA")"), "data_base64", "together"},
      {good.substr(0, good.find(",\"stream\"")) + "}", "stream", "missing"},
  };
  for (const Case& c : cases) {
    auto r = FromCloudEventJson(c.json);
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_EQ(r.error().path, c.attribute) << r.error().message;
    EXPECT_NE(r.error().message.find(c.rule), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find(c.attribute), std::string::npos) << r.error().message;
  }
}

TEST(CloudEventsTest, GarbageIsAnErrorNotACrash) {
  for (const std::string& text :
       {std::string(""), std::string("[]"), std::string("{\"id\":\"\xff\"}"),
        std::string("{\"id\":1,\"id\":2}"), std::string(100000, '['), std::string("{\"a\":"),
        std::string("{\"specversion\":\"1.0\",\"data_base64\":\"!!!!\"}")}) {
    auto r = FromCloudEventJson(text);
    ASSERT_FALSE(r.ok()) << text.substr(0, 40);
    EXPECT_FALSE(r.error().message.empty());
    EXPECT_TRUE(IsValidUtf8(r.error().message)) << "messages never quote invalid input bytes";
  }
  auto dup = FromCloudEventJson("{\"id\":\"a\",\"id\":\"b\"}");
  EXPECT_NE(dup.error().message.find("duplicate object key 'id'"), std::string::npos);
  auto deep = FromCloudEventJson(std::string(100000, '['));
  EXPECT_NE(deep.error().message.find("nests deeper than"), std::string::npos);
}

TEST(CloudEventsTest, KafkaMessagesWithBadHeadersAreRejected) {
  const KafkaMessage m = ToKafkaMessage(Chain(kPayloads)[0]);
  auto without = [&](const std::string& name) {
    std::vector<KafkaHeader> h;
    for (const auto& x : m.headers) {
      if (x.name != name) h.push_back(x);
    }
    return h;
  };
  auto missing = FromKafkaMessage(without("ce_hash"), m.value);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().path, "hash");
  auto h = m.headers;
  h.push_back({"ce_Bad", "x"});
  EXPECT_FALSE(FromKafkaMessage(h, m.value).ok());
  h = without("ce_actor");
  h.push_back({"ce_actor", "\xc0\xaf"});
  auto utf8 = FromKafkaMessage(h, m.value);
  ASSERT_FALSE(utf8.ok());
  EXPECT_NE(utf8.error().message.find("UTF-8"), std::string::npos);
}

TEST(CloudEventsTest, TamperedDataFailsChainVerificationAfterParsing) {
  auto events = Chain(kPayloads);
  KafkaMessage m = ToKafkaMessage(events[0]);
  m.value[20] ^= 1;
  auto back = FromKafkaMessage(m.headers, m.value);
  ASSERT_TRUE(back.ok());
  eventstore::ChainVerifier verifier;
  EXPECT_FALSE(verifier.Feed(*back).ok());
}

}  // namespace
}  // namespace dealstream::codec
