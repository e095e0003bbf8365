// Progress: a progress bar with rate and ETA on a terminal; plain lines
// (at most one every few seconds) when stderr is not a terminal, so logs
// stay readable. Work that ends quickly shows only Finish's line. Writes to
// stderr; thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace dealstream::app {

class Progress {
 public:
  // `what` names the work ("rebuild"), `unit` what is counted ("events").
  Progress(std::string what, std::string unit);
  // Reports `done` of `total` (total 0 = unknown).
  void Update(uint64_t done, uint64_t total);
  // Ends the bar with a final line.
  void Finish(uint64_t done);

 private:
  void Draw(uint64_t done, uint64_t total, bool final);

  const std::string what_;
  const std::string unit_;
  const bool tty_;
  const std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  std::mutex mu_;
};

// "1,234,567".
std::string WithThousands(uint64_t n);

}  // namespace dealstream::app
