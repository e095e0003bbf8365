// The replay subcommands run as the real binary on real data directories:
// tampering caught by verify (exit code and position), history, state,
// query, export/import round trip, rebuild, forget, and read-only use
// beside a process holding the directory.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "crm_fixture.h"
#include "eventstore/record_codec.h"
#include "log_fixture.h"
#include "projections/crm_projection.h"
#include "projections/record_lists.h"
#include "projections/snapshot_store.h"
#include "replay/data_dir.h"
#include "tamper.h"

namespace dealstream::replay {
namespace {

using eventstore::testing::TempDir;
using nlohmann::json;
using testing::RunCli;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = tmp_.path() + "/data";
    testing::SeedDataDir(data_);
    head_ = Head();
  }
  uint64_t Head() {
    auto dir = DataDir::Open({.path = data_});
    return dir.ok() ? (*dir)->raw_log().Head().position.value : 0;
  }
  std::string Data() const { return " --data " + data_; }

  // Runs `change` on the events column family of the closed log.
  void Tamper(const eventstore::testing::EventsChange& change) { eventstore::testing::TamperEvents(data_, change); }
  static std::string Key(uint64_t position) { return eventstore::testing::EventKey(position); }
  void ExpectVerifyFailsAt(uint64_t position) {
    auto r = RunCli("verify" + Data());
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("FAILED at position " + std::to_string(position) + ":"),
              std::string::npos)
        << r.out;
  }

  TempDir tmp_;
  std::string data_;
  uint64_t head_ = 0;
};

TEST_F(CliTest, VerifyPassesOnAnIntactDirectory) {
  ASSERT_GE(head_, 12u);
  auto r = RunCli("verify" + Data());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("log OK: " + std::to_string(head_) + " events"), std::string::npos) << r.out;
}

TEST_F(CliTest, VerifyCatchesAnEditedEvent) {
  Tamper([](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    std::string value;
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), events, Key(6), &value).ok());
    auto e = eventstore::DecodeRecord(value);
    ASSERT_TRUE(e.ok());
    e->metadata.actor = "mallory";
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), events, Key(6), eventstore::EncodeRecord(*e)).ok());
  });
  ExpectVerifyFailsAt(6);
}

TEST_F(CliTest, VerifyCatchesAnEditedAndRehashedEventAtTheNextLink) {
  Tamper([](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    std::string value;
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), events, Key(4), &value).ok());
    auto e = eventstore::DecodeRecord(value);
    ASSERT_TRUE(e.ok());
    e->data = R"({"forged":true})";
    std::string canonical;
    eventstore::EncodeCanonical(*e, &canonical);
    e->hash = eventstore::ChainHash(e->prev_hash, canonical);
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), events, Key(4), eventstore::EncodeRecord(*e)).ok());
  });
  ExpectVerifyFailsAt(5);
}

TEST_F(CliTest, VerifyCatchesADeletedEvent) {
  Tamper([](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    ASSERT_TRUE(db->Delete(rocksdb::WriteOptions(), events, Key(7)).ok());
  });
  ExpectVerifyFailsAt(7);
}

TEST_F(CliTest, VerifyCatchesReorderedEvents) {
  Tamper([](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    std::string a, b;
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), events, Key(2), &a).ok());
    ASSERT_TRUE(db->Get(rocksdb::ReadOptions(), events, Key(8), &b).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), events, Key(2), b).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), events, Key(8), a).ok());
  });
  ExpectVerifyFailsAt(2);
}

TEST_F(CliTest, VerifyCatchesATruncatedTail) {
  const uint64_t head = head_;
  Tamper([head](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    ASSERT_TRUE(db->Delete(rocksdb::WriteOptions(), events, Key(head)).ok());
    ASSERT_TRUE(db->Delete(rocksdb::WriteOptions(), events, Key(head - 1)).ok());
  });
  ExpectVerifyFailsAt(head - 1);
}

TEST_F(CliTest, VerifyAgainstAnExportedHeadCatchesARewrittenLog) {
  auto ok = RunCli("verify" + Data());
  const size_t at = ok.out.find("head ");
  ASSERT_NE(at, std::string::npos);
  const std::string head = ok.out.substr(at + 5, ok.out.find('\n', at) - at - 5);
  EXPECT_EQ(RunCli("verify --expect-head " + head + Data()).exit_code, 0);
  std::string forged = head;
  forged.back() = forged.back() == '0' ? '1' : '0';
  auto bad = RunCli("verify --expect-head " + forged + Data());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("FAILED at position " + std::to_string(head_)), std::string::npos);
  EXPECT_EQ(RunCli("verify --expect-head nonsense" + Data()).exit_code, 2);
}

