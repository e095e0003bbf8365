// Storage faults (DESIGN R10) on the real server, over real loopback HTTP,
// with faults the kernel really produces:
//
//   DiskFull        the data directory is a small tmpfs, filled up with a
//                   file: writes fail with ENOSPC. Once the file is removed
//                   the server resumes writing by itself, at the next
//                   command. Needs mount(2) (root or CAP_SYS_ADMIN); skipped,
//                   saying so, where it is refused.
//   FileWriteError  the server's file size limit (RLIMIT_FSIZE) is lowered
//                   to 0 from outside with prlimit(2): every write to a file
//                   fails with EFBIG. RocksDB deems such a failed WAL write
//                   fatal, so the server refuses writes until it is
//                   restarted. Needs no privilege, so it always runs.
//
// Both check the same contract: commands answer 503 problem+json naming the
// cause, nothing of a failed command is stored (positions and reads
// unchanged, verify passes), reads keep answering 200, and after the fault
// the next command succeeds at the next position.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "crm_fixture.h"
#include "log_fixture.h"
#include "server_process.h"

namespace dealstream::replay {
namespace {

using eventstore::testing::TempDir;
using nlohmann::json;
using testing::RunCli;
using testing::ServerProcess;

std::string Competitor(const std::string& id) {
  return json{{"id", id}, {"name", "Competitor " + id}}.dump();
}

// Every event of the log over GET /v1/events, in position order.
std::vector<json> AllEvents(const ServerProcess& server) {
  std::vector<json> all;
  uint64_t from = 1;
  for (int pages = 0; pages < 1000; ++pages) {
    api::Response r = server.Call("GET", "/v1/events?from=" + std::to_string(from) + "&limit=500");
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) break;
    json page = json::parse(r.body);
    const json& events = page["events"];
    for (const json& e : events) all.push_back(e);
    if (events.empty()) break;
    from = page["next"].get<uint64_t>();
  }
  return all;
}

uint64_t PositionOf(const json& event) {
  const json& p = event.contains("position") ? event["position"] : event["dealstreamposition"];
  return p.is_string() ? std::stoull(p.get<std::string>()) : p.get<uint64_t>();
}

struct Refused {
  uint64_t head = 0;      // the last position stored before the fault
  size_t events = 0;      // events in the log then
  std::string failed_id;  // a command refused by the fault
};

// Starts the fault with `inject` and checks that commands are refused with a
// 503 whose detail names `cause`, that nothing of them is stored, and that
// reads and verify keep working.
Refused CheckRefusedAndReadsKept(const ServerProcess& server, const std::string& data,
                                 const std::function<void()>& inject, const std::string& cause) {
  Refused out;
  for (int i = 0; i < 5; ++i) {
    api::Response r = server.Call("POST", "/v1/commands/RegisterCompetitor",
                                  Competitor("before-" + std::to_string(i)));
    EXPECT_EQ(r.status, 201) << r.body;
  }
  inject();

  // A write may still fit in space the log already holds (the last page of
  // its file); commands succeed until one does not, and then none does.
  uint64_t last_ok = 0;
  api::Response refused;
  for (int i = 0; i < 2000 && out.failed_id.empty(); ++i) {
    const std::string id = "during-" + std::to_string(i);
    api::Response r = server.Call("POST", "/v1/commands/RegisterCompetitor", Competitor(id));
    if (r.status == 201) {
      last_ok = json::parse(r.body)["position"].get<uint64_t>();
      continue;
    }
    EXPECT_EQ(r.status, 503) << r.body;
    if (r.status != 503) return out;
    out.failed_id = id;
    refused = r;
  }
  EXPECT_FALSE(out.failed_id.empty()) << "the fault never made a command fail";
  if (out.failed_id.empty()) return out;
  EXPECT_EQ(refused.headers.Get("Content-Type").value_or(""), "application/problem+json");
  EXPECT_TRUE(refused.headers.Get("Retry-After").has_value());
  const json problem = json::parse(refused.body);
  EXPECT_EQ(problem["status"], 503);
  EXPECT_EQ(problem["code"], "storage_unavailable") << refused.body;
  const std::string detail = problem["detail"].get<std::string>();
  EXPECT_NE(detail.find(cause), std::string::npos) << detail;
  EXPECT_NE(detail.find("nothing was stored"), std::string::npos) << detail;
  EXPECT_EQ(detail.find(data), std::string::npos) << "the detail leaks a server path: " << detail;

  const std::vector<json> before = AllEvents(server);
  EXPECT_FALSE(before.empty());
  if (before.empty()) return out;
  out.head = PositionOf(before.back());
  out.events = before.size();
  if (last_ok != 0) {
    EXPECT_EQ(out.head, last_ok);
  }

  // While the fault lasts: more commands fail the same way, reads answer.
  for (int i = 0; i < 3; ++i) {
    api::Response r = server.Call("POST", "/v1/commands/RegisterCompetitor",
                                  Competitor("still-" + std::to_string(i)));
    EXPECT_EQ(r.status, 503) << r.body;
  }
  EXPECT_EQ(server.Call("GET", "/v1/competitors/before-0").status, 200);
  EXPECT_EQ(server.Call("GET", "/v1/competitors/" + out.failed_id).status, 404);
  EXPECT_EQ(server.Call("GET", "/v1/projections/funnel").status, 200);
  EXPECT_EQ(server.Call("GET", "/healthz").status, 200);
  const std::vector<json> during = AllEvents(server);
  EXPECT_EQ(during.size(), before.size());
  for (size_t i = 0; i < during.size(); ++i) EXPECT_EQ(PositionOf(during[i]), i + 1);
  const testing::CliResult verify = RunCli("verify --data " + data);
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  return out;
}

// Once the fault is gone: the refused command and the next one are stored
// at the next positions, and the log verifies.
void CheckWritesResume(const ServerProcess& server, const std::string& data, const Refused& r) {
  api::Response resumed =
      server.Call("POST", "/v1/commands/RegisterCompetitor", Competitor(r.failed_id));
  ASSERT_EQ(resumed.status, 201) << "writes did not resume: " << resumed.body;
  const uint64_t first = json::parse(resumed.body)["position"].get<uint64_t>();
  // A restarted server grants its admin token first: one event more.
  EXPECT_GE(first, r.head + 1);
  api::Response next = server.Call("POST", "/v1/commands/RegisterCompetitor", Competitor("after"));
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_EQ(json::parse(next.body)["position"].get<uint64_t>(), first + 1);
  EXPECT_EQ(server.Call("GET", "/v1/competitors/" + r.failed_id).status, 200);
  const std::vector<json> after = AllEvents(server);
  ASSERT_EQ(after.size(), r.events + (first - r.head) + 1);
  for (size_t i = 0; i < after.size(); ++i) EXPECT_EQ(PositionOf(after[i]), i + 1);
  const testing::CliResult verified = RunCli("verify --data " + data);
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
}

// A tmpfs of `size` mounted on a fresh directory, unmounted on destruction.
class SmallFilesystem {
 public:
  explicit SmallFilesystem(const std::string& dir, const std::string& size) : dir_(dir) {
    std::filesystem::create_directories(dir_);
    const std::string options = "size=" + size + ",mode=0700";
    if (mount("dealstream-test", dir_.c_str(), "tmpfs", 0, options.c_str()) != 0) {
      error_ = std::strerror(errno);
    }
  }
  ~SmallFilesystem() {
    if (error_.empty()) umount2(dir_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  std::string dir_;
  std::string error_;
};

// Writes zeros into `path` until the filesystem is full.
void FillUp(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::setvbuf(f, nullptr, _IONBF, 0);
  const std::vector<char> chunk(64 * 1024, 0);
  size_t total = 0;
  while (std::fwrite(chunk.data(), 1, chunk.size(), f) == chunk.size()) total += chunk.size();
  // What is left is less than a chunk: fill it byte by byte.
  while (std::fwrite(chunk.data(), 1, 1, f) == 1) ++total;
  std::fclose(f);
  ASSERT_GT(total, 0u);
}

TEST(StorageFaultTest, DiskFullRefusesCommandsKeepsReadsAndResumesWhenSpaceReturns) {
  TempDir tmp;
  SmallFilesystem fs(tmp.path() + "/mnt", "24m");
  if (!fs.mounted()) {
    GTEST_SKIP() << "cannot mount a tmpfs for the data directory here (" << fs.error()
                 << "; needs root or CAP_SYS_ADMIN); FileWriteError covers the rest of R10 without it";
  }
  const std::string data = tmp.path() + "/mnt/data";
  const std::string filler = tmp.path() + "/mnt/filler";
  ServerProcess server(data, "fsync");
  ASSERT_TRUE(server.started()) << server.banner();
  const Refused refused =
      CheckRefusedAndReadsKept(server, data, [&] { FillUp(filler); }, "no space left");
  ASSERT_FALSE(HasFailure());
  std::filesystem::remove(filler);
  // In place: the server itself recovers, at the next command.
  CheckWritesResume(server, data, refused);
  EXPECT_TRUE(server.Stop());
}

TEST(StorageFaultTest, FileWriteErrorRefusesCommandsKeepsReadsAndWritesAfterRestart) {
  TempDir tmp;
  const std::string data = tmp.path() + "/data";
  // A write past the limit raises SIGXFSZ, which would kill the server; the
  // ignored disposition is inherited through exec, so the write fails with
  // EFBIG instead.
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  struct sigaction previous {};
  ASSERT_EQ(sigaction(SIGXFSZ, &ignore, &previous), 0);
  Refused refused;
  std::string token;
  {
    ServerProcess server(data, "fsync");
    ASSERT_TRUE(server.started()) << server.banner();
    token = server.admin_token();
    const auto set_limit = [&](rlim_t soft) {
      rlimit limit{.rlim_cur = soft, .rlim_max = RLIM_INFINITY};
      ASSERT_EQ(prlimit(server.pid(), RLIMIT_FSIZE, &limit, nullptr), 0) << std::strerror(errno);
    };
    refused = CheckRefusedAndReadsKept(server, data, [&] { set_limit(0); }, "I/O error");
    set_limit(RLIM_INFINITY);
    // RocksDB deems a failed WAL write other than a full disk fatal: the
    // server keeps refusing writes, says to restart it, and keeps reading.
    api::Response r = server.Call("POST", "/v1/commands/RegisterCompetitor", Competitor("x"));
    EXPECT_EQ(r.status, 503) << r.body;
    EXPECT_NE(r.body.find("restart the server"), std::string::npos) << r.body;
    EXPECT_EQ(server.Call("GET", "/v1/competitors/before-0").status, 200);
    EXPECT_TRUE(server.Stop());
  }
  ASSERT_FALSE(HasFailure());
  ServerProcess restarted(data, "fsync", token);
  ASSERT_TRUE(restarted.started()) << restarted.banner();
  CheckWritesResume(restarted, data, refused);
  EXPECT_TRUE(restarted.Stop());
  sigaction(SIGXFSZ, &previous, nullptr);
}

}  // namespace
}  // namespace dealstream::replay
