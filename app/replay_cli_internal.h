// Shared plumbing of the replay subcommands (replay_cli*.cc).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/cli_args.h"
#include "base/result.h"
#include "base/time.h"

namespace dealstream::app::replay_cli {

// Prints "dealstream <command>: <message>" to stderr; returns 2 for bad
// usage (InvalidArgument) and 1 otherwise.
int Fail(const std::string& command, const Status& status);

// --data, default "./data".
std::string DataPath(const Args& args);

// --<name> TIME (RFC 3339, or a date meaning the end of that day UTC).
Result<std::optional<Timestamp>> TimeOption(const Args& args, const std::string& name);

// --<name> N, a whole number; `fallback` when absent.
Result<uint64_t> NumberOption(const Args& args, const std::string& name, uint64_t fallback);

int History(const Args& args);
int State(const Args& args);
int Query(const Args& args);
int Verify(const Args& args);
int Rebuild(const Args& args);
int Export(const Args& args);
int Import(const Args& args);
int Forget(const Args& args);

// Beside a running server (replay_cli_server.cc). `busy` is why the
// directory could not be opened for writing.
int ForgetThroughServer(const std::string& data, const std::string& subject, const Status& busy);
int RebuildThroughServer(const std::string& data, const Status& busy);
// Why import cannot run now, and what to do.
Status ImportRefusal(const std::string& data, const Status& busy);
// `import maven-crm` beside a running server: its commands go to the server.
int ImportMavenThroughServer(const std::string& data, const std::string& source,
                             const Status& busy);

}  // namespace dealstream::app::replay_cli
