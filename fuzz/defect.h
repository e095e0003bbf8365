// What a fuzz target does when it finds a defect that is not a crash or a
// sanitizer report (a 5xx answer, a broken round trip): print it and abort,
// which libFuzzer records as a crash with the input that caused it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace dealstream::fuzz {

[[noreturn]] inline void Defect(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "\n== DEFECT: %.*s\n%.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

}  // namespace dealstream::fuzz