TEST_F(CliTest, VerifyComparesProjectionSnapshotsWithAFreshRebuild) {
  auto rebuilt = RunCli("rebuild" + Data());
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.out << rebuilt.err;
  EXPECT_NE(rebuilt.out.find("rebuilt crm"), std::string::npos) << rebuilt.out;
  EXPECT_NE(rebuilt.err.find("rebuild:"), std::string::npos) << "plain progress lines, no TTY";
  auto ok = RunCli("verify" + Data());
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_NE(ok.out.find("projection crm: OK, snapshot at position " + std::to_string(head_)),
            std::string::npos)
      << ok.out;
  {
    // A snapshot that claims the head but misses the last event.
    projections::CrmProjection stale;
    auto dir = DataDir::Open({.path = data_});
    ASSERT_TRUE(dir.ok());
    auto events = (*dir)->log().ReadAll({1}, head_ - 1, {});
    ASSERT_TRUE(events.ok());
    for (const auto& e : events->events) stale.Apply(e);
    projections::StoredSnapshot forged{.generation = 7,
                                       .format = projections::CrmProjection::kSnapshotFormat,
                                       .position = {head_},
                                       .state = {}};
    stale.Save(&forged.state);
    auto store = projections::SnapshotStore::Open({.path = data_ + "/projections"});
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Save("crm", forged).ok());
  }
  auto bad = RunCli("verify" + Data());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("projection crm: FAILED"), std::string::npos) << bad.out;
}

TEST_F(CliTest, VerifyComparesTheListReadModelWithAFreshRebuild) {
  // Stores a record_index snapshot at the head, folded from the first
  // `events` events.
  auto store_index = [&](uint64_t events) {
    projections::RecordIndexProjection index;
    auto dir = DataDir::Open({.path = data_});
    ASSERT_TRUE(dir.ok());
    auto read = (*dir)->log().ReadAll({1}, events, {});
    ASSERT_TRUE(read.ok());
    for (const auto& e : read->events) index.Apply(e);
    projections::StoredSnapshot snapshot{
        .generation = 1,
        .format = projections::RecordIndexProjection::kSnapshotFormat,
        .position = {head_},
        .state = {}};
    index.Save(&snapshot.state);
    auto store = projections::SnapshotStore::Open({.path = data_ + "/projections"});
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Save(projections::RecordIndexProjection::kName, snapshot).ok());
  };
  store_index(head_);
  auto ok = RunCli("verify" + Data());
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_NE(ok.out.find("projection record_index: OK, snapshot at position " +
                        std::to_string(head_)),
            std::string::npos)
      << ok.out;
  store_index(head_ - 1);  // claims the head but misses the last event
  auto bad = RunCli("verify" + Data());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("projection record_index: FAILED"), std::string::npos) << bad.out;
}

TEST_F(CliTest, HistoryAndStateAsOf) {
  auto table = RunCli("history opportunity-deal1" + Data());
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("\"Prospecting\" -> \"Needs Analysis\""), std::string::npos);
  auto history = RunCli("history opportunity-deal1 --format json" + Data());
  ASSERT_EQ(history.exit_code, 0);
  EXPECT_EQ(json::parse(history.out)["steps"].size(), 4u);

  auto state = RunCli("state opportunity-deal1 --as-of 2017-03-01 --format json" + Data());
  ASSERT_EQ(state.exit_code, 0) << state.err;
  json s = json::parse(state.out);
  EXPECT_EQ(s["state"]["stage"], "Needs Analysis");
  EXPECT_EQ(s["as_of"], "2017-03-01T23:59:59.999999Z");
  auto text = RunCli("state opportunity-deal1 --as-of 2017-01-15" + Data());
  EXPECT_NE(text.out.find("did not exist yet"), std::string::npos) << text.out;

  auto bad_time = RunCli("state opportunity-deal1 --as-of 2017-13-01" + Data());
  EXPECT_EQ(bad_time.exit_code, 2);
  EXPECT_NE(bad_time.err.find("--as-of"), std::string::npos);
  auto unknown = RunCli("history opportunity-nope" + Data());
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("has no events"), std::string::npos);
  EXPECT_EQ(RunCli("history not_a_stream" + Data()).exit_code, 2);
  EXPECT_EQ(RunCli("history opportunity-deal1 --bogus 1" + Data()).exit_code, 2);
}

TEST_F(CliTest, QueryReadModelsAsJsonAndCsv) {
  auto r = RunCli("query employees --format json" + Data());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json view = json::parse(r.out);
  bool found = false;
  for (const json& e : view["employees"]) {
    if (e["employee_id"] != "bob") continue;
    found = true;
    EXPECT_EQ(e["won_count"], 1);
    EXPECT_EQ(e["lost_count"], 1);
    EXPECT_EQ(e["win_rate"], 0.5);
    EXPECT_EQ(e["won_amount"]["amount"], "1200.00");
  }
  EXPECT_TRUE(found) << r.out;
  auto before = RunCli("query employees --as-of 2017-03-31 --format json" + Data());
  for (const json& e : json::parse(before.out)["employees"]) {
    if (e["employee_id"] == "bob") {
      EXPECT_EQ(e["won_count"], 0);
    }
  }
  auto csv = RunCli("query employees --format csv" + Data());
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_EQ(csv.out.rfind("employee_id,name,department_id,active,rank,won_count", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find("bob,Bob,hq,true,"), std::string::npos) << csv.out;
  EXPECT_EQ(RunCli("query funnel --format csv" + Data()).exit_code, 0);
  auto lifecycle = RunCli("query lifecycle --format csv" + Data());
  ASSERT_EQ(lifecycle.exit_code, 0) << lifecycle.err;
  EXPECT_EQ(lifecycle.out.rfind("state,customers,reached,conversion\n", 0), 0u) << lifecycle.out;
  auto unknown = RunCli("query nonsense" + Data());
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("available: competition, customer-value, departments, employees"),
            std::string::npos)
      << unknown.err;
  EXPECT_EQ(RunCli("query funnel --period 2017-Q5" + Data()).exit_code, 2);
  // Every read model of the API, as of any instant.
  for (const std::string name :
       {"competition", "customer-value", "expenses", "products", "receivables", "service"}) {
    auto r = RunCli("query " + name + " --as-of 2017-04-30" + Data());
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
    EXPECT_TRUE(json::parse(r.out, nullptr, false).is_object()) << name << ": " << r.out;
  }
  auto won = json::parse(RunCli("query customer-value --period 2017 --format json" + Data()).out,
                         nullptr, false);
  EXPECT_NE(won.dump().find("acme"), std::string::npos) << won.dump();
  auto no_csv = RunCli("query receivables --format csv" + Data());
  EXPECT_EQ(no_csv.exit_code, 2);
  EXPECT_NE(no_csv.err.find("json only"), std::string::npos) << no_csv.err;
}

