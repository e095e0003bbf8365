// crash_writer: the child process of the crash test. Opens the log at argv[1]
// and appends from 8 threads until killed. Before each append it reports
// "S <key> <stream>" and after each acknowledged append
// "A <key> <stream> <version> <position> <event id>" on stdout (fd 1), one
// write() per line so that a line is never torn by SIGKILL.
//
// Every append carries an idempotency key, so the parent can retry the
// appends that were in flight when the process died.
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "eventstore/rocks_event_log.h"

namespace {

using namespace dealstream::eventstore;

void WriteLine(const std::string& line) {
  const std::string with_newline = line + "\n";
  // A short write to a pipe cannot happen for lines under PIPE_BUF.
  if (write(1, with_newline.data(), with_newline.size()) < 0) _exit(3);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: crash_writer DATA_DIR RUN_ID\n");
    return 2;
  }
  auto log = RocksEventLog::Open({.path = argv[1], .durability = Durability::kFsync});
  if (!log.ok()) {
    std::fprintf(stderr, "open failed: %s\n", log.error().ToString().c_str());
    return 1;
  }
  const std::string run = argv[2];
  WriteLine("R");  // open: the parent starts its kill timer now
  std::vector<std::thread> writers;
  for (int t = 0; t < 8; ++t) {
    writers.emplace_back([&, t] {
      for (uint64_t i = 0;; ++i) {
        const std::string key = run + "-" + std::to_string(t) + "-" + std::to_string(i);
        // Writers share a few streams so that versions interleave.
        const std::string stream = "crash-" + std::to_string((t + i) % 5);
        AppendRequest r{.stream = *StreamName::Parse(stream), .expected = ExpectedVersion::Any(),
                        .events = {}};
        r.idempotency_key = key;
        for (int e = 0; e < 1 + static_cast<int>(i % 3); ++e) {
          ProposedEvent p;
          p.type = "test.crash.appended.v1";
          p.subject = key;
          p.data = "{\"key\":\"" + key + "\",\"n\":" + std::to_string(e) + ",\"pad\":\"" +
                   std::string(200, 'x') + "\"}";
          r.events.push_back(std::move(p));
        }
        WriteLine("S " + key + " " + stream);
        auto result = (*log)->Append(r);
        if (!result.ok()) {
          std::fprintf(stderr, "append failed: %s\n", result.error().message.c_str());
          _exit(4);
        }
        WriteLine("A " + key + " " + stream + " " + std::to_string(result->last_version.value) +
                  " " + std::to_string(result->first_position.value) + " " +
                  std::to_string(result->event_ids.size()) + " " + result->event_ids.front());
      }
    });
  }
  for (auto& w : writers) w.join();
  return 0;
}
