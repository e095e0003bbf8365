// Scripts: the commands of the demo company, grouped so that the commands of
// one record run in order while different records run concurrently.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/time.h"

namespace dealstream::demo {

// One command: its type, its JSON body (without occurred_at), who issues it,
// and its business time.
struct Step {
  std::string type;
  nlohmann::json body;
  std::string actor;
  Timestamp at;
};

// Steps run one after another; a step runs only after the previous one was
// accepted.
using Script = std::vector<Step>;

// Orders a script by business time (stable: equal times keep their order)
// and drops the steps after `now`. Steps that depend on one another must
// have strictly increasing times, so a dropped step takes its dependants
// with it.
void Finalize(Script& script, Timestamp now);

inline constexpr int64_t kMinute = 60LL * 1000000;
inline constexpr int64_t kHour = 60 * kMinute;
inline constexpr int64_t kDay = 24 * kHour;

inline Timestamp Plus(Timestamp t, int64_t micros) {
  return Timestamp::FromMicros(t.micros() + micros);
}

// {"amount": "1250.00", "currency": "USD"} from cents.
nlohmann::json Usd(int64_t cents);

}  // namespace dealstream::demo
