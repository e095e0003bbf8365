// Changing a closed log's stored events directly in RocksDB, as an attacker
// with disk access would: for the tamper tests of verify.
#pragma once

#include <rocksdb/db.h>

#include <cstdint>
#include <functional>
#include <string>

namespace dealstream::eventstore::testing {

using EventsChange = std::function<void(rocksdb::DB*, rocksdb::ColumnFamilyHandle*)>;

// Opens the closed log at `path`, runs `change` on its "events" column
// family, and closes it again.
void TamperEvents(const std::string& path, const EventsChange& change);

// The key of the event at global `position` in the "events" column family.
std::string EventKey(uint64_t position);

}  // namespace dealstream::eventstore::testing
