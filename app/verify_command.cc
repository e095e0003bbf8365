// dealstream verify --data DIR: checks the stored log read-only, so it runs
// beside a live server.
#include <cstdio>

#include "app/flags.h"
#include "app/subcommands.h"
#include "eventstore/rocks_event_log.h"

namespace dealstream::app {

int RunVerify(const std::vector<std::string>& args) {
  auto flags = Flags::Parse("verify", args, {{"data"}});
  if (!flags.ok()) {
    std::fprintf(stderr, "%s\n", flags.error().message().c_str());
    return 2;
  }
  const std::string data = flags->GetOr("data", "./data");
  using namespace eventstore;
  auto log = RocksEventLog::Open({.path = data, .read_only = true});
  if (!log.ok()) {
    std::fprintf(stderr, "verify: %s\n", log.error().ToString().c_str());
    return 2;
  }
  const VerifyReport report = (*log)->Verify();
  if (!report.ok) {
    std::printf("FAILED at position %llu: %s\n",
                static_cast<unsigned long long>(report.first_bad_position), report.problem.c_str());
    return 1;
  }
  std::printf("OK: %llu events, head %s\n", static_cast<unsigned long long>(report.events_checked),
              HexOf((*log)->Head().hash).c_str());
  return 0;
}

}  // namespace dealstream::app
