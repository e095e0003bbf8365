// dealstream: the command-line entry point. Subcommands grow with the modules.
#include <cstdio>
#include <cstring>
#include <string>

#include "eventstore/rocks_event_log.h"

namespace {

int Usage() {
  std::fprintf(stderr,
               "usage: dealstream <subcommand> --data DIR [options]\n"
               "  verify   check positions, versions, the hash chain and the head\n");
  return 2;
}

int Verify(const std::string& data) {
  using namespace dealstream::eventstore;
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

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  const std::string command = argv[1];
  std::string data = "./data";
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--data") == 0) data = argv[i + 1];
  }
  if (command == "verify") return Verify(data);
  return Usage();
}
