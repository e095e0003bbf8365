// The dealstream binary end to end: `serve` on a fresh directory prints the
// URL and an admin token that works; a real command goes through the real
// command service; `token create` works both through a running server (which
// holds the database lock) and directly; SIGTERM stops the server cleanly.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "api/http_client.h"
#include "api/json_util.h"
#include "log_fixture.h"

extern char** environ;

namespace dealstream::app {
namespace {

struct Child {
  pid_t pid = -1;
  int out = -1;  // read end of the child's stdout
  int err = -1;  // read end of the child's stderr
};

Child Spawn(const std::vector<std::string>& args) {
  int out[2], err[2];
  EXPECT_EQ(pipe(out), 0);
  EXPECT_EQ(pipe(err), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addclose(&actions, err[0]);
  std::vector<char*> argv;
  std::string binary = DEALSTREAM_BINARY;
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  Child child;
  EXPECT_EQ(posix_spawn(&child.pid, binary.c_str(), &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  close(err[1]);
  child.out = out[0];
  child.err = err[0];
  return child;
}

// Reads `fd` until `pattern` matches what was read, or the timeout passes.
std::string ReadUntil(int fd, const std::regex& pattern, std::chrono::seconds timeout) {
  std::string text;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!std::regex_search(text, pattern) && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buf[4096];
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  return text;
}

std::string ReadAll(int fd) {
  std::string text;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) text.append(buf, static_cast<size_t>(n));
  return text;
}

// Runs the binary to completion: {exit code, stdout, stderr}.
std::tuple<int, std::string, std::string> RunBinary(const std::vector<std::string>& args) {
  Child child = Spawn(args);
  std::string out = ReadAll(child.out);
  std::string err = ReadAll(child.err);
  int status = 0;
  waitpid(child.pid, &status, 0);
  close(child.out);
  close(child.err);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, err};
}

api::Response Call(uint16_t port, const std::string& method, const std::string& target,
                   const std::string& token, const std::string& body = "") {
  api::Request r{.method = method, .target = target};
  if (!token.empty()) r.headers.Set("Authorization", "Bearer " + token);
  if (!body.empty()) {
    r.headers.Set("Content-Type", "application/json");
    r.body = body;
  }
  auto response = api::HttpCall("127.0.0.1", port, r);
  EXPECT_TRUE(response.ok()) << response.error().ToString();
  return response.ok() ? *response : api::Response{.status = 0};
}

TEST(ServeTest, RejectsUnknownAndBadFlags) {
  auto [code, out, err] = RunBinary({"serve", "--bogus", "1"});
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("unknown flag --bogus"), std::string::npos) << err;
  std::tie(code, out, err) = RunBinary({"serve", "--durability", "never"});
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("--durability"), std::string::npos) << err;
  std::tie(code, out, err) = RunBinary({"serve", "--listen", "nohostport"});
  EXPECT_EQ(code, 2);
  std::tie(code, out, err) = RunBinary({"token", "create", "--role", "king"});
  EXPECT_EQ(code, 2);
}

TEST(ServeTest, ServesTokensCommandsAndStopsOnSigterm) {
  eventstore::testing::TempDir dir;
  Child server = Spawn({"serve", "--data", dir.path(), "--listen", "127.0.0.1:0",
                        "--durability", "os", "--demo"});
  const std::regex printed("listening on http://127\\.0\\.0\\.1:([0-9]+)\nAdmin token: (ds_[A-Za-z0-9_-]+)\n");
  const std::string banner = ReadUntil(server.out, printed, std::chrono::seconds(60));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(banner, m, printed)) << banner;
  const uint16_t port = static_cast<uint16_t>(std::stoi(m[1]));
  const std::string admin = m[2];