TEST_F(CliTest, ExportImportRoundTripGivesTheSameHeadAndReadModels) {
  const std::string file = tmp_.path() + "/log.jsonl";
  auto exported = RunCli("export --format jsonl --sealed --output " + file + Data());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const std::string copy = tmp_.path() + "/copy";
  auto imported = RunCli("import jsonl " + file + " --data " + copy);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto v1 = RunCli("verify --no-projections" + Data());
  auto v2 = RunCli("verify --no-projections --data " + copy);
  ASSERT_EQ(v2.exit_code, 0) << v2.out;
  EXPECT_EQ(v1.out.substr(v1.out.find("head ")), v2.out.substr(v2.out.find("head ")));
  EXPECT_EQ(RunCli("query employees" + Data()).out, RunCli("query employees --data " + copy).out);
  EXPECT_EQ(RunCli("query funnel" + Data()).out, RunCli("query funnel --data " + copy).out);
  auto again = RunCli("import jsonl " + file + " --data " + copy);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("empty data directory"), std::string::npos);

  auto csv = RunCli("export --format csv" + Data());
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_EQ(static_cast<uint64_t>(std::count(csv.out.begin(), csv.out.end(), '\n')), head_ + 1);
  EXPECT_EQ(RunCli("export" + Data()).exit_code, 2) << "--format is required";
}

TEST_F(CliTest, ForgetRedactsPersonalDataAndVerifyStillPasses) {
  EXPECT_NE(RunCli("history contact-carol" + Data()).out.find("Carol Jones"), std::string::npos);
  auto forget = RunCli("forget --subject carol" + Data());
  ASSERT_EQ(forget.exit_code, 0) << forget.err;
  EXPECT_NE(forget.out.find("forgot contact carol"), std::string::npos);
  auto history = RunCli("history contact-carol --format json" + Data());
  EXPECT_EQ(history.out.find("Carol"), std::string::npos);
  EXPECT_NE(history.out.find("[redacted]"), std::string::npos);
  EXPECT_NE(history.out.find("CIO"), std::string::npos);
  auto exported = RunCli("export --format jsonl" + Data());
  EXPECT_EQ(exported.out.find("Carol"), std::string::npos);
  EXPECT_EQ(RunCli("verify" + Data()).exit_code, 0);
  auto twice = RunCli("forget --subject carol" + Data());
  EXPECT_NE(twice.out.find("already forgotten"), std::string::npos);
  EXPECT_EQ(RunCli("forget --subject nobody" + Data()).exit_code, 1);
}

TEST_F(CliTest, ReadOnlySubcommandsWorkBesideAProcessHoldingTheDirectory) {
  auto writer = DataDir::Open({.path = data_, .read_only = false});
  ASSERT_TRUE(writer.ok()) << writer.error().ToString();
  EXPECT_EQ(RunCli("verify" + Data()).exit_code, 0);
  EXPECT_EQ(RunCli("history opportunity-deal1" + Data()).exit_code, 0);
  EXPECT_EQ(RunCli("state opportunity-deal1 --as-of 2017-03-01" + Data()).exit_code, 0);
  EXPECT_EQ(RunCli("query funnel" + Data()).exit_code, 0);
  EXPECT_EQ(RunCli("export --format csv" + Data()).exit_code, 0);
  auto forget = RunCli("forget --subject carol" + Data());
  EXPECT_EQ(forget.exit_code, 1);
  EXPECT_NE(forget.err.find("in use"), std::string::npos) << forget.err;
  auto store = projections::SnapshotStore::Open({.path = data_ + "/projections"});
  ASSERT_TRUE(store.ok());
  auto rebuild = RunCli("rebuild" + Data());
  EXPECT_EQ(rebuild.exit_code, 1);
  EXPECT_NE(rebuild.err.find("admin API"), std::string::npos) << rebuild.err;
}

}  // namespace
}  // namespace dealstream::replay
