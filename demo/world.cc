#include "demo/world.h"

namespace dealstream::demo {

namespace {

// The history covers the 18 months before `now`.
constexpr int64_t kHistoryDays = 548;

}  // namespace

World::World(uint64_t seed, Timestamp now_in)
    : rng(seed), now(now_in), start(Plus(now_in, -kHistoryDays * kDay)) {}

Timestamp World::WorkTime(Timestamp t) {
  const int64_t day_start = t.EpochDay() * kDay;
  const int64_t at = day_start + 8 * kHour + rng.Between(0, 9 * 60) * kMinute;
  return Timestamp::FromMicros(at < t.micros() ? t.micros() + kMinute : at);
}

}  // namespace dealstream::demo
