#include "eventstore/types.h"

#include <algorithm>

namespace dealstream::eventstore {

bool ExpectedVersion::Matches(StreamVersion current) const {
  switch (kind_) {
    case Kind::kAny: return true;
    case Kind::kNoStream: return current.value == 0;
    case Kind::kExists: return current.value > 0;
    case Kind::kExact: return current.value == version_;
  }
  return false;
}

std::string ExpectedVersion::ToString() const {
  switch (kind_) {
    case Kind::kAny: return "any";
    case Kind::kNoStream: return "no_stream";
    case Kind::kExists: return "exists";
    case Kind::kExact: return std::to_string(version_);
  }
  return "?";
}

std::string HexOf(const Sha256& hash) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (uint8_t b : hash) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

bool ReadFilter::Accepts(const RecordedEvent& e) const {
  if (!categories.empty() &&
      std::find(categories.begin(), categories.end(), e.stream.category()) == categories.end()) {
    return false;
  }
  if (!types.empty() && std::find(types.begin(), types.end(), e.type) == types.end()) {
    return false;
  }
  return true;
}

}  // namespace dealstream::eventstore
