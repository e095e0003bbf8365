#include "codec/event_codec.h"

#include <gtest/gtest.h>

#include "codec/upcasters/upcaster.h"
#include "domain/opportunity/opportunity.h"
#include "domain/organisation/department.h"

namespace dealstream::codec {
namespace {

using OpportunityEvent = domain::OpportunityAggregate::Event;
using DepartmentEvent = domain::DepartmentAggregate::Event;

domain::OpportunityOpened Opened() {
  domain::OpportunityOpened e;
  e.opportunity_id = {"op-1"};
  e.customer_id = {"c-1"};
  e.title = "ERP rollout";
  e.amount = {12500050, "USD"};
  e.expected_close_date = domain::Date{17347};
  e.owner_id = {"emp-1"};
  e.product_ids = {{"p-1"}};
  e.stage = "Prospecting";
  e.probability = 10;
  e.forecast_category = "pipeline";
  e.opened_by = {"emp-1"};
  return e;
}

TEST(EventCodecTest, EncodesTypeVersionAndDataForTheLog) {
  const eventstore::ProposedEvent p =
      ToProposedEvent(OpportunityEvent{Opened()}, "op-1", Timestamp::FromMicros(7), {"emp-1", "c", "", "OpenOpportunity"});
  EXPECT_EQ(p.type, "crm.opportunity.opened.v1");
  EXPECT_EQ(p.schema_version, 2u) << "the Money shape is schema version 2";
  EXPECT_EQ(p.subject, "op-1");
  EXPECT_EQ(p.time, Timestamp::FromMicros(7));
  EXPECT_EQ(p.metadata.command, "OpenOpportunity");
  EXPECT_NE(p.data.find(R"("amount":{"amount":"125000.50","currency":"USD"})"), std::string::npos)
      << p.data;

  const EncodedEvent renamed = EncodeEvent(DepartmentEvent{domain::DepartmentRenamed{{"d-1"}, "HQ", "Head office"}});
  EXPECT_EQ(renamed.type, "crm.department.renamed.v1");
  EXPECT_EQ(renamed.schema_version, 1u);
  EXPECT_EQ(renamed.data, R"({"department_id":"d-1","name":"HQ","previous_name":"Head office"})");
}

TEST(EventCodecTest, DecodesTheCurrentVersionIntoTheRightAlternative) {
  const EncodedEvent encoded = EncodeEvent(OpportunityEvent{Opened()});
  auto back = DecodeEvent<OpportunityEvent>(encoded.type, encoded.schema_version, encoded.data);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_TRUE(std::holds_alternative<domain::OpportunityOpened>(*back));
  EXPECT_EQ(std::get<domain::OpportunityOpened>(*back), Opened());
}

// A version 1 payload as the first importer stored it: a bare number.
constexpr std::string_view kOpenedV1 =
    R"({"opportunity_id":"op-1","customer_id":"c-1","title":"ERP rollout","amount":125000.5,)"
    R"("currency":"USD","expected_close_date":"2017-06-30","owner_id":"emp-1",)"
    R"("product_ids":["p-1"],"stage":"Prospecting","probability":10,)"
    R"("forecast_category":"pipeline","opened_by":"emp-1"})";

TEST(EventCodecTest, UpcastsTheLegacyVersionOnRead) {
  auto v1 = DecodeEvent<OpportunityEvent>("crm.opportunity.opened.v1", 1, kOpenedV1);
  ASSERT_TRUE(v1.ok()) << v1.error().message;
  EXPECT_EQ(std::get<domain::OpportunityOpened>(*v1), Opened());
  auto upcast = UpcastToCurrent("crm.opportunity.opened.v1", 1, kOpenedV1);
  ASSERT_TRUE(upcast.ok());
  EXPECT_EQ(*upcast, EncodeEvent(OpportunityEvent{Opened()}).data)
      << "the upcast payload is the current payload, field order included";
}

TEST(EventCodecTest, LegacyPayloadsThatCannotConvertExactlyAreRefused) {
  const auto decode = [](std::string_view from, std::string_view to) {
    std::string text(kOpenedV1);
    text.replace(text.find(from), from.size(), to);
    return DecodeEvent<OpportunityEvent>("crm.opportunity.opened.v1", 1, text);
  };
  auto decimals = decode("125000.5", "125000.505");
  ASSERT_FALSE(decimals.ok());
  EXPECT_EQ(decimals.error().path, "amount");
  EXPECT_NE(decimals.error().message.find("more decimals than USD allows"), std::string::npos)
      << decimals.error().message;
  EXPECT_NE(decimals.error().message.find("crm.opportunity.opened.v1"), std::string::npos);
  EXPECT_EQ(decode("125000.5", R"("125000.5")").error().path, "amount");
  EXPECT_EQ(decode(R"("USD")", R"("usd")").error().path, "currency");
  EXPECT_EQ(decode("125000.5", "1e300").error().path, "amount");
  auto jpy = decode(R"("USD")", R"("JPY")");
  ASSERT_FALSE(jpy.ok()) << "JPY has no decimals";
  auto whole = decode("125000.5,\"currency\":\"USD\"", "125000,\"currency\":\"JPY\"");
  ASSERT_TRUE(whole.ok()) << whole.error().message;
  EXPECT_EQ(std::get<domain::OpportunityOpened>(*whole).amount, (domain::Money{125000, "JPY"}));
  // The rest of the payload is still checked by the strict decoder.
  EXPECT_EQ(decode(R"("probability":10)", R"("probability":101)").error().path, "probability");
}

TEST(EventCodecTest, RefusesUnknownTypesVersionsAndBrokenPayloads) {
  auto foreign = DecodeEvent<DepartmentEvent>("crm.opportunity.opened.v1", 2, "{}");
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.error().message.find("not one this decoder knows"), std::string::npos);
  auto future = DecodeEvent<OpportunityEvent>("crm.opportunity.opened.v1", 3, "{}");
  ASSERT_FALSE(future.ok());
  EXPECT_NE(future.error().message.find("schema version 3"), std::string::npos);
  EXPECT_FALSE(DecodeEvent<DepartmentEvent>("crm.department.renamed.v1", 0, "{}").ok());
  auto broken = DecodeEvent<DepartmentEvent>("crm.department.renamed.v1", 1,
                                             R"({"department_id":"d-1","name":"HQ"})");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().path, "previous_name");
  EXPECT_EQ(broken.error().message,
            "crm.department.renamed.v1: previous_name: required field is missing");
  EXPECT_FALSE(DecodeEvent<DepartmentEvent>("crm.department.renamed.v1", 1, "\xff").ok());
}

TEST(EventCodecTest, EventsMayCarryNegativeAmounts) {
  domain::OpportunityOpened e = Opened();
  e.amount.minor = -5;
  const EncodedEvent encoded = EncodeEvent(OpportunityEvent{e});
  auto back = DecodeEvent<OpportunityEvent>(encoded.type, encoded.schema_version, encoded.data);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(std::get<domain::OpportunityOpened>(*back).amount.minor, -5);
}

}  // namespace
}  // namespace dealstream::codec
