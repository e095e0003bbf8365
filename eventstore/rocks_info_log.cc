#include "eventstore/rocks_info_log.h"

#include <rocksdb/env.h>

#include <cstdarg>
#include <cstdio>
#include <string>

#include "base/time.h"

namespace dealstream::eventstore {
namespace {

class StderrLogger final : public rocksdb::Logger {
 public:
  StderrLogger() : rocksdb::Logger(rocksdb::InfoLogLevel::WARN_LEVEL) {}

  // Logv without a level is RocksDB's INFO; headers are INFO too.
  void Logv(const char* format, va_list ap) override {
    Logv(rocksdb::InfoLogLevel::INFO_LEVEL, format, ap);
  }

  void Logv(const rocksdb::InfoLogLevel level, const char* format, va_list ap) override {
    if (level < GetInfoLogLevel()) return;
    char message[1024];
    std::vsnprintf(message, sizeof message, format, ap);
    const char* name = level >= rocksdb::InfoLogLevel::ERROR_LEVEL ? "error" : "warning";
    // One write per line, so that lines of concurrent threads do not mix.
    const std::string line = FormatTimestamp(Now()) + " " + name + " rocksdb " + message + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
  }
};

}  // namespace

std::shared_ptr<rocksdb::Logger> RocksInfoLog() {
  static const std::shared_ptr<rocksdb::Logger> logger = std::make_shared<StderrLogger>();
  return logger;
}

}  // namespace dealstream::eventstore
