// The replay and audit functions on a RUNNING server, over real HTTP and
// with the real binary beside it: forget through the API leaves nothing of
// the personal data in what the server answers or caches; verify, rebuild
// (reads continue) and export as API calls; and every subcommand on a
// directory a server holds — the read-only ones directly, forget and
// rebuild through the server, import refused with what to do — and again
// once the server has stopped.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "crm_fixture.h"
#include "log_fixture.h"
#include "projections/snapshot_store.h"
#include "server_process.h"

namespace dealstream::replay {
namespace {

using eventstore::testing::TempDir;
using nlohmann::json;
using testing::RunCli;
using testing::ServerProcess;

class ServingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = tmp_.path() + "/data";
    testing::SeedDataDir(data_);
    server_ = std::make_unique<ServerProcess>(data_);
    ASSERT_TRUE(server_->started()) << server_->banner();
  }
  std::string Data() const { return " --data " + data_; }
  api::Response Get(const std::string& target) const { return server_->Call("GET", target); }
  api::Response Post(const std::string& target, const std::string& body = "") const {
    return server_->Call("POST", target, body);
  }
  static bool Mentions(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
  }
  // Every page of GET /v1/export, concatenated (the csv header once).
  std::string ExportAll(const std::string& query, uint64_t limit) const {
    std::string all;
    uint64_t from = 1;
    for (int pages = 0; pages < 10000; ++pages) {
      api::Response r = Get("/v1/export?" + query + "&limit=" + std::to_string(limit) +
                            "&from=" + std::to_string(from));
      EXPECT_EQ(r.status, 200) << r.body;
      if (r.status != 200) return all;
      std::string body = r.body;
      if (from != 1 && Mentions(query, "format=csv")) body = body.substr(body.find('\n') + 1);
      all += body;
      auto next = r.headers.Get("X-Next-Position");
      if (!next) return all;
      from = std::stoull(std::string(*next));
    }
    return all;
  }

