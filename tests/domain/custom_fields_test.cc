#include "domain/config/custom_fields.h"

#include <gtest/gtest.h>

#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain {
namespace {

using testing::Emits;
using testing::FakeDirectory;
using testing::GivenWhen;
using testing::IsRefused;
using A = CustomFieldsAggregate;
using E = CustomEntityType;
using T = CustomFieldType;

class CustomFieldsTest : public ::testing::Test {
 protected:
  Decision<A::Event> When(const std::vector<A::Event>& given, A::Command command) {
    return GivenWhen<A>(given, command, DecideContext{testing::TestNow(), Id{"admin"}, directory_});
  }
  static std::vector<A::Event> Tier() {
    return {CustomFieldDefined{E::kCustomer, "tier", "Tier", T::kChoice, {"gold", "silver"}}};
  }
  FakeDirectory directory_;
};

TEST_F(CustomFieldsTest, DefinesTypedFields) {
  EXPECT_TRUE(Emits(When({}, DefineCustomField{E::kCustomer, "tier", "Tier", T::kChoice,
                                               std::vector<std::string>{"gold", "silver"}}),
                    Tier()));
  EXPECT_TRUE(Emits(
      When({}, DefineCustomField{E::kContact, "erp_no", "ERP number", T::kText, std::nullopt}),
      {CustomFieldDefined{E::kContact, "erp_no", "ERP number", T::kText, {}}}));
  // The same key on another entity type is another field.
  EXPECT_TRUE(
      When(Tier(), DefineCustomField{E::kOpportunity, "tier", "Tier", T::kNumber, std::nullopt})
          .ok());
}

TEST_F(CustomFieldsTest, DefinitionRules) {
  EXPECT_TRUE(IsRefused(When({}, DefineCustomField{E::kCustomer, "Tier", "Tier", T::kText}),
                        "custom_field_key_invalid", "key"));
  EXPECT_TRUE(IsRefused(When({}, DefineCustomField{E::kCustomer, "1st", "First", T::kText}),
                        "custom_field_key_invalid", "key"));
  EXPECT_TRUE(IsRefused(When({}, DefineCustomField{E::kCustomer, "a-b", "A", T::kText}),
                        "custom_field_key_invalid", "key"));
  EXPECT_TRUE(IsRefused(When({}, DefineCustomField{E::kCustomer, "tier", " ", T::kText}),
                        "label_blank", "label"));
  EXPECT_TRUE(IsRefused(When({}, DefineCustomField{E::kCustomer, "tier", "Tier", T::kChoice}),
                        "choices_required", "choices"));
  EXPECT_TRUE(IsRefused(When({}, DefineCustomField{E::kCustomer, "tier", "Tier", T::kChoice,
                                                   std::vector<std::string>{"gold", "Gold"}}),
                        "choice_duplicate", "choices[1]"));
  EXPECT_TRUE(IsRefused(When({}, DefineCustomField{E::kCustomer, "tier", "Tier", T::kText,
                                                   std::vector<std::string>{"gold"}}),
                        "choices_not_allowed", "choices"));
}

TEST_F(CustomFieldsTest, RedefinesLabelAndChoicesButNotTheType) {
  EXPECT_TRUE(
      Emits(When(Tier(), DefineCustomField{E::kCustomer, "tier", "Service tier", T::kChoice,
                                           std::vector<std::string>{"gold", "silver", "bronze"}}),
            {CustomFieldRedefined{E::kCustomer,
                                  "tier",
                                  "Service tier",
                                  "Tier",
                                  {"gold", "silver", "bronze"},
                                  {"gold", "silver"}}}));
  EXPECT_TRUE(IsRefused(When(Tier(), DefineCustomField{E::kCustomer, "tier", "Tier", T::kText}),
                        "custom_field_type_fixed", "type"));
  EXPECT_TRUE(IsRefused(When(Tier(), DefineCustomField{E::kCustomer, "tier", "Tier", T::kChoice,
                                                       std::vector<std::string>{"gold", "silver"}}),
                        "custom_field_unchanged", "key"));
}

TEST_F(CustomFieldsTest, RetiresForGood) {
  EXPECT_TRUE(Emits(When(Tier(), RetireCustomField{E::kCustomer, "tier"}),
                    {CustomFieldRetired{E::kCustomer, "tier"}}));
  EXPECT_TRUE(IsRefused(When({}, RetireCustomField{E::kCustomer, "tier"}), "custom_field_not_found",
                        "key"));
  std::vector<A::Event> retired = Tier();
  retired.push_back(CustomFieldRetired{E::kCustomer, "tier"});
  EXPECT_TRUE(IsRefused(When(retired, RetireCustomField{E::kCustomer, "tier"}),
                        "custom_field_retired", "key"));
  EXPECT_TRUE(IsRefused(When(retired, DefineCustomField{E::kCustomer, "tier", "Tier", T::kText}),
                        "custom_field_retired", "key"));
  EXPECT_TRUE(FactsOf(testing::StateAfter<A>(retired)).empty());
}

TEST_F(CustomFieldsTest, LimitsFieldsPerEntityType) {
  std::vector<A::Event> many;
  for (size_t i = 0; i < kMaxCustomFields; ++i) {
    many.push_back(CustomFieldDefined{E::kCustomer, "f" + std::to_string(i), "F", T::kText, {}});
  }
  EXPECT_TRUE(IsRefused(When(many, DefineCustomField{E::kCustomer, "one_more", "X", T::kText}),
                        "too_many_custom_fields", "key"));
  EXPECT_TRUE(When(many, DefineCustomField{E::kContact, "one_more", "X", T::kText}).ok());
}

TEST_F(CustomFieldsTest, FactsListFieldsInUse) {
  std::vector<A::Event> history = Tier();
  history.push_back(CustomFieldDefined{E::kContact, "erp_no", "ERP", T::kNumber, {}});
  std::vector<CustomFieldFacts> facts = FactsOf(testing::StateAfter<A>(history));
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].entity_type, "contact");
  EXPECT_EQ(facts[0].type, "number");
  EXPECT_EQ(facts[1].key, "tier");
  EXPECT_EQ(facts[1].choices, (std::vector<std::string>{"gold", "silver"}));
}

