// JSON Schema generation and valijson validation, with valijson's errors
// turned into field paths and rules.
#include "codec/schema_validator.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "codec/json_codec.h"
#include "codec/json_schema.h"
#include "codec_test_types.h"

namespace dealstream::codec {
namespace {

using testing::IssueQuote;

TEST(JsonSchemaTest, DerivesTheSchemaFromReflection) {
  const auto schema = nlohmann::json::parse(
      JsonSchemaFor(StructInfoOf<IssueQuote>(), SchemaOptions{.kind = SchemaKind::kCommand}));
  EXPECT_EQ(schema["$schema"], "http://json-schema.org/draft-07/schema#");
  EXPECT_EQ(schema["title"], "IssueQuote");
  EXPECT_EQ(schema["additionalProperties"], false);
  EXPECT_EQ(schema["required"],
            nlohmann::json({"opportunity_id", "title", "lines", "stance", "urgent", "sequence",
                            "tags", "custom"}));
  const auto& p = schema["properties"];
  EXPECT_EQ(p["opportunity_id"]["pattern"], "^[A-Za-z0-9_.-]{1,64}$");
  EXPECT_EQ(p["title"], nlohmann::json({{"type", "string"}, {"minLength", 1}, {"maxLength", 10},
                                        {"description", "short title"}}));
  const auto& line = p["lines"]["items"];
  EXPECT_EQ(line["properties"]["quantity"]["minimum"], 1);
  EXPECT_EQ(line["properties"]["quantity"]["maximum"], 1000000);
  EXPECT_EQ(line["properties"]["unit_price"]["properties"]["amount"]["pattern"],
            "^[0-9]{1,19}(\\.[0-9]{1,3})?$");
  EXPECT_EQ(line["required"], nlohmann::json({"product_id", "quantity", "unit_price"}));
  EXPECT_EQ(p["stance"]["enum"], nlohmann::json({"champion", "neutral", "opponent"}));
  EXPECT_EQ(p["sequence"], nlohmann::json({{"type", "integer"}}));
  EXPECT_EQ(p["custom"]["additionalProperties"]["maxLength"], 8);
  EXPECT_EQ(p["tags"]["items"]["maxLength"], 5);
  EXPECT_TRUE(p.contains("occurred_at")) << "every command may carry occurred_at";

  const auto event = nlohmann::json::parse(
      JsonSchemaFor(StructInfoOf<IssueQuote>(), SchemaOptions{.kind = SchemaKind::kEvent}));
  EXPECT_FALSE(event["properties"].contains("occurred_at"));
  EXPECT_EQ(event["properties"]["budget"]["properties"]["amount"]["pattern"],
            "^-?[0-9]{1,19}(\\.[0-9]{1,3})?$");
}

class SchemaValidatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto compiled = SchemaValidator::Compile(
        JsonSchemaFor(StructInfoOf<IssueQuote>(), SchemaOptions{.kind = SchemaKind::kCommand}));
    ASSERT_TRUE(compiled.ok()) << compiled.error().ToString();
    validator_ = std::move(*compiled);
  }
  // The valid document with `patch` merged in (RFC 7386), validated.
  std::optional<FieldError> With(const nlohmann::json& patch) {
    nlohmann::json doc = nlohmann::json::parse(kValid);
    doc.merge_patch(patch);
    return validator_->Validate(doc);
  }
  void ExpectError(const nlohmann::json& patch, std::string_view path, std::string_view rule) {
    auto error = With(patch);
    ASSERT_NE(error, std::nullopt) << patch;
    EXPECT_EQ(error->path, path) << error->message;
    EXPECT_NE(error->message.find(rule), std::string::npos) << error->message;
    EXPECT_EQ(error->message.rfind(std::string(path) + ": ", 0), 0u) << error->message;
  }

  static constexpr std::string_view kValid =
      R"({"opportunity_id":"op-1","title":"Q1","lines":[{"product_id":"p-1","quantity":3,)"
      R"("unit_price":{"amount":"125000.00","currency":"USD"}}],"stance":"neutral",)"
      R"("urgent":false,"sequence":1,"tags":[],"custom":{},)"
      R"("occurred_at":"2017-03-01T09:30:00Z"})";
  std::unique_ptr<SchemaValidator> validator_;
};

TEST_F(SchemaValidatorTest, AcceptsAValidDocument) {
  EXPECT_EQ(With(nlohmann::json::object()), std::nullopt);
}

TEST_F(SchemaValidatorTest, TurnsValijsonErrorsIntoFieldPathsAndRules) {
  ExpectError({{"urgent", "yes"}}, "urgent", "expected a boolean");
  ExpectError({{"opportunity_id", "op 1"}}, "opportunity_id",
              "must match the pattern ^[A-Za-z0-9_.-]{1,64}$");
  ExpectError({{"stance", "fan"}}, "stance", R"(must be one of "champion", "neutral", "opponent")");
  ExpectError({{"title", "0123456789X"}}, "title", "must be at most 10 characters long");
  ExpectError({{"title", ""}}, "title", "must not be empty");
  ExpectError({{"colour", "red"}}, "colour", "unknown field (allowed: budget, custom, lines");
  ExpectError({{"custom", {{"size", 1}}}}, "custom.size", "expected a string");
  ExpectError({{"occurred_at", "yesterday"}}, "occurred_at", "RFC 3339");
  ExpectError({{"opportunity_id", nullptr}}, "opportunity_id", "required field is missing");
  ExpectError({{"lines", {{{"product_id", "p"}, {"quantity", 0},
                           {"unit_price", {{"amount", "1"}, {"currency", "USD"}}}}}}},
              "lines[0].quantity", "must be from 1 to 1000000");
  ExpectError({{"lines", {{{"product_id", "p"}, {"quantity", 1},
                           {"unit_price", {{"amount", 1.5}, {"currency", "USD"}}}}}}},
              "lines[0].unit_price.amount", "expected a string");
  ExpectError({{"lines", {{{"product_id", "p"}, {"quantity", 1}, {"unit_price", {{"amount", "1"}}}}}}},
              "lines[0].unit_price.currency", "required field is missing");
}

TEST(SchemaValidatorCompileTest, RejectsBrokenSchemas) {
  EXPECT_FALSE(SchemaValidator::Compile("{").ok());
  EXPECT_FALSE(SchemaValidator::Compile(R"({"type": 12})").ok());
}

}  // namespace
}  // namespace dealstream::codec
