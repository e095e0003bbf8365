// CSV reading/writing and the JSON member scanner.
#include <gtest/gtest.h>

#include "replay/csv.h"
#include "replay/json_diff.h"
#include "replay/json_members.h"

namespace dealstream::replay {
namespace {

TEST(CsvTest, ReadsQuotedFieldsAndCrlf) {
  auto t = ParseCsv("a,b,c\r\n1,\"x, \"\"y\"\"\",\r\n2,\"line\nbreak\",z\r\n", "t.csv");
  ASSERT_TRUE(t.ok()) << t.error().ToString();
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0][1], "x, \"y\"");
  EXPECT_EQ(t->rows[0][2], "");
  EXPECT_EQ(t->rows[1][1], "line\nbreak");
  EXPECT_EQ(t->lines[0], 2u);
  EXPECT_EQ(t->lines[1], 3u);
}

TEST(CsvTest, ErrorsNameTheFileLineAndRule) {
  auto short_row = ParseCsv("a,b\n1,2\n3\n", "x.csv");
  ASSERT_FALSE(short_row.ok());
  EXPECT_EQ(short_row.error().message(), "x.csv line 3: expected 2 fields, found 1");
  auto open_quote = ParseCsv("a\n\"never closed\n", "y.csv");
  EXPECT_EQ(open_quote.error().message(), "y.csv line 2: a quoted field is never closed");
  auto stray = ParseCsv("a\nab\"c\n", "z.csv");
  EXPECT_EQ(stray.error().message(), "z.csv line 2: a quote inside an unquoted field");
  EXPECT_FALSE(ParseCsv("", "e.csv").ok());
}

TEST(CsvTest, FieldsRoundTrip) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  auto t = ParseCsv("v\n" + CsvField("x,\"y\"\nz") + "\n", "r.csv");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows[0][0], "x,\"y\"\nz");
}

TEST(JsonMembersTest, FindsTopLevelMembersOnly) {
  const std::string json = R"({"a":{"personal":1},"s":"}\"{","personal":{"x":[1,{"y":"]"}]}})";
  auto span = FindTopLevelMember(json, "personal");
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(json.substr(span->begin, span->end - span->begin), R"({"x":[1,{"y":"]"}]})");
  EXPECT_FALSE(FindTopLevelMember(json, "x").has_value());
  EXPECT_FALSE(FindTopLevelMember(R"({"personal":)", "personal").has_value());
  EXPECT_FALSE(FindTopLevelMember(R"([1,2])", "personal").has_value());
  EXPECT_FALSE(FindTopLevelMember(R"({"a":1} trailing)", "a").has_value());
  auto spaced = FindTopLevelMember(R"( { "n" : 12 , "m" : true } )", "m");
  ASSERT_TRUE(spaced.has_value());
}

TEST(JsonDiffTest, ListsChangedLeavesWithPaths) {
  auto before = nlohmann::ordered_json::parse(
      R"({"stage":"A","amount":{"amount":"1.00","currency":"USD"},"team":[{"id":"x","role":"sales"}],"gone":1})");
  auto after = nlohmann::ordered_json::parse(
      R"({"stage":"B","amount":{"amount":"2.00","currency":"USD"},"team":[{"id":"x","role":"presales"}],"new":true})");
  const auto changes = DiffJson(before, after);
  ASSERT_EQ(changes.size(), 5u);
  EXPECT_EQ(changes[0], (FieldChange{"stage", "\"A\"", "\"B\""}));
  EXPECT_EQ(changes[1].field, "amount");
  EXPECT_EQ(changes[2], (FieldChange{"team[0].role", "\"sales\"", "\"presales\""}));
  EXPECT_EQ(changes[3], (FieldChange{"new", std::nullopt, "true"}));
  EXPECT_EQ(changes[4], (FieldChange{"gone", "1", std::nullopt}));
}

TEST(JsonDiffTest, AppendedAndRemovedListEntriesShowByIndex) {
  auto one = nlohmann::ordered_json::parse(R"({"stages":[{"s":"A"}],"tags":["x","y"]})");
  auto two = nlohmann::ordered_json::parse(R"({"stages":[{"s":"A"},{"s":"B"}],"tags":["y"]})");
  const auto changes = DiffJson(one, two);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0], (FieldChange{"stages[1]", std::nullopt, R"({"s":"B"})"}));
  EXPECT_EQ(changes[1], (FieldChange{"tags", R"(["x","y"])", R"(["y"])"}));
  const auto back = DiffJson(two, one);
  EXPECT_EQ(back[0], (FieldChange{"stages[1]", R"({"s":"B"})", std::nullopt}));
}

}  // namespace
}  // namespace dealstream::replay
