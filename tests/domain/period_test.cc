#include "domain/common/period.h"

#include <gtest/gtest.h>

#include "tests/domain/decision_expect.h"

namespace dealstream::domain {
namespace {

using testing::Day;

TEST(PeriodTest, ParsesTheThreeFormsAndFormatsThemBack) {
  for (const char* text : {"2017-03", "2017-Q1", "2017", "0999-12", "2016-Q4"}) {
    std::optional<Period> period = Period::Parse(text);
    ASSERT_TRUE(period) << text;
    EXPECT_EQ(period->ToString(), text);
  }
  EXPECT_EQ(Period::Parse("2017-03")->kind, Period::Kind::kMonth);
  EXPECT_EQ(Period::Parse("2017-Q2")->index, 2);
}

TEST(PeriodTest, RejectsMalformedText) {
  for (const char* text : {"", "17", "2017-13", "2017-00", "2017-Q0", "2017-Q5", "2017-3",
                           "2017/03", "2017-03-01", "0000", "20a7", "2017-q1"}) {
    EXPECT_FALSE(Period::Parse(text)) << text;
  }
}

TEST(PeriodTest, BoundsIncludeFirstAndLastDay) {
  Period february = *Period::Parse("2016-02");
  EXPECT_EQ(february.First(), Day(2016, 2, 1));
  EXPECT_EQ(february.Last(), Day(2016, 2, 29));
  Period q4 = *Period::Parse("2017-Q4");
  EXPECT_EQ(q4.First(), Day(2017, 10, 1));
  EXPECT_EQ(q4.Last(), Day(2017, 12, 31));
  Period year = *Period::Parse("2017");
  EXPECT_TRUE(year.Contains(Day(2017, 1, 1)));
  EXPECT_TRUE(year.Contains(Day(2017, 12, 31)));
  EXPECT_FALSE(year.Contains(Day(2018, 1, 1)));
}

}  // namespace
}  // namespace dealstream::domain
