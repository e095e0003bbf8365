// The note a running server leaves in its data directory ("serve.json",
// mode 0600) so that local tools can reach it while it holds the database
// lock: where it listens, and a process-only admin credential (never stored
// in the log; valid until the server stops). Whoever can read the data
// directory can already rewrite the log, so the note grants nothing new.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/status.h"

namespace dealstream::app {

struct LocalServerNote {
  std::string host;  // an address local tools can connect to
  uint16_t port = 0;
  std::string token;  // process-only admin token
  long pid = 0;
};

std::string LocalServerNotePath(const std::string& data_dir);
// Written atomically with mode 0600.
Status WriteLocalServerNote(const std::string& data_dir, const LocalServerNote& note);
// nullopt when absent or unreadable.
std::optional<LocalServerNote> ReadLocalServerNote(const std::string& data_dir);
void RemoveLocalServerNote(const std::string& data_dir);

}  // namespace dealstream::app
