// Where RocksDB's informational log goes, for every RocksDB database of a
// data directory (the event log, the projection snapshots, the key store).
//
// RocksDB writes its LOG file into the database directory by default. On a
// full disk (or any write error) a write to that file fails, and the next
// one trips an assertion in Debian's librocksdb 7.8 (built with assertions:
// WritableFileWriter refuses appends after an error) and aborts the whole
// server, where the event log itself would have answered 503 and recovered
// (DESIGN R10). It also takes space the events need. So RocksDB logs here
// instead: warnings and errors to stderr, beside the server's own log,
// nothing to the data directory.
#pragma once

#include <memory>

namespace rocksdb {
class Logger;
}  // namespace rocksdb

namespace dealstream::eventstore {

// One logger shared by every database; thread-safe. Set it as
// `rocksdb::DBOptions::info_log` before opening.
std::shared_ptr<rocksdb::Logger> RocksInfoLog();

}  // namespace dealstream::eventstore
