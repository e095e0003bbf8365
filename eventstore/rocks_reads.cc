// RocksEventLog: stream and global reads, and Verify().
#include <rocksdb/db.h>

#include <algorithm>
#include <memory>

#include "eventstore/chain_verifier.h"
#include "eventstore/record_codec.h"
#include "eventstore/rocks_event_log.h"
#include "eventstore/rocks_handles.h"

namespace dealstream::eventstore {
namespace {

Status ReadFailure(const rocksdb::Status& s) {
  return Status::Unavailable("cannot read the event log: " + s.ToString());
}

Result<RecordedEvent> DecodeAt(uint64_t position, const rocksdb::Slice& value) {
  auto e = DecodeRecord(std::string_view(value.data(), value.size()));
  if (!e.ok()) {
    return Status::Corruption("position " + std::to_string(position) + ": " + e.error().message());
  }
  if (e->position.value != position) {
    return Status::Corruption("position " + std::to_string(position) +
                              ": the stored record claims position " +
                              std::to_string(e->position.value));
  }
  return e;
}

// Decodes the record at `position` into the chunk's next free slot, reusing
// the slot's buffers when it has one. The caller counts the slot in (++size)
// when it keeps the event.
Status DecodeIntoNextSlot(uint64_t position, const rocksdb::Slice& value, EventChunk* out) {
  if (out->size == out->slots.size()) {
    auto e = DecodeAt(position, value);
    if (!e.ok()) return e.error();
    out->slots.push_back(std::move(*e));
    return Status::Ok();
  }
  RecordedEvent& slot = out->slots[out->size];
  if (Status s = DecodeRecordInto(std::string_view(value.data(), value.size()), &slot); !s.ok()) {
    return Status::Corruption("position " + std::to_string(position) + ": " + s.message());
  }
  if (slot.position.value != position) {
    return Status::Corruption("position " + std::to_string(position) +
                              ": the stored record claims position " +
                              std::to_string(slot.position.value));
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<RecordedEvent>> RocksEventLog::ReadStream(const StreamName& stream,
                                                             StreamVersion from,
                                                             Direction direction,
                                                             size_t max_count) const {
  const uint64_t head = Head().position.value;
  std::vector<uint64_t> positions;
  {
    std::unique_ptr<rocksdb::Iterator> it(
        db_->db->NewIterator(rocksdb::ReadOptions(), db_->stream_index));
    const std::string prefix = StreamIndexKey(stream.str(), 0).substr(0, stream.str().size() + 1);
    auto in_stream = [&] {
      return it->Valid() && it->key().starts_with(prefix) && it->value().size() == 8;
    };
    // Entries past the head are written but not yet synced: not there yet.
    auto position = [&] { return GetBigEndian64({it->value().data(), 8}); };
    if (direction == Direction::kForward) {
      for (it->Seek(StreamIndexKey(stream.str(), std::max<uint64_t>(from.value, 1)));
           in_stream() && positions.size() < max_count && position() <= head; it->Next()) {
        positions.push_back(position());
      }
    } else {
      const uint64_t start = from.value == 0 ? UINT64_MAX : from.value;
      for (it->SeekForPrev(StreamIndexKey(stream.str(), start));
           in_stream() && positions.size() < max_count; it->Prev()) {
        if (position() <= head) positions.push_back(position());
      }
    }
    if (!it->status().ok()) return ReadFailure(it->status());
  }
  std::vector<std::string> keys(positions.size());
  std::vector<rocksdb::Slice> slices;
  slices.reserve(positions.size());
  for (size_t i = 0; i < positions.size(); ++i) {
    PutBigEndian64(&keys[i], positions[i]);
    slices.emplace_back(keys[i]);
  }
  std::vector<std::string> values;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs(positions.size(), db_->events);
  std::vector<rocksdb::Status> statuses =
      db_->db->MultiGet(rocksdb::ReadOptions(), cfs, slices, &values);
  std::vector<RecordedEvent> out;
  out.reserve(positions.size());
  for (size_t i = 0; i < positions.size(); ++i) {
    if (statuses[i].IsNotFound()) {
      return Status::Corruption("position " + std::to_string(positions[i]) + " of stream " +
                                stream.str() + " is indexed but missing");
    }
    if (!statuses[i].ok()) return ReadFailure(statuses[i]);
    auto e = DecodeAt(positions[i], values[i]);
    if (!e.ok()) return e.error();
    out.push_back(std::move(*e));
  }
  return out;
}

Result<StreamVersion> RocksEventLog::CurrentVersion(const StreamName& stream) const {
  const uint64_t head = Head().position.value;
  auto latest = StoredVersion(stream);
  if (!latest.ok() || latest->value == 0) return latest;
  // The stream head may already count a batch that is written but not yet
  // synced. Usually it does not: its index entry is at or below the head.
  std::string value;
  rocksdb::Status s = db_->db->Get(rocksdb::ReadOptions(), db_->stream_index,
                                   StreamIndexKey(stream.str(), latest->value), &value);
  if (s.ok() && value.size() == 8 && GetBigEndian64(value) <= head) return latest;
  if (!s.ok() && !s.IsNotFound()) return ReadFailure(s);
  // Otherwise the newest index entry at or below the head has the version.
  std::unique_ptr<rocksdb::Iterator> it(
      db_->db->NewIterator(rocksdb::ReadOptions(), db_->stream_index));
  const std::string prefix = StreamIndexKey(stream.str(), 0).substr(0, stream.str().size() + 1);
  for (it->SeekForPrev(StreamIndexKey(stream.str(), latest->value));
       it->Valid() && it->key().starts_with(prefix); it->Prev()) {
    if (it->value().size() != 8 || it->key().size() != prefix.size() + 8) {
      return Status::Corruption("a stream index entry of " + stream.str() + " is malformed");
    }
    if (GetBigEndian64({it->value().data(), 8}) <= head) {
      return StreamVersion{GetBigEndian64({it->key().data() + prefix.size(), 8})};
    }
  }
  if (!it->status().ok()) return ReadFailure(it->status());
  return StreamVersion{0};
}

// A subscriber to a few small categories (tokens, knowledge articles) must
// not decode every event of a 10M-event log to find its handful: its
// streams' entries in the stream index ("<category>-<id>\0<version>" ->
// position; a category has no '-', so the prefix "<category>-" is exact)
// give the positions directly. The index scan gives up after
// max(4,096, 4 x max_count) entries — an index entry costs ~1/20 of a
// decoded event, so a large category that falls back to the full scan
// (which decodes at least max_count events) pays at most ~20% more.
std::optional<Result<ReadAllResult>> RocksEventLog::ReadCategories(
    uint64_t from, uint64_t head, size_t max_count, const ReadFilter& filter) const {
  const uint64_t budget = std::max<uint64_t>(4096, 4 * uint64_t{max_count});
  uint64_t scanned = 0;
  std::vector<uint64_t> positions;
  std::unique_ptr<rocksdb::Iterator> it(
      db_->db->NewIterator(rocksdb::ReadOptions(), db_->stream_index));
  for (const std::string& category : filter.categories) {
    const std::string prefix = category + "-";
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      if (++scanned > budget) return std::nullopt;
      if (it->value().size() != 8) return Result<ReadAllResult>(Status::Corruption("a stream index entry is malformed"));
      const uint64_t position = GetBigEndian64({it->value().data(), 8});
      // Past the head: written but not yet synced.
      if (position >= from && position <= head) positions.push_back(position);
    }
    if (!it->status().ok()) return Result<ReadAllResult>(ReadFailure(it->status()));
  }
  std::sort(positions.begin(), positions.end());
  ReadAllResult out{.events = {}, .next = {head + 1}};
  if (positions.size() > max_count) {
    positions.resize(max_count);
    out.next = GlobalPosition{positions.back() + 1};
  }
  std::vector<std::string> keys(positions.size());
  std::vector<rocksdb::Slice> slices;
  slices.reserve(positions.size());
  for (size_t i = 0; i < positions.size(); ++i) {
    PutBigEndian64(&keys[i], positions[i]);
    slices.emplace_back(keys[i]);
  }
  std::vector<std::string> values;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs(positions.size(), db_->events);
  std::vector<rocksdb::Status> statuses =
      db_->db->MultiGet(rocksdb::ReadOptions(), cfs, slices, &values);
  out.events.reserve(positions.size());
  for (size_t i = 0; i < positions.size(); ++i) {
    if (statuses[i].IsNotFound()) {
      return Result<ReadAllResult>(Status::Corruption(
          "position " + std::to_string(positions[i]) + " is indexed but missing"));
    }
    if (!statuses[i].ok()) return Result<ReadAllResult>(ReadFailure(statuses[i]));
    auto e = DecodeAt(positions[i], values[i]);
    if (!e.ok()) return Result<ReadAllResult>(e.error());
    if (filter.Accepts(*e)) out.events.push_back(std::move(*e));
  }
  return Result<ReadAllResult>(std::move(out));
}

Result<ReadAllResult> RocksEventLog::ReadAll(GlobalPosition from, size_t max_count,
                                             const ReadFilter& filter) const {
  EventChunk chunk;
  if (Status s = ReadAllInto(from, max_count, filter, &chunk); !s.ok()) return s;
  chunk.slots.erase(chunk.slots.begin() + static_cast<std::ptrdiff_t>(chunk.size), chunk.slots.end());
  return ReadAllResult{.events = std::move(chunk.slots), .next = chunk.next};
}

Status RocksEventLog::ReadAllInto(GlobalPosition from, size_t max_count, const ReadFilter& filter,
                                  EventChunk* out) const {
  const uint64_t head = Head().position.value;
  uint64_t next = std::max<uint64_t>(from.value, 1);
  out->size = 0;
  out->next = GlobalPosition{next};
  if (next > head || max_count == 0) return Status::Ok();
  if (!filter.categories.empty()) {
    if (auto indexed = ReadCategories(next, head, max_count, filter)) {
      if (!indexed->ok()) return indexed->error();
      out->slots = std::move((*indexed)->events);
      out->size = out->slots.size();
      out->next = (*indexed)->next;
      return Status::Ok();
    }
  }
  std::string start;
  PutBigEndian64(&start, next);
  rocksdb::ReadOptions ro;
  ro.readahead_size = 2 << 20;
  std::unique_ptr<rocksdb::Iterator> it(db_->db->NewIterator(ro, db_->events));
  for (it->Seek(start); it->Valid() && out->size < max_count; it->Next()) {
    if (it->key().size() != 8) return Status::Corruption("an event key is malformed");
    const uint64_t position = GetBigEndian64({it->key().data(), 8});
    if (position > head) break;
    if (position != next) {
      return Status::Corruption("position " + std::to_string(next) + " is missing from the log");
    }
    if (Status s = DecodeIntoNextSlot(position, it->value(), out); !s.ok()) return s;
    ++next;
    if (filter.Accepts(out->slots[out->size])) ++out->size;
  }
  if (!it->status().ok()) return ReadFailure(it->status());
  if (out->size < max_count && next <= head) {
    return Status::Corruption("position " + std::to_string(next) + " is missing from the log");
  }
  out->next = GlobalPosition{next};
  return Status::Ok();
}

VerifyReport RocksEventLog::Verify(const std::function<void(uint64_t, uint64_t)>& progress) const {
  const LogHead stored_head = Head();
  VerifyReport report;
  auto fail = [&](uint64_t position, std::string problem) {
    report.ok = false;
    report.first_bad_position = position;
    report.problem = std::move(problem);
    return report;
  };
  const rocksdb::Snapshot* snapshot = db_->db->GetSnapshot();
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot;
  ro.readahead_size = 4 << 20;
  struct Release {
    rocksdb::DB* db;
    const rocksdb::Snapshot* s;
    ~Release() { db->ReleaseSnapshot(s); }
  } release{db_->db.get(), snapshot};

  ChainVerifier chain;
  std::unique_ptr<rocksdb::Iterator> it(db_->db->NewIterator(ro, db_->events));
  std::string index_value;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const uint64_t expected = chain.last_position().value + 1;
    if (it->key().size() != 8) return fail(expected, "an event key is malformed");
    const uint64_t position = GetBigEndian64({it->key().data(), 8});
    if (position > stored_head.position.value) break;  // appended after Verify began
    if (position != expected) {
      return fail(expected, "position " + std::to_string(expected) +
                                " is missing (the next stored event is at " +
                                std::to_string(position) + ")");
    }
    auto e = DecodeAt(position, it->value());
    if (!e.ok()) return fail(position, e.error().message());
    if (Status s = chain.Feed(*e); !s.ok()) return fail(position, s.message());
    rocksdb::Status s = db_->db->Get(ro, db_->stream_index,
                                     StreamIndexKey(e->stream.str(), e->version.value),
                                     &index_value);
    if (!s.ok() || index_value.size() != 8 || GetBigEndian64(index_value) != position) {
      return fail(position, "the stream index does not point at this event");
    }
    ++report.events_checked;
    if (progress && report.events_checked % 65536 == 0) {
      progress(report.events_checked, stored_head.position.value);
    }
  }
  if (!it->status().ok()) {
    return fail(chain.last_position().value + 1, "read failed: " + it->status().ToString());
  }
  if (chain.last_position() != stored_head.position) {
    return fail(chain.last_position().value + 1,
                "the log ends at position " + std::to_string(chain.last_position().value) +
                    " but its head says " + std::to_string(stored_head.position.value) +
                    " (events were truncated)");
  }
  if (chain.last_hash() != stored_head.hash) {
    return fail(stored_head.position.value, "the head hash does not match the last event");
  }
  if (progress) progress(report.events_checked, stored_head.position.value);
  return report;
}

}  // namespace dealstream::eventstore
