// dealstream: the command-line entry point. Each subcommand lives in its own
// file (app/*_command.cc) and parses its own flags strictly.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "app/replay_cli.h"
#include "app/subcommands.h"

namespace {

int Usage() {
  std::fprintf(stderr,
               "usage: dealstream <subcommand> [--data DIR] [options]\n"
               "  serve --listen HOST:PORT [--demo] [--durability fsync|os]\n"
               "        [--kafka-brokers HOST:PORT [--kafka-topic T]]\n"
               "        [--follow HOST:PORT/TOPIC]   a read-only replica fed from Kafka\n"
               "                   run the HTTP API (stops on SIGINT/SIGTERM)\n"
               "  token create --role ROLE [--employee ID]\n"
               "                   print a new bearer token (roles: admin, manager, sales,\n"
               "                   auditor, analyst, integrator; admin needs no employee)\n");
  std::fputs(dealstream::app::ReplayUsage(), stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  const std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  try {
    if (command == "serve") return dealstream::app::RunServe(args);
    if (auto code = dealstream::app::RunReplaySubcommand(command, argc, argv)) return *code;
    if (command == "token") {
      if (args.empty() || args[0] != "create") return Usage();
      return dealstream::app::RunTokenCreate({args.begin() + 1, args.end()});
    }
  } catch (const std::exception& e) {
    // Third-party code may throw; nothing of ours does on purpose.
    std::fprintf(stderr, "dealstream %s: %s\n", command.c_str(), e.what());
    return 2;
  }
  return Usage();
}
