#include "base/uuid.h"

#include <cstdint>
#include <cstdio>
#include <random>

namespace dealstream {

std::string NewUuidV7(Timestamp now) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  const uint64_t millis = static_cast<uint64_t>(now.micros() / 1000) & 0xFFFFFFFFFFFFULL;
  const uint64_t r1 = rng();
  const uint64_t r2 = rng();
  const uint64_t hi = (millis << 16) | 0x7000 | (r1 & 0x0FFF);
  const uint64_t lo = (r2 & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buf;
}

}  // namespace dealstream
