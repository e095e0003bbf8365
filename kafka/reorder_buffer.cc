#include "kafka/reorder_buffer.h"

#include <charconv>

namespace dealstream::kafka {
namespace {

// The whole of `text` as a non-negative decimal number.
template <typename Int>
bool ParseWhole(std::string_view text, Int* out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size() && *out >= 0;
}

}  // namespace

std::string EncodeCursor(const std::string& topic, const PartitionCursor& cursor) {
  std::string out = topic + "\n";
  for (const auto& [partition, offset] : cursor) {
    if (out.back() != '\n') out.push_back(',');
    out += std::to_string(partition) + ":" + std::to_string(offset);
  }
  return out;
}

Result<PartitionCursor> DecodeCursor(const std::string& text, const std::string& topic) {
  PartitionCursor cursor;
  if (text.empty()) return cursor;
  const size_t newline = text.find('\n');
  if (newline == std::string::npos) {
    return Status::Corruption("the stored replica cursor has no topic line");
  }
  if (text.compare(0, newline, topic) != 0 || newline != topic.size()) return cursor;
  std::string_view rest = std::string_view(text).substr(newline + 1);
  if (rest.empty()) return cursor;
  for (;;) {
    const size_t comma = rest.find(',');
    const std::string_view entry = rest.substr(0, comma);
    const size_t colon = entry.find(':');
    int32_t partition = 0;
    int64_t offset = 0;
    if (colon == std::string_view::npos || !ParseWhole(entry.substr(0, colon), &partition) ||
        !ParseWhole(entry.substr(colon + 1), &offset)) {
      return Status::Corruption("the stored replica cursor entry '" + std::string(entry) +
                                "' is not PARTITION:OFFSET");
    }
    cursor[partition] = offset;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return cursor;
}

ReorderBuffer::ReorderBuffer(uint64_t applied, PartitionCursor start)
    : applied_(applied), next_offset_(std::move(start)) {}

Result<ReorderBuffer::Offered> ReorderBuffer::Offer(int32_t partition, int64_t offset,
                                                    eventstore::RecordedEvent e) {
  int64_t& next = next_offset_[partition];
  next = std::max(next, offset + 1);
  const uint64_t position = e.position.value;
  uint64_t& highest = highest_position_[partition];
  highest = std::max(highest, position);
  if (position <= applied_) return Offered::kAlreadyApplied;
  auto it = events_.find(position);
  if (it != events_.end()) {
    if (it->second.event.hash != e.hash) {
      return Status::Corruption("position " + std::to_string(position) +
                                " arrived twice with different contents (partition " +
                                std::to_string(partition) + " offset " + std::to_string(offset) +
                                ")");
    }
    return Offered::kAlreadyBuffered;
  }
  waiting_offsets_[partition].insert(offset);
  events_.emplace(position, Waiting{std::move(e), partition, offset});
  return Offered::kQueued;
}

std::vector<eventstore::RecordedEvent> ReorderBuffer::Ready(size_t max) const {
  std::vector<eventstore::RecordedEvent> out;
  uint64_t expected = applied_ + 1;
  for (auto it = events_.begin(); it != events_.end() && out.size() < max; ++it, ++expected) {
    if (it->first != expected) break;
    out.push_back(it->second.event);
  }
  return out;
}

void ReorderBuffer::MarkApplied(size_t count) {
  for (size_t i = 0; i < count && !events_.empty(); ++i) {
    auto it = events_.begin();
    auto& offsets = waiting_offsets_[it->second.partition];
    offsets.erase(it->second.offset);
    if (offsets.empty()) waiting_offsets_.erase(it->second.partition);
    applied_ = it->first;
    events_.erase(it);
  }
}

std::optional<uint64_t> ReorderBuffer::missing() const {
  if (events_.empty() || events_.begin()->first == applied_ + 1) return std::nullopt;
  return applied_ + 1;
}

std::optional<int64_t> ReorderBuffer::oldest_buffered_micros() const {
  if (events_.empty()) return std::nullopt;
  return events_.begin()->second.event.recorded_time.micros();
}

PartitionCursor ReorderBuffer::CursorAfter(size_t count) const {
  std::map<int32_t, std::set<int64_t>> applying;
  auto it = events_.begin();
  for (size_t i = 0; i < count && it != events_.end(); ++i, ++it) {
    applying[it->second.partition].insert(it->second.offset);
  }
  PartitionCursor cursor = next_offset_;
  for (const auto& [partition, offsets] : waiting_offsets_) {
    const auto skip = applying.find(partition);
    for (int64_t offset : offsets) {
      if (skip == applying.end() || !skip->second.contains(offset)) {
        cursor[partition] = offset;
        break;
      }
    }
  }
  return cursor;
}

std::vector<int32_t> ReorderBuffer::PartitionsPast(uint64_t position) const {
  std::vector<int32_t> out;
  for (const auto& [partition, highest] : highest_position_) {
    if (highest > position) out.push_back(partition);
  }
  return out;
}

std::optional<int64_t> ReorderBuffer::next_offset(int32_t partition) const {
  auto it = next_offset_.find(partition);
  if (it == next_offset_.end()) return std::nullopt;
  return it->second;
}

}  // namespace dealstream::kafka
