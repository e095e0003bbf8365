#include "replay/data_dir.h"

#include <filesystem>
#include <system_error>

namespace dealstream::replay {

Result<std::unique_ptr<DataDir>> DataDir::Open(const DataDirOptions& options) {
  if (options.path.empty()) return Status::InvalidArgument("--data: a directory is required");
  std::unique_ptr<DataDir> dir(new DataDir());
  dir->layout_.root = options.path;
  dir->read_only_ = options.read_only;
  std::error_code ec;
  if (options.read_only) {
    if (!std::filesystem::exists(dir->layout_.log() + "/CURRENT", ec)) {
      return Status::NotFound("--data " + options.path + ": no event log at " +
                              dir->layout_.log());
    }
  } else {
    std::filesystem::create_directories(options.path, ec);
    if (ec) {
      return Status::Unavailable("--data " + options.path + ": cannot create: " + ec.message());
    }
  }
  auto log = eventstore::RocksEventLog::Open({.path = dir->layout_.log(),
                                              .durability = options.durability,
                                              .read_only = options.read_only});
  if (!log.ok()) {
    const std::string& m = log.error().message();
    if (!options.read_only && m.find("lock") != std::string::npos) {
      return Status::FailedPrecondition("--data " + options.path +
                                        ": the log is in use by another process (a running "
                                        "server?); stop it or use the server's admin API");
    }
    return log.error();
  }
  dir->raw_log_ = std::move(*log);
  auto keys = KeyStore::Open({.path = dir->layout_.keys(),
                              .read_only = options.read_only,
                              .sync = options.durability == eventstore::Durability::kFsync});
  if (!keys.ok()) return keys.error();
  dir->keys_ = std::move(*keys);
  dir->vault_ = std::make_unique<PersonalVault>(*dir->keys_);
  dir->vaulted_ = std::make_unique<commands::VaultedEventLog>(*dir->raw_log_, *dir->vault_);
  return dir;
}

}  // namespace dealstream::replay
