// The server-side subcommands of the dealstream binary (the replay and audit
// ones are in replay_cli.h). Each takes the arguments after
// its name and returns the process exit code (0 ok, 1 a negative result
// such as a failed verification, 2 a usage or environment error).
#pragma once

#include <string>
#include <vector>

namespace dealstream::app {

int RunServe(const std::vector<std::string>& args);
int RunTokenCreate(const std::vector<std::string>& args);

}  // namespace dealstream::app
