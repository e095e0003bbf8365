// Test helpers for the replay module: a small CRM written through the real
// command service into a real data directory, and a runner for the
// dealstream binary.
#pragma once

#include <string>

#include "commands/command_service.h"

namespace dealstream::replay::testing {

// Executes one command; a refused command fails the calling test and
// returns "".
std::string Run(commands::CommandService& service, const std::string& type,
                const std::string& body, const std::string& actor = "tester");

// A department "hq", employees "alice" (manager) and "bob" (sales), customer
// "acme", contact "carol" with personal data, and opportunity "deal1":
// opened 2017-02-01, advanced to "Needs Analysis" 2017-03-01, amount
// revised 2017-03-15, won 2017-04-01 for 1200.00 USD; a second
// opportunity "deal2" opened 2017-02-10 and lost 2017-05-01.
void SeedSmallCrm(commands::CommandService& service);

// Builds the small CRM in the data directory `path` (created), through a
// writable DataDir, and closes it again.
void SeedDataDir(const std::string& path);

struct CliResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs the dealstream binary with `args` (a shell-quoted argument string).
CliResult RunCli(const std::string& args);

}  // namespace dealstream::replay::testing
