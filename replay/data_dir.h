// DataDir: one data directory (`--data DIR`) and what lives in it.
//
//   DIR              the event log's RocksDB database (as `serve` opens it)
//   DIR/projections  the projections' snapshot store (SnapshotStore)
//   DIR/keys         the personal-data keys (KeyStore), never in the log
// (RocksDB ignores the subdirectories: they are separate databases.)
//
// Open returns the raw log (what is stored: verify, export for backup,
// replication), the personal-data vault over the key store, and the
// vaulted view of the log (personal fields opened or redacted) that the
// command service, the read models, history and the feed read through.
//
// Read-only opens take no lock on anything, so tools run beside a live
// server; they see the log as of the open (keys are opened after the log,
// so every visible event's key is visible too).
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "commands/vaulted_event_log.h"
#include "eventstore/rocks_event_log.h"
#include "replay/key_store.h"
#include "replay/personal_vault.h"

namespace dealstream::replay {

struct DataLayout {
  std::string root;
  std::string log() const { return root; }
  std::string projections() const { return root + "/projections"; }
  std::string keys() const { return root + "/keys"; }
};

struct DataDirOptions {
  std::string path;  // DIR; required
  // Default: true (tools); the server and importers open it writable.
  bool read_only = true;
  // For writable opens. Default: kFsync.
  eventstore::Durability durability = eventstore::Durability::kFsync;
};

class DataDir {
 public:
  // Errors: InvalidArgument (no path), NotFound (read-only open of a
  // directory without a log), FailedPrecondition (writable open of a
  // directory a server holds), Unavailable.
  static Result<std::unique_ptr<DataDir>> Open(const DataDirOptions& options);

  const DataLayout& layout() const { return layout_; }
  bool read_only() const { return read_only_; }
  // What is stored, sealed personal fields included.
  eventstore::RocksEventLog& raw_log() { return *raw_log_; }
  // Personal fields opened (or redacted); appends seal them.
  eventstore::EventLog& log() { return *vaulted_; }
  const eventstore::EventLog& log() const { return *vaulted_; }
  PersonalVault& vault() { return *vault_; }
  const commands::VaultedEventLog& vaulted() const { return *vaulted_; }

 private:
  DataDir() = default;

  DataLayout layout_;
  bool read_only_ = true;
  std::unique_ptr<eventstore::RocksEventLog> raw_log_;
  std::unique_ptr<KeyStore> keys_;
  std::unique_ptr<PersonalVault> vault_;
  std::unique_ptr<commands::VaultedEventLog> vaulted_;
};

}  // namespace dealstream::replay
