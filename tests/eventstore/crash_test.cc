// Crash test (R1, R3): a child process appends from 8 threads and reports
// every acknowledged append over a pipe; the parent SIGKILLs it at random
// moments, reopens the log, and checks that no acknowledged event is lost,
// positions and versions have no gaps, and the hash chain verifies. Appends
// that were in flight at the kill are retried with their idempotency keys:
// each must end up stored exactly once.
//
// Cycles: DEALSTREAM_CRASH_CYCLES (default 20; the soak run uses 200).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "log_fixture.h"

#ifndef CRASH_WRITER_PATH
#error "CRASH_WRITER_PATH must name the crash_writer executable"
#endif

namespace dealstream::eventstore {
namespace {

struct Acked {
  std::string stream;
  uint64_t version;
  uint64_t position;
  uint64_t count;
  std::string first_event_id;
};

struct ChildReport {
  std::map<std::string, std::string> started;  // key -> stream
  std::map<std::string, Acked> acked;
};

// Runs crash_writer for `run_for`, SIGKILLs it, and returns what it reported.
ChildReport RunAndKill(const std::string& dir, const std::string& run_id,
                       std::chrono::milliseconds run_for) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    close(fds[1]);
    execl(CRASH_WRITER_PATH, CRASH_WRITER_PATH, dir.c_str(), run_id.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  std::string output;
  std::mutex mu;
  std::condition_variable ready_cv;
  bool ready = false;
  std::thread reader([&] {
    char buf[65536];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) {
      std::lock_guard lock(mu);
      output.append(buf, static_cast<size_t>(n));
      if (!ready && output.rfind("R\n", 0) == 0) {
        ready = true;
        ready_cv.notify_all();
      }
    }
  });
  {
    // Opening (and recovering) the log takes a while on a busy machine; the
    // random run time starts once the writer is ready.
    std::unique_lock lock(mu);
    EXPECT_TRUE(ready_cv.wait_for(lock, std::chrono::seconds(60), [&] { return ready; }))
        << "crash_writer did not open the log within 60 s";
  }
  std::this_thread::sleep_for(run_for);
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  reader.join();
  close(fds[0]);
  EXPECT_TRUE(WIFSIGNALED(status)) << "crash_writer exited by itself with status " << status;

  ChildReport report;
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream in(line);
    std::string tag, key, stream;
    in >> tag >> key >> stream;
    if (tag == "S") {
      report.started[key] = stream;
    } else if (tag == "A") {
      Acked a{stream, 0, 0, 0, ""};
      in >> a.version >> a.position >> a.count >> a.first_event_id;
      report.acked[key] = a;
    }
  }
  return report;
}

int Cycles() {
  const char* env = std::getenv("DEALSTREAM_CRASH_CYCLES");
  return env ? std::max(1, std::atoi(env)) : 20;
}

TEST(CrashTest, NoAcknowledgedEventIsLostAcrossSigkills) {
  testing::TempDir dir;
  std::mt19937 rng(std::random_device{}());
  std::uniform_int_distribution<int> run_ms(30, 250);
  std::map<std::string, Acked> all_acked;
  uint64_t retried = 0, retried_were_committed = 0;
  const int cycles = Cycles();

  for (int cycle = 0; cycle < cycles; ++cycle) {
    const std::string run_id = "r" + std::to_string(cycle);
    ChildReport report =
        RunAndKill(dir.path(), run_id, std::chrono::milliseconds(run_ms(rng)));
    ASSERT_FALSE(report.started.empty()) << "cycle " << cycle << ": the writer never started";

    auto log = testing::OpenRocks(dir.path());
    ASSERT_NE(log, nullptr);
    // Every acknowledged append is present, exactly where it was reported.
    for (const auto& [key, a] : report.acked) {
      auto events = log->ReadStream(testing::Stream(a.stream), {a.version - a.count + 1},
                                    Direction::kForward, a.count);
      ASSERT_TRUE(events.ok());
      ASSERT_EQ(events->size(), a.count) << "acknowledged append " << key << " lost";
      EXPECT_EQ((*events)[0].position.value, a.position) << key;
      EXPECT_EQ((*events)[0].id, a.first_event_id) << key;
      EXPECT_EQ((*events)[0].subject, key);
      all_acked[key] = a;
    }
    // Appends in flight at the kill: retry with the same key and payload.
    for (const auto& [key, stream] : report.started) {
      if (report.acked.count(key)) continue;
      const uint64_t head_before = log->Head().position.value;
      AppendRequest r{.stream = testing::Stream(stream), .expected = ExpectedVersion::Any(),
                      .events = {}};
      r.idempotency_key = key;
      const uint64_t i = std::stoull(key.substr(key.rfind('-') + 1));
      for (int e = 0; e < 1 + static_cast<int>(i % 3); ++e) {
        ProposedEvent p;
        p.type = "test.crash.appended.v1";
        p.subject = key;
        p.data = "{\"key\":\"" + key + "\",\"n\":" + std::to_string(e) + ",\"pad\":\"" +
                 std::string(200, 'x') + "\"}";
        r.events.push_back(std::move(p));
      }
      auto retry = log->Append(r);
      ASSERT_TRUE(retry.ok()) << retry.error().message;
      ++retried;
      if (retry->replayed) {
        ++retried_were_committed;
        EXPECT_EQ(log->Head().position.value, head_before) << "a replay wrote events";
      }
    }
    const VerifyReport verify = log->Verify();
    ASSERT_TRUE(verify.ok) << "cycle " << cycle << ": " << verify.problem << " at "
                           << verify.first_bad_position;
  }

  // Across all cycles: each key stored exactly once, positions gap-free.
  auto log = testing::OpenRocks(dir.path());
  std::map<std::string, std::set<uint64_t>> versions_by_stream;
  std::map<std::string, int> copies;  // key -> number of appends that stored it
  uint64_t expected_position = 1;
  for (GlobalPosition from{1};;) {
    auto page = log->ReadAll(from, 4096, {});
    ASSERT_TRUE(page.ok());
    if (page->events.empty()) break;
    for (const RecordedEvent& e : page->events) {
      ASSERT_EQ(e.position.value, expected_position++);
      ASSERT_TRUE(versions_by_stream[e.stream.str()].insert(e.version.value).second);
      if (e.data.find("\"n\":0,") != std::string::npos) ++copies[e.subject];
    }
    from = page->next;
  }
  for (const auto& [stream, versions] : versions_by_stream) {
    EXPECT_EQ(*versions.rbegin(), versions.size()) << stream << " has a version gap";
  }
  for (const auto& [key, n] : copies) EXPECT_EQ(n, 1) << key << " stored " << n << " times";
  for (const auto& [key, a] : all_acked) EXPECT_EQ(copies[key], 1) << key;
  EXPECT_GE(all_acked.size(), static_cast<size_t>(cycles));
  RecordProperty("acknowledged_appends", static_cast<int>(all_acked.size()));
  RecordProperty("retried_in_flight", static_cast<int>(retried));
  RecordProperty("retried_already_committed", static_cast<int>(retried_were_committed));
  std::printf("crash test: %d cycles, %zu acknowledged appends kept, %llu in-flight retried "
              "(%llu had been committed before the kill)\n",
              cycles, all_acked.size(), static_cast<unsigned long long>(retried),
              static_cast<unsigned long long>(retried_were_committed));
}

}  // namespace
}  // namespace dealstream::eventstore
