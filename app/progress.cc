#include "app/progress.h"

#include <unistd.h>

#include <cstdio>

namespace dealstream::app {
namespace {

constexpr int kBarWidth = 30;
constexpr auto kTtyInterval = std::chrono::milliseconds(100);
constexpr auto kLineInterval = std::chrono::seconds(5);

std::string Duration(double seconds) {
  if (seconds < 0 || seconds > 360000) return "--:--";
  const int s = static_cast<int>(seconds + 0.5);
  char buffer[32];
  if (s >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%d:%02d", s / 60, s % 60);
  }
  return buffer;
}

}  // namespace

std::string WithThousands(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

Progress::Progress(std::string what, std::string unit)
    : what_(std::move(what)),
      unit_(std::move(unit)),
      tty_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}  // quick work draws nothing until Finish

void Progress::Update(uint64_t done, uint64_t total) {
  std::lock_guard lock(mu_);
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < (tty_ ? kTtyInterval : kLineInterval)) return;
  last_draw_ = now;
  Draw(done, total, false);
}

void Progress::Finish(uint64_t done) {
  std::lock_guard lock(mu_);
  Draw(done, done, true);
}

void Progress::Draw(uint64_t done, uint64_t total, bool final) {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  const double eta = (total > done && rate > 0) ? static_cast<double>(total - done) / rate : 0;
  const double fraction = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 0;
  char numbers[160];
  std::snprintf(numbers, sizeof numbers, "%s/%s %s  %s/s  %s %s", WithThousands(done).c_str(),
                total > 0 ? WithThousands(total).c_str() : "?", unit_.c_str(),
                WithThousands(static_cast<uint64_t>(rate)).c_str(), final ? "took" : "ETA",
                Duration(final ? elapsed : eta).c_str());
  if (tty_) {
    std::string bar(kBarWidth, ' ');
    const int filled = static_cast<int>(fraction * kBarWidth + 0.5);
    for (int i = 0; i < filled && i < kBarWidth; ++i) bar[i] = '#';
    std::fprintf(stderr, "\r%s [%s] %3d%%  %s\x1b[K%s", what_.c_str(), bar.c_str(),
                 static_cast<int>(fraction * 100 + 0.5), numbers, final ? "\n" : "");
  } else {
    std::fprintf(stderr, "%s: %3d%%  %s\n", what_.c_str(), static_cast<int>(fraction * 100 + 0.5),
                 numbers);
  }
  std::fflush(stderr);
}

}  // namespace dealstream::app
