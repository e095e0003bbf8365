#include "codec/command_codec.h"

#include <gtest/gtest.h>

#include "domain/organisation/department.h"

namespace dealstream::codec {
namespace {

using Command = domain::DepartmentAggregate::Command;

TEST(CommandCodecTest, DecodesAValidBodyWithItsBusinessTime) {
  auto r = DecodeCommand<Command>(
      "CreateDepartment",
      R"({"name":"East China","parent_id":"hq","occurred_at":"2017-03-01T09:30:00+08:00"})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto& c = std::get<domain::CreateDepartment>(r->command);
  EXPECT_EQ(c.name, "East China");
  EXPECT_EQ(c.parent_id, (domain::Id{"hq"}));
  EXPECT_EQ(c.id, std::nullopt);
  EXPECT_EQ(r->occurred_at, ParseTimestamp("2017-03-01T01:30:00Z").value());
  EXPECT_EQ(EncodeCommand(r->command), R"({"name":"East China","parent_id":"hq"})");

  auto without = DecodeCommand<Command>("RenameDepartment", R"({"department_id":"d","name":"N"})");
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->occurred_at, std::nullopt);
}

TEST(CommandCodecTest, SchemaViolationsNameTheFieldAndTheRule) {
  struct Case {
    std::string_view body;
    std::string_view path;
    std::string_view rule;
  };
  for (const Case& c : {
           Case{R"({"name":""})", "name", "must not be empty"},
           Case{R"({"name":"A","parent_id":"a b"})", "parent_id", "must match the pattern"},
           Case{R"({"name":"A","colour":"red"})", "colour", "unknown field"},
           Case{R"({"parent_id":"hq"})", "name", "required field is missing"},
           Case{R"({"name":7})", "name", "expected a string"},
           Case{R"({"name":"A","occurred_at":"2017-03-01"})", "occurred_at", "RFC 3339"},
           Case{R"({"name":"A","occurred_at":"2017-02-30T00:00:00Z"})", "occurred_at", "RFC 3339"},
           Case{R"({"name":"A","name":"B"})", "", "duplicate object key 'name'"},
           Case{R"([])", "", "must be a JSON object"},
           Case{"{\"name\":\"\xc3\x28\"}", "", "not valid"},
       }) {
    auto r = DecodeCommand<Command>("CreateDepartment", c.body);
    ASSERT_FALSE(r.ok()) << c.body;
    EXPECT_EQ(r.error().path, c.path) << r.error().message;
    EXPECT_NE(r.error().message.find(c.rule), std::string::npos) << r.error().message;
  }
}

TEST(CommandCodecTest, UnknownTypesAndDeepNestingAreRefused) {
  auto unknown = DecodeCommand<Command>("OpenOpportunity", "{}");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("not a command of this aggregate"), std::string::npos);
  auto deep = DecodeCommand<Command>("CreateDepartment",
                                     "{\"name\":" + std::string(5000, '[') + std::string(5000, ']') + "}");
  ASSERT_FALSE(deep.ok());
  EXPECT_NE(deep.error().message.find("nests deeper"), std::string::npos);
}

TEST(CommandCodecTest, HugeStringsAgainstPatternsAreErrorsNotCrashes) {
  const std::string huge(1 << 20, '1');
  auto r = DecodeCommand<Command>("CreateDepartment",
                                  R"({"name":"A","occurred_at":"2017-03-01T09:30:00.)" + huge + "Z\"}");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().path, "occurred_at");
}

}  // namespace
}  // namespace dealstream::codec