  TempDir tmp_;
  std::string data_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ServingTest, ForgetOverHttpLeavesNoPersonalDataInAnswersOrCachedState) {
  // The command side now caches carol's state, plaintext name included.
  ASSERT_EQ(Post("/v1/commands/UpdateContact", R"({"contact_id":"carol","title":"CTO"})").status, 201);
  ASSERT_TRUE(Mentions(Get("/v1/contacts/carol").body, "Carol Jones"));

  api::Response forgot = Post("/v1/admin/forget", R"({"subject":"carol"})");
  ASSERT_EQ(forgot.status, 200) << forgot.body;
  EXPECT_EQ(json::parse(forgot.body)["already_forgotten"], false);
  EXPECT_EQ(json::parse(forgot.body)["sealed_events"], 1);

  for (const std::string target :
       {"/v1/contacts/carol", "/v1/contacts/carol/history?include_states=true",
        "/v1/streams/contact-carol", "/v1/events?limit=1000", "/v1/export?format=jsonl",
        "/v1/export?format=csv"}) {
    api::Response r = Get(target);
    EXPECT_EQ(r.status, 200) << target << r.body;
    EXPECT_FALSE(Mentions(r.body, "Carol")) << target << ": " << r.body;
    EXPECT_FALSE(Mentions(r.body, "carol@acme")) << target;
  }
  api::Response record = Get("/v1/contacts/carol");
  EXPECT_TRUE(Mentions(record.body, "[redacted]")) << record.body;
  EXPECT_TRUE(Mentions(record.body, "CTO")) << "business facts stay: " << record.body;

  // A later change of a personal field records what the log now reads as
  // the previous value, never the name the command side had cached.
  ASSERT_EQ(Post("/v1/commands/UpdateContact", R"({"contact_id":"carol","name":"C. J."})").status, 201);
  api::Response history = Get("/v1/contacts/carol/history");
  EXPECT_FALSE(Mentions(history.body, "Carol")) << history.body;
  EXPECT_TRUE(Mentions(history.body, "C. J.")) << history.body;
  auto cli = RunCli("history contact-carol --format json" + Data());
  EXPECT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_FALSE(Mentions(cli.out, "Carol")) << cli.out;

  api::Response verified = Get("/v1/admin/verify");
  ASSERT_EQ(verified.status, 200);
  EXPECT_EQ(json::parse(verified.body)["ok"], true) << verified.body;

  // The new name was sealed under a NEW key: forgetting again deletes that
  // one; only then is there nothing left to forget.
  EXPECT_EQ(json::parse(Post("/v1/admin/forget", R"({"subject":"carol"})").body)["already_forgotten"], false);
  EXPECT_FALSE(Mentions(Get("/v1/contacts/carol/history").body, "C. J."));
  EXPECT_EQ(json::parse(Post("/v1/admin/forget", R"({"subject":"carol"})").body)["already_forgotten"], true);
  EXPECT_EQ(Post("/v1/admin/forget", R"({"subject":"nobody"})").status, 404);
  api::Response bad = Post("/v1/admin/forget", R"({"subject":"not an id"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["field"], "subject");
  EXPECT_EQ(Post("/v1/admin/forget", R"({"subject":"carol","why":1})").status, 400);

  // The snapshot the server writes on stop holds no personal data either
  // (its strings are stored as they are: the customer's name is there).
  ASSERT_TRUE(server_->Stop());
  auto store = projections::SnapshotStore::Open({.path = data_ + "/projections", .read_only = true});
  ASSERT_TRUE(store.ok());
  auto snapshot = (*store)->Load("crm");
  ASSERT_TRUE(snapshot.ok() && snapshot->has_value());
  EXPECT_TRUE(Mentions((*snapshot)->state, "acme"));
  EXPECT_FALSE(Mentions((*snapshot)->state, "Carol"));
}

// The replay routes follow the permission table (api/auth.h) on the real
// server: verify for admin and auditor, export for admin, auditor and
// analyst, rebuild and forget for admin only; every other role gets 403.
TEST_F(ServingTest, ReplayRoutesFollowThePermissionTable) {
  struct Case {
    std::string method, target, body;
    std::set<std::string> allowed;
  };
  const std::vector<Case> cases = {
      {"GET", "/v1/admin/verify", "", {"auditor"}},
      {"GET", "/v1/export?limit=1", "", {"auditor", "analyst"}},
      {"GET", "/v1/admin/rebuild", "", {}},
      {"POST", "/v1/admin/forget", R"({"subject":"nobody"})", {}},
  };
  for (const std::string role : {"manager", "sales", "auditor", "analyst", "integrator"}) {
    api::Response issued = Post("/v1/admin/tokens",
                                R"({"employee_id":"alice","role":")" + role + R"("})");
    ASSERT_EQ(issued.status, 201) << issued.body;
    const std::string token = json::parse(issued.body)["token"];
    for (const Case& c : cases) {
      api::Response r = server_->Call(c.method, c.target, c.body, token);
      if (c.allowed.count(role) != 0) {
        EXPECT_NE(r.status, 403) << role << " " << c.target << ": " << r.body;
        EXPECT_LT(r.status, 500) << role << " " << c.target << ": " << r.body;
      } else {
        EXPECT_EQ(r.status, 403) << role << " " << c.target << ": " << r.body;
      }
    }
  }
}

TEST_F(ServingTest, VerifyRebuildAndExportAreApiCalls) {
  api::Response verified = Get("/v1/admin/verify");
  ASSERT_EQ(verified.status, 200) << verified.body;
  json v = json::parse(verified.body);
  EXPECT_EQ(v["ok"], true) << verified.body;
  ASSERT_EQ(v["projections"].size(), 1u);
  EXPECT_EQ(v["projections"][0]["ok"], true);
  const uint64_t head = v["head"]["position"];
  EXPECT_EQ(v["events_checked"], head);
  EXPECT_EQ(json::parse(Get("/v1/admin/verify?expect_head=" + v["head"]["text"].get<std::string>()).body)["ok"],
            true);
  std::string forged = v["head"]["text"];
  forged.back() = forged.back() == '0' ? '1' : '0';
  json rewritten = json::parse(Get("/v1/admin/verify?expect_head=" + forged).body);
  EXPECT_EQ(rewritten["ok"], false);
  EXPECT_EQ(rewritten["first_bad_position"], head);
  EXPECT_EQ(Get("/v1/admin/verify?expect_head=nonsense").status, 400);

  // Rebuild: the old generation keeps answering until the new one is caught up.
  const std::string funnel = Get("/v1/projections/employees").body;
  const uint64_t generation = json::parse(Get("/v1/admin/rebuild").body)["generation"];
  api::Response started = Post("/v1/admin/rebuild");
  ASSERT_EQ(started.status, 202) << started.body;
  EXPECT_EQ(started.headers.Get("Location").value_or(""), "/v1/admin/rebuild");
  api::Response during = Get("/v1/projections/employees");
  EXPECT_EQ(during.status, 200);
  EXPECT_EQ(during.body, funnel);
  json progress;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  do {
    progress = json::parse(Get("/v1/admin/rebuild").body);
    if (progress["state"] != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  } while (std::chrono::steady_clock::now() < deadline);
  EXPECT_EQ(progress["state"], "done") << progress;
  EXPECT_EQ(progress["generation"], generation + 1) << progress;
  EXPECT_EQ(progress["done"], head) << progress;
  EXPECT_EQ(Get("/v1/projections/employees").body, funnel);

  // Export pages over HTTP equal the CLI's export of the same directory.
  for (const std::string format : {"jsonl", "csv"}) {
    auto cli = RunCli("export --format " + format + Data());
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    EXPECT_EQ(ExportAll("format=" + format, 5), cli.out) << format;
  }
  auto sealed = RunCli("export --format jsonl --sealed" + Data());
  EXPECT_EQ(ExportAll("format=jsonl&sealed=true", 7), sealed.out);
  api::Response page = Get("/v1/export?format=jsonl&limit=3&from=2");
  EXPECT_EQ(page.headers.Get("Content-Type").value_or(""), "application/x-ndjson");
  EXPECT_EQ(std::count(page.body.begin(), page.body.end(), '\n'), 3);
  EXPECT_EQ(page.headers.Get("X-Next-Position").value_or(""), "5");
  for (const std::string bad : {"/v1/export", "/v1/export?format=xml", "/v1/export?format=csv&from=0",
                                "/v1/export?format=csv&limit=10001", "/v1/export?format=csv&sealed=yes"}) {
    api::Response r = Get(bad);
    EXPECT_EQ(r.status, 400) << bad << r.body;
  }
}

TEST_F(ServingTest, EverySubcommandWorksBesideTheServerAndAfterItStopped) {
  const auto read_only_subcommands = [&] {
    auto history = RunCli("history opportunity-deal1" + Data());
    EXPECT_EQ(history.exit_code, 0) << history.err;
    EXPECT_TRUE(Mentions(history.out, "Needs Analysis"));
    auto state = RunCli("state opportunity-deal1 --as-of 2017-03-01 --format json" + Data());
    EXPECT_EQ(state.exit_code, 0) << state.err;
    EXPECT_EQ(json::parse(state.out)["state"]["stage"], "Needs Analysis");
    auto query = RunCli("query employees --as-of 2017-03-31" + Data());
    EXPECT_EQ(query.exit_code, 0) << query.err;
    if (query.exit_code == 0) {
      EXPECT_GE(json::parse(query.out)["employees"].size(), 2u) << query.out;
    }
    auto verify = RunCli("verify" + Data());
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    EXPECT_TRUE(Mentions(verify.out, "log OK")) << verify.out;
    for (const std::string format : {"jsonl", "csv"}) {
      auto exported = RunCli("export --format " + format + Data());
      EXPECT_EQ(exported.exit_code, 0) << exported.err;
      EXPECT_TRUE(Mentions(exported.out, "opportunity-deal1"));
    }
  };
  read_only_subcommands();

  // Write-type subcommands: forget and rebuild through the server...
  auto forget = RunCli("forget --subject carol" + Data());
  EXPECT_EQ(forget.exit_code, 0) << forget.err;
  EXPECT_TRUE(Mentions(forget.out, "forgot contact carol (through the server at http://127.0.0.1:"))
      << forget.out;
  EXPECT_FALSE(Mentions(Get("/v1/contacts/carol").body, "Carol"));
  auto unknown = RunCli("forget --subject nobody" + Data());
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_TRUE(Mentions(unknown.err, "nobody")) << unknown.err;
  auto rebuild = RunCli("rebuild" + Data());
  EXPECT_EQ(rebuild.exit_code, 0) << rebuild.err;
  EXPECT_TRUE(Mentions(rebuild.out, "rebuilt by the server at http://127.0.0.1:")) << rebuild.out;
  EXPECT_EQ(json::parse(Get("/v1/admin/rebuild").body)["state"], "done");
  // ...import refused, saying what to do.
  const std::string file = tmp_.path() + "/log.jsonl";
  ASSERT_EQ(RunCli("export --format jsonl --sealed --output " + file + Data()).exit_code, 0);
  auto refused = RunCli("import jsonl " + file + Data());
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(Mentions(refused.err, "import writes the log directly")) << refused.err;
  EXPECT_TRUE(Mentions(refused.err, "the server at http://127.0.0.1:")) << refused.err;
  EXPECT_TRUE(Mentions(refused.err, "Stop it (SIGTERM), run the import")) << refused.err;
  // ...and `import maven-crm` sends its commands to the server (the whole
  // dataset through a server: maven_reconcile.py); a directory that is no
  // dataset is refused before anything is sent.
  auto not_a_dataset = RunCli("import maven-crm " + tmp_.path() + Data());
  EXPECT_EQ(not_a_dataset.exit_code, 1);
  EXPECT_FALSE(Mentions(not_a_dataset.err, "import writes the log directly")) << not_a_dataset.err;
  EXPECT_TRUE(Mentions(not_a_dataset.err, ".csv")) << not_a_dataset.err;
  read_only_subcommands();

  // The same directory, stopped: everything runs directly.
  ASSERT_TRUE(server_->Stop());
  read_only_subcommands();
  auto again = RunCli("forget --subject carol" + Data());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Mentions(again.out, "already forgotten")) << again.out;
  auto direct = RunCli("rebuild" + Data());
  EXPECT_EQ(direct.exit_code, 0) << direct.err;
  EXPECT_TRUE(Mentions(direct.out, "rebuilt crm")) << direct.out;
  const std::string copy = tmp_.path() + "/copy";
  auto imported = RunCli("import jsonl " + file + " --data " + copy);
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(RunCli("verify --data " + copy).exit_code, 0);
}

}  // namespace
}  // namespace dealstream::replay
