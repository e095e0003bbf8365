#include "log_fixture.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <random>

namespace dealstream::eventstore::testing {

TempDir::TempDir() {
  std::random_device rd;
  path_ = (std::filesystem::temp_directory_path() /
           ("dealstream-test-" + std::to_string(getpid()) + "-" + std::to_string(rd())))
              .string();
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

StreamName Stream(const std::string& name) {
  auto s = StreamName::Parse(name);
  EXPECT_TRUE(s.ok()) << name;
  return *s;
}

ProposedEvent Event(const std::string& type, const std::string& data) {
  ProposedEvent e;
  e.type = type;
  e.data = data;
  e.subject = "x";
  e.metadata.actor = "tester";
  return e;
}

AppendRequest Request(const std::string& stream, ExpectedVersion expected, int events,
                      const std::string& type) {
  AppendRequest r{.stream = Stream(stream), .expected = expected, .events = {}};
  for (int i = 0; i < events; ++i) r.events.push_back(Event(type, "{\"i\":" + std::to_string(i) + "}"));
  return r;
}

std::unique_ptr<RocksEventLog> OpenRocks(const std::string& path, Durability durability) {
  auto log = RocksEventLog::Open({.path = path, .durability = durability});
  EXPECT_TRUE(log.ok()) << (log.ok() ? "" : log.error().ToString());
  return log.ok() ? std::move(*log) : nullptr;
}

}  // namespace dealstream::eventstore::testing
