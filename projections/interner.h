// Interner: maps strings (record ids, stage names, currencies…) to dense
// 32-bit codes and back, so that read models keep fixed-width records
// instead of strings. Code 0 is always the empty string and stands for
// "none" (an absent optional id).
//
// Compact by design (DESIGN P6: a million opportunities must fit): the
// bytes of all strings live in one arena and the hash table holds only
// codes, about 10 bytes of overhead per string.
//
// Thread-safety: const methods may run concurrently; Intern may not run
// concurrently with anything.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dealstream::projections {

class BinaryReader;
class BinaryWriter;

class Interner {
 public:
  Interner();

  // The code of `s`, adding it if new.
  uint32_t Intern(std::string_view s);
  // The code of `s`, or nullopt if it was never interned.
  std::optional<uint32_t> Find(std::string_view s) const;
  // The string of `code`. Precondition: code < size().
  std::string_view Get(uint32_t code) const {
    return std::string_view(arena_).substr(offsets_[code], offsets_[code + 1] - offsets_[code]);
  }
  // Number of codes, including 0 for "".
  uint32_t size() const { return static_cast<uint32_t>(offsets_.size() - 1); }

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  void Rehash(size_t buckets);
  size_t Bucket(std::string_view s) const;

  std::string arena_;             // all strings, back to back
  std::vector<uint64_t> offsets_;  // string i is arena_[offsets_[i], offsets_[i + 1])
  std::vector<uint32_t> table_;    // open addressing; code + 1, 0 = empty
};

}  // namespace dealstream::projections
