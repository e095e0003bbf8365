// Rng: a small deterministic generator (SplitMix64) whose helpers use only
// integer arithmetic, so a seed yields the same company on every platform
// and standard library.
#pragma once

#include <cstdint>
#include <vector>

namespace dealstream::demo {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi], both included.
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  // True with `percent` % probability.
  bool Percent(int percent) { return static_cast<int>(Next() % 100) < percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Next() % items.size()];
  }

 private:
  uint64_t state_;
};

}  // namespace dealstream::demo
