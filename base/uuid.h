// Unique ids for events and aggregates.
#pragma once

#include <string>

#include "base/time.h"

namespace dealstream {

// A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits,
// so ids sort roughly by creation time. Thread-safe.
std::string NewUuidV7(Timestamp now);

}  // namespace dealstream
