#include "base/time.h"

#include <chrono>
#include <cstdio>

namespace dealstream {
namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kSecondsPerDay = 86400;

struct Civil {
  int64_t year;
  unsigned month;
  unsigned day;
};

// Howard Hinnant's algorithms: exact for the proleptic Gregorian calendar.
Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysInMonth(int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at `pos`; false if any is not a digit.
bool ReadDigits(std::string_view s, size_t pos, size_t n, int64_t* out) {
  if (pos + n > s.size()) return false;
  int64_t v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

Status BadTime(std::string_view text, std::string_view rule) {
  std::string shown(text.substr(0, 64));
  return Status::InvalidArgument("'" + shown + "' is not a valid time: " + std::string(rule) +
                                 " (expected RFC 3339 like 2017-03-01T09:30:00Z, or a date 2017-03-01)");
}

// Parses "YYYY-MM-DD" at the start of `text` into days since the epoch.
Result<int64_t> ParseDatePart(std::string_view text) {
  int64_t y = 0, m = 0, d = 0;
  if (!ReadDigits(text, 0, 4, &y) || text.size() < 10 || text[4] != '-' ||
      !ReadDigits(text, 5, 2, &m) || text[7] != '-' || !ReadDigits(text, 8, 2, &d)) {
    return BadTime(text, "the date must be YYYY-MM-DD");
  }
  if (y < 1 || m < 1 || m > 12) return BadTime(text, "month must be 01-12");
  if (d < 1 || d > DaysInMonth(y, static_cast<unsigned>(m))) {
    return BadTime(text, "day is out of range for the month");
  }
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

}  // namespace

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int64_t Timestamp::EpochDay() const {
  return FloorDiv(micros_, kSecondsPerDay * kMicrosPerSecond);
}

Timestamp Now() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Timestamp::FromMicros(
      std::chrono::duration_cast<std::chrono::microseconds>(since_epoch).count());
}

std::string FormatTimestamp(Timestamp t) {
  const int64_t micros = t.micros();
  const int64_t days = t.EpochDay();
  const int64_t in_day = micros - days * kSecondsPerDay * kMicrosPerSecond;
  const Civil c = CivilFromDays(days);
  const int64_t secs = in_day / kMicrosPerSecond;
  if (c.year >= 0 && c.year <= 9999) {
    // The common case without snprintf: the Kafka relay formats two
    // timestamps per published event.
    char out[] = "0000-00-00T00:00:00.000000Z";
    const auto put = [&](int at, int width, int64_t value) {
      for (int i = at + width - 1; i >= at; --i, value /= 10) {
        out[i] = static_cast<char>('0' + value % 10);
      }
    };
    put(0, 4, c.year);
    put(5, 2, c.month);
    put(8, 2, c.day);
    put(11, 2, secs / 3600);
    put(14, 2, secs / 60 % 60);
    put(17, 2, secs % 60);
    put(20, 6, in_day % kMicrosPerSecond);
    return std::string(out, sizeof out - 1);
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%06lldZ",
                static_cast<long long>(c.year), c.month, c.day,
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60),
                static_cast<long long>(in_day % kMicrosPerSecond));
  return buf;
}

std::string FormatDate(Timestamp t) {
  const Civil c = CivilFromDays(t.EpochDay());
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month,
                c.day);
  return buf;
}

Result<Timestamp> ParseDateStart(std::string_view text) {
  if (text.size() != 10) return ParseTimestamp(text);
  auto days = ParseDatePart(text);
  if (!days.ok()) return days.error();
  return Timestamp::FromMicros(*days * kSecondsPerDay * kMicrosPerSecond);
}

Result<Timestamp> ParseTimestamp(std::string_view text) {
  auto days = ParseDatePart(text);
  if (!days.ok()) return days.error();
  const int64_t day_start = *days * kSecondsPerDay * kMicrosPerSecond;
  if (text.size() == 10) {
    return Timestamp::FromMicros(day_start + kSecondsPerDay * kMicrosPerSecond - 1);
  }
  if (text[10] != 'T' && text[10] != 't') return BadTime(text, "expected 'T' after the date");
  int64_t hh = 0, mm = 0, ss = 0;
  if (!ReadDigits(text, 11, 2, &hh) || text.size() < 19 || text[13] != ':' ||
      !ReadDigits(text, 14, 2, &mm) || text[16] != ':' || !ReadDigits(text, 17, 2, &ss)) {
    return BadTime(text, "the time of day must be HH:MM:SS");
  }
  if (hh > 23 || mm > 59 || ss > 59) return BadTime(text, "time of day out of range");
  size_t pos = 19;
  int64_t frac_micros = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    size_t digits = 0;
    int64_t scale = 100000;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 6) frac_micros += (text[pos] - '0') * scale, scale /= 10;
      ++pos, ++digits;
    }
    if (digits == 0) return BadTime(text, "a fraction of a second needs digits after '.'");
  }
  if (pos >= text.size()) return BadTime(text, "a time zone (Z or +HH:MM) is required");
  int64_t offset_seconds = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int64_t oh = 0, om = 0;
    if (!ReadDigits(text, pos + 1, 2, &oh) || pos + 6 > text.size() || text[pos + 3] != ':' ||
        !ReadDigits(text, pos + 4, 2, &om) || oh > 23 || om > 59) {
      return BadTime(text, "the offset must be +HH:MM or -HH:MM");
    }
    offset_seconds = (oh * 3600 + om * 60) * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return BadTime(text, "a time zone (Z or +HH:MM) is required");
  }
  if (pos != text.size()) return BadTime(text, "unexpected characters after the time zone");
  const int64_t seconds = hh * 3600 + mm * 60 + ss - offset_seconds;
  return Timestamp::FromMicros(day_start + seconds * kMicrosPerSecond + frac_micros);
}

}  // namespace dealstream
