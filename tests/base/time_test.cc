#include "base/time.h"

#include <gtest/gtest.h>

#include "base/uuid.h"

namespace dealstream {
namespace {

TEST(TimeTest, FormatsInOneFixedUtcFormat) {
  EXPECT_EQ(FormatTimestamp(Timestamp::FromMicros(0)), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(FormatTimestamp(Timestamp::FromMicros(1488361800123456)), "2017-03-01T09:50:00.123456Z");
  EXPECT_EQ(FormatTimestamp(Timestamp::FromMicros(-1)), "1969-12-31T23:59:59.999999Z");
  // Four-digit years take a path of their own; the others print in full.
  const int64_t day = 86400LL * 1000000;
  const int64_t year_10000 = DaysFromCivil(10000, 1, 1) * day;
  EXPECT_EQ(FormatTimestamp(Timestamp::FromMicros(year_10000 - 1)), "9999-12-31T23:59:59.999999Z");
  EXPECT_EQ(FormatTimestamp(Timestamp::FromMicros(year_10000)), "10000-01-01T00:00:00.000000Z");
  EXPECT_EQ(FormatTimestamp(Timestamp::FromMicros(DaysFromCivil(0, 1, 1) * day)),
            "0000-01-01T00:00:00.000000Z");
}

TEST(TimeTest, ParsesRfc3339WithOffsetsAndFractions) {
  auto t = ParseTimestamp("2017-03-01T09:50:00Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatTimestamp(*t), "2017-03-01T09:50:00.000000Z");
  t = ParseTimestamp("2017-03-01T11:50:00.25+02:00");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatTimestamp(*t), "2017-03-01T09:50:00.250000Z");
  t = ParseTimestamp("2017-03-01T00:30:00-01:00");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatTimestamp(*t), "2017-03-01T01:30:00.000000Z");
}

TEST(TimeTest, PlainDateMeansEndOfThatDay) {
  auto t = ParseTimestamp("2017-03-01");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatTimestamp(*t), "2017-03-01T23:59:59.999999Z");
  auto start = ParseDateStart("2017-03-01");
  ASSERT_TRUE(start.ok());
  EXPECT_EQ(FormatTimestamp(*start), "2017-03-01T00:00:00.000000Z");
}

TEST(TimeTest, RejectsMalformedTimesNamingTheRule) {
  for (const char* bad : {"", "2017", "2017-13-01", "2017-02-30", "2017-03-01T25:00:00Z",
                          "2017-03-01T09:50:00", "2017-03-01T09:50:00Zjunk", "2017-03-01X",
                          "2017-03-01T09:50:00.Z", "2017-03-01T09:50:00+2"}) {
    auto t = ParseTimestamp(bad);
    EXPECT_FALSE(t.ok()) << bad;
    if (!t.ok()) EXPECT_NE(t.error().message().find("not a valid time"), std::string::npos);
  }
}

TEST(TimeTest, LeapYearsAreRespected) {
  EXPECT_TRUE(ParseTimestamp("2016-02-29").ok());
  EXPECT_FALSE(ParseTimestamp("2017-02-29").ok());
  EXPECT_FALSE(ParseTimestamp("1900-02-29").ok());
  EXPECT_TRUE(ParseTimestamp("2000-02-29").ok());
}

TEST(UuidTest, IsVersion7AndUnique) {
  const std::string a = NewUuidV7(Now());
  const std::string b = NewUuidV7(Now());
  EXPECT_EQ(a.size(), 36u);
  EXPECT_EQ(a[14], '7');
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace dealstream
