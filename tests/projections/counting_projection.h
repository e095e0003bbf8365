// A small projection over raw events for framework tests: it counts events
// per stream and sums the decimal number each payload holds, so that a
// double-applied or skipped event shows in the totals.
#pragma once

#include <charconv>
#include <cstdint>
#include <map>
#include <string>

#include "projections/binary_io.h"
#include "projections/projection.h"

namespace dealstream::projections::testing {

class CountingProjection final : public Projection {
 public:
  explicit CountingProjection(uint32_t format = 1) : format_(format) {}

  std::string_view name() const override { return "counting"; }
  uint32_t snapshot_format() const override { return format_; }
  void Apply(const eventstore::RecordedEvent& e) override {
    int64_t v = 0;
    std::from_chars(e.data.data(), e.data.data() + e.data.size(), v);
    sum_ += v;
    ++per_stream_[e.stream.str()];
    ++events_;
  }
  void Save(std::string* out) const override {
    BinaryWriter w(out);
    w.I64(sum_);
    w.U64(events_);
    w.U64(per_stream_.size());
    for (const auto& [stream, n] : per_stream_) {
      w.Str(stream);
      w.U64(n);
    }
  }
  Status Load(std::string_view bytes) override {
    BinaryReader r(bytes);
    sum_ = r.I64();
    events_ = r.U64();
    per_stream_.clear();
    const uint64_t n = r.Count();
    for (uint64_t i = 0; i < n && r.ok(); ++i) {
      std::string stream = r.Str();
      per_stream_[stream] = r.U64();
    }
    if (!r.done()) return Status::Corruption("counting snapshot is malformed");
    return Status::Ok();
  }

  int64_t sum() const { return sum_; }
  uint64_t events() const { return events_; }
  const std::map<std::string, uint64_t>& per_stream() const { return per_stream_; }

 private:
  uint32_t format_;
  int64_t sum_ = 0;
  uint64_t events_ = 0;
  std::map<std::string, uint64_t> per_stream_;
};

}  // namespace dealstream::projections::testing