TEST(CustomFieldValueTest, ChecksValuesByType) {
  CustomFieldFacts number{"customer", "n", "number", {}};
  for (const char* ok : {"0", "-12", "3.25", "1000000"}) {
    EXPECT_TRUE(IsValidCustomFieldValue(number, ok)) << ok;
  }
  for (const char* bad : {"", "-", "1.", ".5", "1e3", "12a", "1,000"}) {
    EXPECT_FALSE(IsValidCustomFieldValue(number, bad)) << bad;
  }
  CustomFieldFacts date{"customer", "d", "date", {}};
  EXPECT_TRUE(IsValidCustomFieldValue(date, "2016-02-29"));
  for (const char* bad :
       {"2017-02-29", "2017-13-01", "2017-3-1", "20170301", "2017-03-01T00:00:00Z"}) {
    EXPECT_FALSE(IsValidCustomFieldValue(date, bad)) << bad;
  }
  CustomFieldFacts flag{"customer", "b", "boolean", {}};
  EXPECT_TRUE(IsValidCustomFieldValue(flag, "true"));
  EXPECT_TRUE(IsValidCustomFieldValue(flag, "false"));
  EXPECT_FALSE(IsValidCustomFieldValue(flag, "yes"));
  CustomFieldFacts choice{"customer", "c", "choice", {"gold", "silver"}};
  EXPECT_TRUE(IsValidCustomFieldValue(choice, "gold"));
  EXPECT_FALSE(IsValidCustomFieldValue(choice, "Gold"));
  EXPECT_TRUE(
      IsValidCustomFieldValue(CustomFieldFacts{"customer", "t", "text", {}}, "anything at all"));
}

}  // namespace
}  // namespace dealstream::domain
