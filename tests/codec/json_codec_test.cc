#include "codec/json_codec.h"

#include <gtest/gtest.h>

#include <string>

#include "codec_test_types.h"

namespace dealstream::codec {
namespace {

using testing::IssueQuote;
using testing::Line;
using testing::Stance;

IssueQuote Sample() {
  IssueQuote q;
  q.opportunity_id = {"op-1"};
  q.title = "Q1 ü";
  q.lines = {Line{{"p-1"}, 3, {12500000, "USD"}, 15}, Line{{"p.2"}, 1, {5, "USD"}, std::nullopt}};
  q.valid_until = domain::Date{17226};
  q.sent_at = Timestamp::FromMicros(1488360600000000);
  q.stance = Stance::kChampion;
  q.urgent = true;
  q.sequence = -9000000000;
  q.tags = {"a", "b\"c"};
  q.custom = {{"region", "East"}, {"size", "L"}};
  return q;
}

constexpr std::string_view kSampleJson =
    R"({"opportunity_id":"op-1","title":"Q1 ü","lines":[{"product_id":"p-1","quantity":3,)"
    R"("unit_price":{"amount":"125000.00","currency":"USD"},"discount_percent":15},)"
    R"({"product_id":"p.2","quantity":1,"unit_price":{"amount":"0.05","currency":"USD"}}],)"
    R"("valid_until":"2017-03-01","sent_at":"2017-03-01T09:30:00.000000Z","stance":"champion",)"
    R"("urgent":true,"sequence":-9000000000,"tags":["a","b\"c"],)"
    R"("custom":{"region":"East","size":"L"}})";

TEST(JsonCodecTest, EncodesCompactlyInDeclarationOrderOmittingAbsentOptionals) {
  EXPECT_EQ(EncodeJson(Sample()), kSampleJson);
}

// Both decoders must apply exactly the same rules.
class DecodeTest : public ::testing::TestWithParam<bool> {
 protected:
  Result<IssueQuote, FieldError> Decode(std::string_view text, DecodeOptions options = {}) {
    return GetParam() ? DecodeJsonFast<IssueQuote>(text, options)
                      : DecodeJson<IssueQuote>(text, options);
  }
  // Decodes `text`, expecting an error at `path` whose message has `rule`.
  void ExpectError(std::string_view text, std::string_view path, std::string_view rule) {
    auto r = Decode(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().path, path) << r.error().message;
    EXPECT_NE(r.error().message.find(rule), std::string::npos) << r.error().message;
    if (!path.empty()) {
      EXPECT_EQ(r.error().message.rfind(std::string(path) + ": ", 0), 0u) << r.error().message;
    }
  }
  // kSampleJson with `from` replaced by `to` (the first occurrence).
  static std::string Edit(std::string_view from, std::string_view to) {
    std::string s(kSampleJson);
    const size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return s.replace(at, from.size(), to);
  }
};

TEST_P(DecodeTest, RoundTrips) {
  auto back = Decode(kSampleJson);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, Sample());
  IssueQuote minimal;
  minimal.opportunity_id = {"x"};
  minimal.title = "t";
  minimal.budget = domain::Money{0, "JPY"};
  auto again = Decode(EncodeJson(minimal));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*again, minimal);
}

TEST_P(DecodeTest, UnknownFieldsAreRejectedNamingTheField) {
  ExpectError(Edit(R"("urgent")", R"("colour":"red","urgent")"), "colour", "unknown field");
  ExpectError(Edit(R"("quantity":3)", R"("quantity":3,"qty":3)"), "lines[0].qty",
              "allowed: product_id, quantity");
  ExpectError(Edit(R"("currency":"USD"})", R"("currency":"USD","rate":1})"),
              "lines[0].unit_price.rate", "unknown field");
}

TEST_P(DecodeTest, MissingRequiredFieldsAreRejectedNamingThem) {
  ExpectError(Edit(R"("opportunity_id":"op-1",)", ""), "opportunity_id", "required field is missing");
  ExpectError(Edit(R"("product_id":"p.2",)", ""), "lines[1].product_id", "required");
  ExpectError(Edit(R"(,"currency":"USD"}}])", "}}]"), "lines[1].unit_price.currency", "required");
}

