// Fills any reflected struct with a valid sample value (every optional
// present, one element per vector), so tests can check every registered
// command and event without writing an example per type.
#pragma once

#include "codec/type_info.h"

namespace dealstream::codec::testing {

void FillSample(const StructInfo& info, void* out);

}  // namespace dealstream::codec::testing
