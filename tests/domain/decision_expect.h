// Assertions for given/when/then domain tests:
//   EXPECT_TRUE(Emits(decision, {SomethingHappened{...}}));
//   EXPECT_TRUE(IsRefused(decision, "rule_code", "field"));
// Both explain a failure: the error that came back instead of events, or
// the first event that differs (by index and stored type).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/time.h"
#include "domain/common/aggregate.h"

namespace dealstream::domain::testing {

// 2017-03-15T10:00:00Z: the business time of commands in domain tests.
inline Timestamp TestNow() {
  return Timestamp::FromMicros((DaysFromCivil(2017, 3, 15) * 86400 + 36000) * 1000000);
}

inline Date Day(int year, unsigned month, unsigned day) {
  return Date{DaysFromCivil(year, month, day)};
}

inline Money Usd(int64_t minor) { return Money{minor, "USD"}; }

template <typename Event>
std::string_view TypeOf(const Event& event) {
  return std::visit([](const auto& e) { return std::decay_t<decltype(e)>::kType; }, event);
}

template <typename Event>
::testing::AssertionResult Emits(const Decision<Event>& decision,
                                 const std::vector<Event>& expected) {
  if (!decision.ok()) {
    return ::testing::AssertionFailure()
           << "refused with " << decision.error().code << " on '" << decision.error().field
           << "': " << decision.error().message;
  }
  const std::vector<Event>& actual = decision.value();
  if (actual.size() != expected.size()) {
    return ::testing::AssertionFailure()
           << "emitted " << actual.size() << " events, expected " << expected.size();
  }
  for (size_t i = 0; i < actual.size(); ++i) {
    if (TypeOf(actual[i]) != TypeOf(expected[i])) {
      return ::testing::AssertionFailure() << "event " << i << " is " << TypeOf(actual[i])
                                           << ", expected " << TypeOf(expected[i]);
    }
    if (!(actual[i] == expected[i])) {
      return ::testing::AssertionFailure()
             << "event " << i << " (" << TypeOf(actual[i]) << ") differs in its fields";
    }
  }
  return ::testing::AssertionSuccess();
}

template <typename Event>
::testing::AssertionResult IsRefused(const Decision<Event>& decision, std::string_view code,
                                     std::string_view field) {
  if (decision.ok()) {
    return ::testing::AssertionFailure()
           << "accepted with " << decision.value().size() << " events, expected " << code;
  }
  const DomainError& error = decision.error();
  if (error.code != code || error.field != field) {
    return ::testing::AssertionFailure()
           << "refused with " << error.code << " on '" << error.field << "', expected " << code
           << " on '" << field << "': " << error.message;
  }
  if (error.message.empty()) return ::testing::AssertionFailure() << code << " has no message";
  return ::testing::AssertionSuccess();
}

}  // namespace dealstream::domain::testing