TEST_P(DecodeTest, WrongTypesNameThePathAndTheExpectedType) {
  ExpectError(Edit(R"("quantity":1)", R"("quantity":"1")"), "lines[1].quantity",
              "expected an integer, got a string");
  ExpectError(Edit(R"("quantity":1)", R"("quantity":1.0)"), "lines[1].quantity",
              "expected an integer, got a number that is not a 64-bit integer");
  ExpectError(Edit(R"("urgent":true)", R"("urgent":1)"), "urgent", "expected true or false");
  ExpectError(Edit(R"("tags":["a",)", R"("tags":[7,)"), "tags[0]", "expected a string");
  ExpectError(Edit(R"("lines":[)", R"("lines":{"a":1},"x":[)"), "lines", "expected an array");
  ExpectError(Edit(R"("custom":{"region":"East")", R"("custom":{"region":1)"), "custom.region",
              "expected a string");
  ExpectError("[1]", "", "must be a JSON object, got an array");
}

TEST_P(DecodeTest, RangesAndLengthsFromFieldMetadataAreEnforced) {
  ExpectError(Edit(R"("quantity":3)", R"("quantity":0)"), "lines[0].quantity",
              "from 1 to 1000000");
  ExpectError(Edit(R"("discount_percent":15)", R"("discount_percent":101)"),
              "lines[0].discount_percent", "from 0 to 100");
  // Beyond 64 bits: nlohmann parses a float, simdjson refuses the document.
  ExpectError(Edit(R"("quantity":3)", R"("quantity":99999999999999999999)"),
              GetParam() ? "" : "lines[0].quantity", "not a 64-bit integer");
  ExpectError(Edit(R"("quantity":3)", R"("quantity":18446744073709551615)"), "lines[0].quantity",
              "from 1 to 1000000");
  ExpectError(Edit(R"("sequence":-9000000000)", R"("sequence":9223372036854775808)"), "sequence",
              "from -9223372036854775808 to 9223372036854775807");
  ExpectError(Edit(R"("title":"Q1 ü")", R"("title":"")"), "title", "must not be empty");
  // Lengths count code points: ten 'ü' fit, eleven do not.
  std::string ten;
  for (int i = 0; i < 10; ++i) ten += "ü";
  EXPECT_TRUE(Decode(Edit(R"("title":"Q1 ü")", "\"title\":\"" + ten + "\"")).ok());
  ExpectError(Edit(R"("title":"Q1 ü")", "\"title\":\"" + ten + "ü\""), "title",
              "at most 10 characters long, got 11");
  ExpectError(Edit(R"("b\"c")", R"("bcdefg")"), "tags[1]", "at most 5 characters");
  ExpectError(Edit(R"("size":"L")", R"("size":"XXXXXXXXXL")"), "custom.size", "at most 8");
}

TEST_P(DecodeTest, MoneyIsADecimalStringWithinTheCurrencyExponent) {
  const auto price = [&](std::string_view money) {
    return Edit(R"({"amount":"125000.00","currency":"USD"})", money);
  };
  const std::string_view path = "lines[0].unit_price.amount";
  ExpectError(price(R"({"amount":125000.0,"currency":"USD"})"), path, "expected a decimal string");
  ExpectError(price(R"({"amount":"1.005","currency":"USD"})"), path,
              "has 3 decimal places but USD allows 2");
  ExpectError(price(R"({"amount":"1.5","currency":"JPY"})"), path, "JPY allows 0");
  ExpectError(price(R"({"amount":"-1.00","currency":"USD"})"), path, "must not be negative");
  ExpectError(price(R"({"amount":"1e5","currency":"USD"})"), path, "decimal string");
  ExpectError(price(R"({"amount":"1.","currency":"USD"})"), path, "decimal string");
  ExpectError(price(R"({"amount":".5","currency":"USD"})"), path, "decimal string");
  ExpectError(price(R"({"amount":" 1","currency":"USD"})"), path, "decimal string");
  ExpectError(price(R"({"amount":"92233720368547758.08","currency":"USD"})"), path, "too large");
  ExpectError(price(R"({"amount":"1","currency":"usd"})"), "lines[0].unit_price.currency",
              "three upper-case letters");
  ExpectError(price(R"({"amount":"1","currency":"USDX"})"), "lines[0].unit_price.currency",
              "three upper-case letters");
  ExpectError(price(R"("1.00 USD")"), "lines[0].unit_price", "expected a money object");

  auto max = Decode(price(R"({"amount":"92233720368547758.07","currency":"USD"})"));
  ASSERT_TRUE(max.ok()) << max.error().message;
  EXPECT_EQ(max->lines[0].unit_price.minor, INT64_MAX);
  auto kwd = Decode(price(R"({"amount":"1.5","currency":"KWD"})"));
  ASSERT_TRUE(kwd.ok());
  EXPECT_EQ(kwd->lines[0].unit_price, (domain::Money{1500, "KWD"}));
  EXPECT_NE(EncodeJson(*kwd).find(R"({"amount":"1.500","currency":"KWD"})"), std::string::npos);
  auto whole = Decode(price(R"({"amount":"7","currency":"USD"})"));
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->lines[0].unit_price.minor, 700);
}

