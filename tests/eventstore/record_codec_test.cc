// Stream names, the stored record format, and the chain verifier.
#include <gtest/gtest.h>

#include "eventstore/chain_verifier.h"
#include "eventstore/record_codec.h"
#include "eventstore/stream_name.h"

namespace dealstream::eventstore {
namespace {

TEST(StreamNameTest, AcceptsCategoryDashId) {
  auto s = StreamName::Parse("opportunity-7f3a-b2.x_1");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->category(), "opportunity");
  EXPECT_EQ(s->id(), "7f3a-b2.x_1");
  auto made = StreamName::Make("customer", "C-1");
  ASSERT_TRUE(made.ok());
  EXPECT_EQ(made->str(), "customer-C-1");
}

TEST(StreamNameTest, RejectsInvalidNamesNamingThePart) {
  for (const char* bad : {"", "nodash", "-id", "Opportunity-1", "1abc-x", "opp-", "opp-a b",
                          "opp-ü", "opp-a/b"}) {
    auto s = StreamName::Parse(bad);
    EXPECT_FALSE(s.ok()) << bad;
  }
  auto long_id = StreamName::Make("deal", std::string(65, 'a'));
  ASSERT_FALSE(long_id.ok());
  EXPECT_NE(long_id.error().message().find("1-64"), std::string::npos);
  EXPECT_TRUE(StreamName::Make("deal", std::string(64, 'a')).ok());
  EXPECT_FALSE(StreamName::Make(std::string(33, 'a'), "1").ok());
}

RecordedEvent Sample() {
  RecordedEvent e{.position = {42},
                  .stream = *StreamName::Parse("deal-1"),
                  .version = {7},
                  .id = "evt-1",
                  .type = "crm.x.y.v1",
                  .subject = "1",
                  .time = Timestamp::FromMicros(-5),
                  .recorded_time = Timestamp::FromMicros(1700000000000000),
                  .schema_version = 2,
                  .data = std::string("{\"a\":\"\0b\"}", 11),
                  .metadata = {"actor", "corr", "cause", "Cmd"}};
  e.prev_hash.fill(0xAB);
  std::string canonical;
  EncodeCanonical(e, &canonical);
  e.hash = ChainHash(e.prev_hash, canonical);
  return e;
}

TEST(RecordCodecTest, RoundTripsEveryField) {
  const RecordedEvent e = Sample();
  auto d = DecodeRecord(EncodeRecord(e));
  ASSERT_TRUE(d.ok()) << d.error().ToString();
  EXPECT_EQ(d->position, e.position);
  EXPECT_EQ(d->stream, e.stream);
  EXPECT_EQ(d->version, e.version);
  EXPECT_EQ(d->id, e.id);
  EXPECT_EQ(d->type, e.type);
  EXPECT_EQ(d->subject, e.subject);
  EXPECT_EQ(d->time, e.time);
  EXPECT_EQ(d->recorded_time, e.recorded_time);
  EXPECT_EQ(d->schema_version, 2u);
  EXPECT_EQ(d->data, e.data);
  EXPECT_EQ(d->metadata.causation_id, "cause");
  EXPECT_EQ(d->prev_hash, e.prev_hash);
  EXPECT_EQ(d->hash, e.hash);
}

TEST(RecordCodecTest, EveryTruncationIsCorruptionNotACrash) {
  const std::string bytes = EncodeRecord(Sample());
  for (size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_FALSE(DecodeRecord(std::string_view(bytes).substr(0, n)).ok()) << n;
  }
  EXPECT_FALSE(DecodeRecord(bytes + "x").ok());
}

// Found by fuzz/event_fuzzer: a record whose id held a stray 0xF5 byte
// decoded, and ToCloudEventJson then replaced it with U+FFFD, so the record
// changed (and its hash no longer matched) on its way to a follower.
TEST(RecordCodecTest, TextThatIsNotUtf8IsCorruption) {
  for (std::string bad : {std::string("\xF5"), std::string("\xC0\x80"), std::string("\xED\xA0\x80"),
                          std::string("\xF4\x90\x80\x80"), std::string("\xE2\x82")}) {
    RecordedEvent e = Sample();
    e.id = "evt-" + bad;
    EXPECT_FALSE(DecodeRecord(EncodeRecord(e)).ok()) << "id";
    e = Sample();
    e.metadata.actor = bad + "x";
    EXPECT_FALSE(DecodeRecord(EncodeRecord(e)).ok()) << "actor";
  }
  RecordedEvent e = Sample();
  e.subject = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80";
  EXPECT_TRUE(DecodeRecord(EncodeRecord(e)).ok());
}

TEST(ChainVerifierTest, AcceptsAChainAndNamesTheFirstBrokenLink) {
  std::vector<RecordedEvent> chain;
  Sha256 prev{};
  for (uint64_t p = 1; p <= 4; ++p) {
    RecordedEvent e = Sample();
    e.position = {p};
    e.version = {p};
    e.prev_hash = prev;
    std::string canonical;
    EncodeCanonical(e, &canonical);
    e.hash = ChainHash(prev, canonical);
    prev = e.hash;
    chain.push_back(e);
  }
  ChainVerifier ok;
  for (const auto& e : chain) EXPECT_TRUE(ok.Feed(e).ok());

  ChainVerifier skipped;
  EXPECT_TRUE(skipped.Feed(chain[0]).ok());
  Status s = skipped.Feed(chain[2]);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("position 2"), std::string::npos) << s.message();

  ChainVerifier altered;
  chain[1].data = "{}";
  EXPECT_TRUE(altered.Feed(chain[0]).ok());
  s = altered.Feed(chain[1]);
  EXPECT_NE(s.message().find("altered"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace dealstream::eventstore
