// The replay and audit subcommands of DESIGN §10: history, state, query,
// verify, rebuild, export, import and forget (replay/ does the work; this is
// argument handling and output). Every one takes --data DIR (default
// ./data); history, state, query, verify and export open the directory
// read-only and work beside a running server; forget and rebuild go through
// that server's admin API; import needs the server stopped.
//
// Exit codes: 0 success; 1 the operation failed (verify: the data is not
// intact); 2 bad usage.
#pragma once

#include <optional>
#include <string>

namespace dealstream::app {

// The exit code when `command` is a replay subcommand, else nullopt.
// argv[1] is the subcommand; its arguments start at argv[2].
std::optional<int> RunReplaySubcommand(const std::string& command, int argc, char** argv);

// Usage lines of these subcommands, for the binary's help.
const char* ReplayUsage();

}  // namespace dealstream::app