TEST_P(DecodeTest, NegativeMoneyOnlyWhenAllowed) {
  const std::string text = Edit(R"("amount":"125000.00")", R"("amount":"-0.50")");
  auto r = Decode(text, DecodeOptions{.allow_negative_money = true});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->lines[0].unit_price.minor, -50);
  EXPECT_NE(EncodeJson(*r).find(R"("amount":"-0.50")"), std::string::npos);
}

TEST_P(DecodeTest, DatesTimesIdsAndEnumsFollowTheirFormats) {
  ExpectError(Edit(R"("2017-03-01")", R"("2017-02-29")"), "valid_until", "valid calendar date");
  ExpectError(Edit(R"("2017-03-01")", R"("2017-3-1")"), "valid_until", "YYYY-MM-DD");
  ExpectError(Edit(R"("2017-03-01")", R"("2017-03-01T00:00:00Z")"), "valid_until", "YYYY-MM-DD");
  ExpectError(Edit(R"("2017-03-01T09:30:00.000000Z")", R"("2017-03-01")"), "sent_at", "RFC 3339");
  ExpectError(Edit(R"("2017-03-01T09:30:00.000000Z")", R"("2017-03-01T09:30:00")"), "sent_at",
              "RFC 3339");
  ExpectError(Edit(R"("op-1")", R"("op 1")"), "opportunity_id", "must be an id");
  ExpectError(Edit(R"("op-1")", "\"" + std::string(65, 'a') + "\""), "opportunity_id", "id");
  ExpectError(Edit(R"("op-1")", R"("")"), "opportunity_id", "must be an id");
  ExpectError(Edit(R"("champion")", R"("fan")"), "stance",
              R"(must be one of "champion", "neutral", "opponent")");
  auto offset = Decode(Edit(R"("2017-03-01T09:30:00.000000Z")", R"("2017-03-01T10:30:00+01:00")"));
  ASSERT_TRUE(offset.ok());
  EXPECT_EQ(offset->sent_at, Sample().sent_at);
}

TEST_P(DecodeTest, NullIsNotAnAbsentOptional) {
  ExpectError(Edit(R"("valid_until":"2017-03-01")", R"("valid_until":null)"), "valid_until",
              "omitted rather than null");
  ExpectError(Edit(R"("opportunity_id":"op-1")", R"("opportunity_id":null)"), "opportunity_id",
              "expected an id string, got null");
}

TEST_P(DecodeTest, MalformedDocumentsAreErrorsNotCrashes) {
  ExpectError(Edit(R"("urgent")", R"("urgent":false,"urgent")"), GetParam() ? "urgent" : "",
              "duplicate");
  ExpectError(Edit("Q1 ü", "Q1 \xc3"), "", "UTF-8");
  ExpectError(Edit("Q1 ü", "Q1 \xed\xa0\x80"), "", "UTF-8");
  ExpectError(std::string(100000, '[') + std::string(100000, ']'), "", "deeper than 64");
  ExpectError(R"({"lines":[)", "", "not valid");
  ExpectError("", "", "not valid");
  ExpectError(Edit("}", "}}"), "", "not valid");
}

INSTANTIATE_TEST_SUITE_P(NlohmannAndSimdjson, DecodeTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "simdjson" : "nlohmann"; });

}  // namespace
}  // namespace dealstream::codec