  EXPECT_EQ(Call(port, "GET", "/healthz", "").status, 200);
  // Ready once the read models have caught up with the demo company.
  int ready = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while ((ready = Call(port, "GET", "/readyz", admin).status) == 503 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(ready, 200);
  api::Response funnel = Call(port, "GET", "/v1/projections/funnel", admin);
  EXPECT_EQ(funnel.status, 200);
  EXPECT_GE(api::ParseJson(funnel.body)["stages"].size(), 8u);
  api::Response created = Call(port, "POST", "/v1/commands/CreateDepartment", admin,
                               R"({"id":"hq","name":"Headquarters"})");
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(api::ParseJson(created.body)["stream"], "department-hq");
  api::Response invalid = Call(port, "POST", "/v1/commands/CreateDepartment", admin, R"({"name":5})");
  EXPECT_EQ(invalid.status, 400) << invalid.body;
  EXPECT_EQ(Call(port, "GET", "/v1/streams/department-hq", admin).status, 200);
  EXPECT_EQ(Call(port, "GET", "/v1/departments/hq", admin).status, 200);
  EXPECT_EQ(Call(port, "GET", "/v1/departments/hq/history", admin).status, 200);
  api::Response openapi = Call(port, "GET", "/openapi.json", admin);
  EXPECT_TRUE(api::ParseJson(openapi.body)["paths"].contains("/v1/commands/OpenOpportunity"));

  // The server holds the lock: token create goes through its admin API.
  auto [code, out, err] = RunBinary({"token", "create", "--data", dir.path(), "--role", "admin"});
  ASSERT_EQ(code, 0) << err;
  const std::string cli_token = out.substr(0, out.find('\n'));
  EXPECT_EQ(out, cli_token + "\n");  // only the token
  EXPECT_EQ(Call(port, "GET", "/v1/events", cli_token).status, 200);
  std::tie(code, out, err) =
      RunBinary({"token", "create", "--data", dir.path(), "--role", "sales", "--employee", "ghost"});
  EXPECT_EQ(code, 1);
  EXPECT_NE(err.find("ghost"), std::string::npos) << err;

  ASSERT_EQ(kill(server.pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(waitpid(server.pid, &status, 0), server.pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << ReadAll(server.err);
  close(server.out);
  close(server.err);
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/serve.json"));

  // No server now: token create appends directly, and the log verifies.
  std::tie(code, out, err) = RunBinary({"token", "create", "--data", dir.path(), "--role", "admin"});
  EXPECT_EQ(code, 0) << err;
  std::tie(code, out, err) = RunBinary({"verify", "--data", dir.path()});
  EXPECT_EQ(code, 0) << out << err;
}

// Polls the customer's record view until its lifecycle is `want`; returns
// the last view seen.
nlohmann::json AwaitLifecycle(uint16_t port, const std::string& token, const std::string& customer,
                              const std::string& want) {
  nlohmann::json view;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    api::Response r = Call(port, "GET", "/v1/customers/" + customer, token);
    if (r.status == 200) {
      view = api::ParseJson(r.body);
      if (view["state"].value("lifecycle", "") == want) return view;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return view;
}

// The causation ids of the customer's derived lifecycle changes, in order.
std::vector<std::string> LifecycleCauses(uint16_t port, const std::string& token,
                                         const std::string& customer) {
  api::Response r = Call(port, "GET", "/v1/customers/" + customer + "/history", token);
  EXPECT_EQ(r.status, 200) << r.body;
  std::vector<std::string> causes;
  const auto history = api::ParseJson(r.body);  // kept alive for the loop below
  for (const auto& step : history["steps"]) {
    if (step.value("type", "") == "crm.customer.lifecycle_changed.v1") {
      causes.push_back(step["causation_id"].is_string() ? step["causation_id"].get<std::string>() : "");
    }
  }
  return causes;
}

TEST(ServeTest, ProcessManagersDeriveTheCustomerLifecycle) {
  eventstore::testing::TempDir dir;
  auto start = [&dir](Child* server, uint16_t* port, std::string* admin) {
    *server = Spawn({"serve", "--data", dir.path(), "--listen", "127.0.0.1:0", "--durability", "os"});
    const std::regex printed("listening on http://127\\.0\\.0\\.1:([0-9]+)\n");
    const std::string banner = ReadUntil(server->out, printed, std::chrono::seconds(60));
    std::smatch m;
    ASSERT_TRUE(std::regex_search(banner, m, printed)) << banner;
    *port = static_cast<uint16_t>(std::stoi(m[1]));
    // The token `token create` gets through the running server.
    auto [code, out, err] = RunBinary({"token", "create", "--data", dir.path(), "--role", "admin"});
    ASSERT_EQ(code, 0) << err;
    *admin = out.substr(0, out.find('\n'));
  };
  auto stop = [](Child& server) {
    ASSERT_EQ(kill(server.pid, SIGTERM), 0);
    int status = 0;
    ASSERT_EQ(waitpid(server.pid, &status, 0), server.pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << ReadAll(server.err);
    close(server.out);
    close(server.err);
  };
  Child server;
  uint16_t port = 0;
  std::string admin;
  ASSERT_NO_FATAL_FAILURE(start(&server, &port, &admin));
  auto post = [&](const std::string& type, const std::string& body) {
    api::Response r = Call(port, "POST", "/v1/commands/" + type, admin, body);
    EXPECT_EQ(r.status, 201) << type << ": " << r.body;
    return r.status == 201 ? api::ParseJson(r.body) : nlohmann::json::object();
  };
  post("CreateDepartment", R"({"id":"hq","name":"HQ"})");
  post("HireEmployee", R"({"id":"e1","name":"Ann","department_id":"hq","role":"sales"})");
  post("RegisterCustomer", R"({"id":"c1","name":"Acme","owner_id":"e1"})");
  const nlohmann::json opened = post("OpenOpportunity", R"({"id":"o1","customer_id":"c1",
      "title":"Servers","owner_id":"e1","amount":{"amount":"1000.00","currency":"USD"},
      "expected_close_date":"2030-06-30"})");
  ASSERT_FALSE(opened["event_ids"].empty());
  EXPECT_EQ(AwaitLifecycle(port, admin, "c1", "opportunity")["state"].value("lifecycle", ""),
            "opportunity");
  const nlohmann::json won = post("WinOpportunity", R"({"opportunity_id":"o1"})");
  ASSERT_FALSE(won["event_ids"].empty());
  EXPECT_EQ(AwaitLifecycle(port, admin, "c1", "signed")["state"].value("lifecycle", ""), "signed");
  // Each derived change names the event that caused it.
  EXPECT_EQ(LifecycleCauses(port, admin, "c1"),
            (std::vector<std::string>{opened["event_ids"][0], won["event_ids"][0]}));
  stop(server);
  EXPECT_TRUE(std::filesystem::exists(dir.path() + "/process_managers.checkpoint"));

  // After a restart the managers carry on from their checkpoint: a repeat
  // purchase makes the customer loyal, and nothing earlier is derived twice.
  ASSERT_NO_FATAL_FAILURE(start(&server, &port, &admin));
  post("OpenOpportunity", R"({"id":"o2","customer_id":"c1","title":"Storage","owner_id":"e1",
      "amount":{"amount":"500.00","currency":"USD"},"expected_close_date":"2030-06-30"})");
  const nlohmann::json won_again = post("WinOpportunity", R"({"opportunity_id":"o2"})");
  ASSERT_FALSE(won_again["event_ids"].empty());
  EXPECT_EQ(AwaitLifecycle(port, admin, "c1", "loyal")["state"].value("lifecycle", ""), "loyal");
  EXPECT_EQ(LifecycleCauses(port, admin, "c1"),
            (std::vector<std::string>{opened["event_ids"][0], won["event_ids"][0],
                                      won_again["event_ids"][0]}));
  stop(server);
}

}  // namespace
}  // namespace dealstream::app
