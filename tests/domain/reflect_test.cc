#include "domain/common/reflect.h"

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "domain/common/values.h"

namespace dealstream::domain {
namespace {

enum class Mood { kHappy, kSad };
constexpr auto EnumNames(Mood) {
  return std::array{std::pair{Mood::kHappy, std::string_view("happy")},
                    std::pair{Mood::kSad, std::string_view("sad")}};
}

struct Sample {
  static constexpr std::string_view kType = "Sample";
  Id id;
  std::optional<int32_t> influence;
  std::vector<std::string> tags;
  Mood mood = Mood::kHappy;
};
constexpr auto Fields(const Sample*) {
  using T = Sample;
  return std::tuple{F("id", &T::id), F("influence", &T::influence).Range(1, 5).Doc("1-5"),
                    F("tags", &T::tags).MaxLength(40), F("mood", &T::mood)};
}

TEST(ReflectTest, VisitsFieldsInOrderWithConstraints) {
  static_assert(Reflected<Sample>);
  static_assert(!Reflected<int>);
  std::vector<std::string> names;
  int64_t influence_max = 0;
  ForEachField<Sample>([&](const auto& f) {
    names.emplace_back(f.name);
    if (f.name == "influence") influence_max = f.max;
  });
  EXPECT_EQ(names, (std::vector<std::string>{"id", "influence", "tags", "mood"}));
  EXPECT_EQ(influence_max, 5);
}

TEST(ReflectTest, EnumsMapToAndFromNames) {
  static_assert(NamedEnum<Mood>);
  EXPECT_EQ(NameOf(Mood::kSad), "sad");
  Mood m = Mood::kHappy;
  EXPECT_TRUE(EnumFromName("sad", &m));
  EXPECT_EQ(m, Mood::kSad);
  EXPECT_FALSE(EnumFromName("angry", &m));
}

TEST(ValuesTest, CurrencyExponents) {
  EXPECT_EQ(CurrencyExponent("USD"), 2);
  EXPECT_EQ(CurrencyExponent("JPY"), 0);
  EXPECT_EQ(CurrencyExponent("KWD"), 3);
}

}  // namespace
}  // namespace dealstream::domain
