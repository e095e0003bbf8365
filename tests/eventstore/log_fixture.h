// Test helpers: temp directories and short ways to build appends.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "eventstore/event_log.h"
#include "eventstore/memory_event_log.h"
#include "eventstore/rocks_event_log.h"

namespace dealstream::eventstore::testing {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

StreamName Stream(const std::string& name);
ProposedEvent Event(const std::string& type, const std::string& data = "{}");
AppendRequest Request(const std::string& stream, ExpectedVersion expected, int events = 1,
                      const std::string& type = "test.thing.happened.v1");

std::unique_ptr<RocksEventLog> OpenRocks(const std::string& path,
                                         Durability durability = Durability::kFsync);

}  // namespace dealstream::eventstore::testing
