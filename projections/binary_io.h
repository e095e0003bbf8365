// Little binary encoder/decoder for projection snapshots.
//
// Integers are LEB128 varints (signed ones zigzag-encoded), strings are
// length-prefixed, and vectors of trivially copyable records are written
// as one length-prefixed block of raw bytes so that multi-hundred-megabyte
// timelines save and load at memory speed. Snapshots are read back only by
// the same build family (snapshot_format guards layout changes), and only
// on little-endian hosts, which BinaryReader checks at compile time.
//
// BinaryReader treats its input as untrusted: every read is bounds-checked
// and a failed read makes the reader sticky-failed (ok() == false) instead
// of over-reading.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dealstream::projections {

static_assert(std::endian::native == std::endian::little,
              "projection snapshots store raw little-endian records");

class BinaryWriter {
 public:
  explicit BinaryWriter(std::string* out) : out_(out) {}

  void U64(uint64_t v) {
    while (v >= 0x80) {
      out_->push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_->push_back(static_cast<char>(v));
  }
  void I64(int64_t v) { U64((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void Bool(bool v) { out_->push_back(v ? 1 : 0); }
  void Str(std::string_view s) {
    U64(s.size());
    out_->append(s);
  }
  template <typename T>
  void Pods(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(v.size());
    out_->append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void Strs(const std::vector<std::string>& v) {
    U64(v.size());
    for (const std::string& s : v) Str(s);
  }
  // Raw bytes whose length the reader knows from earlier fields.
  void Raw(const void* data, size_t n) { out_->append(static_cast<const char*>(data), n); }

 private:
  std::string* out_;
};

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view in) : in_(in) {}

  bool ok() const { return ok_; }
  bool done() const { return ok_ && pos_ == in_.size(); }

  uint64_t U64() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return Fail();
      const uint8_t b = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    return Fail();
  }
  int64_t I64() {
    const uint64_t z = U64();
    return static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
  }
  // A count of items about to be read, each at least `min_item_bytes` long:
  // refused (0 and failed) when the input cannot possibly hold them.
  uint64_t Count(size_t min_item_bytes = 1) {
    const uint64_t n = U64();
    if (!ok_ || n > (in_.size() - pos_) / (min_item_bytes == 0 ? 1 : min_item_bytes)) {
      return Fail();
    }
    return n;
  }
  bool Bool() {
    if (pos_ >= in_.size()) return Fail() != 0;
    return in_[pos_++] != 0;
  }
  std::string Str() {
    const uint64_t n = Count();
    if (!ok_) return {};
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  template <typename T>
  void Pods(std::vector<T>* v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const uint64_t n = Count(sizeof(T));
    v->resize(n);
    if (!ok_ || n == 0) return;
    std::memcpy(v->data(), in_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
  }
  // Exactly `n` raw bytes into `data`; false (and failed) if not available.
  bool Raw(void* data, size_t n) {
    if (!ok_ || n > in_.size() - pos_) return Fail() != 0;
    if (n > 0) std::memcpy(data, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  size_t remaining() const { return in_.size() - pos_; }
  void Strs(std::vector<std::string>* v) {
    const uint64_t n = Count();
    v->clear();
    v->reserve(n);
    for (uint64_t i = 0; i < n && ok_; ++i) v->push_back(Str());
  }

 private:
  uint64_t Fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }

  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace dealstream::projections
