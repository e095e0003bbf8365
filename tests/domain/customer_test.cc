#include "domain/customer/customer.h"

#include <gtest/gtest.h>

#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain {
namespace {

using testing::Emits;
using testing::FakeDirectory;
using testing::GivenWhen;
using testing::IsRefused;
using A = CustomerAggregate;

class CustomerTest : public ::testing::Test {
 protected:
  CustomerTest() {
    directory_.departments["east"] = {Id{"east"}, "East", std::nullopt, std::nullopt, true};
    directory_.departments["west"] = {Id{"west"}, "West", std::nullopt, std::nullopt, true};
    directory_.departments["old"] = {Id{"old"}, "Old", std::nullopt, std::nullopt, false};
    directory_.employees["li"] = {Id{"li"}, "Li Na", Id{"east"}, "sales", std::nullopt, true};
    directory_.employees["wu"] = {Id{"wu"}, "Wu Fei", Id{"west"}, "sales", std::nullopt, true};
    directory_.employees["gone"] = {Id{"gone"}, "Zhao Yu",    Id{"east"},
                                    "sales",    std::nullopt, false};
    directory_.custom_fields.push_back({"customer", "tier", "choice", {"gold", "silver"}});
    directory_.custom_fields.push_back({"customer", "employees", "number", {}});
    directory_.custom_fields.push_back({"contact", "hobby", "text", {}});
  }

  Decision<A::Event> When(const std::vector<A::Event>& given, A::Command command) {
    return GivenWhen<A>(given, command, DecideContext{testing::TestNow(), Id{"li"}, directory_});
  }

  static CustomerRegistered Registered() {
    return CustomerRegistered{Id{"c1"},
                              "Huaxin Steel",
                              Id{"li"},
                              Id{"east"},
                              "steel",
                              "Shanghai",
                              CustomerSize::kLarge,
                              "trade show",
                              std::nullopt,
                              std::nullopt,
                              "https://huaxin.example",
                              Lifecycle::kTarget};
  }
  static std::vector<A::Event> Huaxin() { return {Registered()}; }
  static std::vector<A::Event> Plus(A::Event event) {
    std::vector<A::Event> events = Huaxin();
    events.push_back(std::move(event));
    return events;
  }

  FakeDirectory directory_;
};

TEST_F(CustomerTest, RegistersInTheOwnersDepartmentByDefault) {
  RegisterCustomer c{Id{"c1"},     "Huaxin Steel",          Id{"li"},     "steel",
                     "Shanghai",   CustomerSize::kLarge,    "trade show", "",
                     std::nullopt, "https://huaxin.example"};
  EXPECT_TRUE(Emits(When({}, c), Huaxin()));
  c.department_id = Id{"west"};
  c.lifecycle = Lifecycle::kSigned;
  CustomerRegistered expected = Registered();
  expected.department_id = Id{"west"};
  expected.lifecycle = Lifecycle::kSigned;
  EXPECT_TRUE(Emits(When({}, c), {expected}));
}

TEST_F(CustomerTest, RegistrationRules) {
  EXPECT_TRUE(
      IsRefused(When({}, RegisterCustomer{std::nullopt, "X", Id{"li"}}), "id_required", "id"));
  EXPECT_TRUE(
      IsRefused(When(Huaxin(), RegisterCustomer{Id{"c1"}, "X", Id{"li"}}), "customer_exists", ""));
  EXPECT_TRUE(IsRefused(When({}, RegisterCustomer{Id{"c1"}, " ", Id{"li"}}), "name_blank", "name"));
  EXPECT_TRUE(IsRefused(When({}, RegisterCustomer{Id{"c1"}, "X", Id{"nobody"}}), "owner_not_found",
                        "owner_id"));
  EXPECT_TRUE(IsRefused(When({}, RegisterCustomer{Id{"c1"}, "X", Id{"gone"}}), "owner_inactive",
                        "owner_id"));
  RegisterCustomer closed{Id{"c1"}, "X", Id{"li"}};
  closed.department_id = Id{"old"};
  EXPECT_TRUE(IsRefused(When({}, closed), "department_closed", "department_id"));
  closed.department_id = Id{"nope"};
  EXPECT_TRUE(IsRefused(When({}, closed), "department_not_found", "department_id"));
}

TEST_F(CustomerTest, ProfileUpdateListsOnlyChangedFieldsWithPreviousValues) {
  UpdateCustomerProfile update{Id{"c1"}};
  update.name = "Huaxin Steel Group";
  update.industry = "steel";  // unchanged: left out of the event
  update.region = "";         // cleared
  update.size = CustomerSize::kEnterprise;
  update.phone = "+86 21 5555 0101";
  CustomerProfileUpdated expected{Id{"c1"}};
  expected.name = TextChange{"Huaxin Steel Group", "Huaxin Steel"};
  expected.region = TextChange{std::nullopt, "Shanghai"};
  expected.size = CustomerSizeChange{CustomerSize::kEnterprise, CustomerSize::kLarge};
  expected.phone = TextChange{"+86 21 5555 0101", std::nullopt};
  EXPECT_TRUE(Emits(When(Huaxin(), update), {expected}));

  CustomerState after = testing::StateAfter<A>(Plus(expected));
  EXPECT_EQ(after.name, "Huaxin Steel Group");
  EXPECT_EQ(after.region, std::nullopt);
  EXPECT_EQ(after.size, CustomerSize::kEnterprise);
  EXPECT_EQ(after.industry, "steel");
}

TEST_F(CustomerTest, ProfileUpdateRules) {
  UpdateCustomerProfile same{Id{"c1"}};
  same.name = "Huaxin Steel";
  same.size = CustomerSize::kLarge;
  EXPECT_TRUE(IsRefused(When(Huaxin(), same), "nothing_to_update", ""));
  UpdateCustomerProfile blank{Id{"c1"}};
  blank.name = "";
  EXPECT_TRUE(IsRefused(When(Huaxin(), blank), "name_blank", "name"));
  EXPECT_TRUE(IsRefused(When({}, UpdateCustomerProfile{Id{"c1"}, "X"}), "customer_not_found",
                        "customer_id"));
  EXPECT_TRUE(IsRefused(
      When(Plus(CustomerArchived{Id{"c1"}, std::nullopt}), UpdateCustomerProfile{Id{"c1"}, "X"}),
      "customer_archived", "customer_id"));
  EXPECT_TRUE(IsRefused(When(Plus(CustomerDuplicateMerged{Id{"c1"}, Id{"c2"}, std::nullopt}),
                             UpdateCustomerProfile{Id{"c1"}, "X"}),
                        "customer_merged", "customer_id"));
}

TEST_F(CustomerTest, SetsTypedCustomFields) {
  EXPECT_TRUE(Emits(
      When(Huaxin(), SetCustomerCustomFields{Id{"c1"}, {{"tier", "gold"}, {"employees", "12000"}}}),
      {CustomerCustomFieldsSet{
          Id{"c1"}, {{"employees", "12000", std::nullopt}, {"tier", "gold", std::nullopt}}}}));
  std::vector<A::Event> given = Plus(CustomerCustomFieldsSet{
      Id{"c1"}, {{"tier", "gold", std::nullopt}, {"employees", "12000", std::nullopt}}});
  // Unchanged values are left out; "" clears.
  EXPECT_TRUE(Emits(
      When(given, SetCustomerCustomFields{Id{"c1"}, {{"tier", "silver"}, {"employees", "12000"}}}),
      {CustomerCustomFieldsSet{Id{"c1"}, {{"tier", "silver", "gold"}}}}));
  EXPECT_TRUE(Emits(When(given, SetCustomerCustomFields{Id{"c1"}, {{"tier", ""}}}),
                    {CustomerCustomFieldsSet{Id{"c1"}, {{"tier", std::nullopt, "gold"}}}}));
  CustomerState after = testing::StateAfter<A>(given);
  EXPECT_EQ(after.custom_fields.at("tier"), "gold");
}

TEST_F(CustomerTest, CustomFieldRules) {
  EXPECT_TRUE(IsRefused(When(Huaxin(), SetCustomerCustomFields{Id{"c1"}, {}}),
                        "custom_fields_required", "values"));
  EXPECT_TRUE(IsRefused(When(Huaxin(), SetCustomerCustomFields{Id{"c1"}, {{"hobby", "golf"}}}),
                        "custom_field_not_found", "values.hobby"));
  EXPECT_TRUE(IsRefused(When(Huaxin(), SetCustomerCustomFields{Id{"c1"}, {{"tier", "platinum"}}}),
                        "custom_field_value_invalid", "values.tier"));
  EXPECT_TRUE(IsRefused(When(Huaxin(), SetCustomerCustomFields{Id{"c1"}, {{"employees", "many"}}}),
                        "custom_field_value_invalid", "values.employees"));
  EXPECT_TRUE(IsRefused(When(Huaxin(), SetCustomerCustomFields{Id{"c1"}, {{"tier", ""}}}),
                        "nothing_to_update", "values"));
  std::map<std::string, std::string> many;
  for (size_t i = 0; i <= kMaxCustomFieldsPerCommand; ++i) many["f" + std::to_string(i)] = "x";
  EXPECT_TRUE(IsRefused(When(Huaxin(), SetCustomerCustomFields{Id{"c1"}, many}),
                        "too_many_custom_fields", "values"));
}

TEST_F(CustomerTest, TransfersToAnOwnerAndTheirDepartmentKeepingThePreviousOne) {
  EXPECT_TRUE(
      Emits(When(Huaxin(), AssignCustomer{Id{"c1"}, Id{"wu"}, std::nullopt, "territory change"}),
            {CustomerAssigned{Id{"c1"}, Id{"wu"}, Id{"li"}, Id{"west"}, Id{"east"},
                              "territory change"}}));
  // A department alone keeps the owner; both may be given together.
  EXPECT_TRUE(Emits(
      When(Huaxin(), AssignCustomer{Id{"c1"}, std::nullopt, Id{"west"}, std::nullopt}),
      {CustomerAssigned{Id{"c1"}, Id{"li"}, Id{"li"}, Id{"west"}, Id{"east"}, std::nullopt}}));
  EXPECT_TRUE(Emits(
      When(Huaxin(), AssignCustomer{Id{"c1"}, Id{"wu"}, Id{"east"}, std::nullopt}),
      {CustomerAssigned{Id{"c1"}, Id{"wu"}, Id{"li"}, Id{"east"}, Id{"east"}, std::nullopt}}));
  CustomerState after = testing::StateAfter<A>(
      Plus(CustomerAssigned{Id{"c1"}, Id{"wu"}, Id{"li"}, Id{"west"}, Id{"east"}, std::nullopt}));
  EXPECT_EQ(after.owner_id, Id{"wu"});
  EXPECT_EQ(after.department_id, Id{"west"});
}

TEST_F(CustomerTest, AssignmentRules) {
  EXPECT_TRUE(
      IsRefused(When(Huaxin(), AssignCustomer{Id{"c1"}}), "assignment_required", "owner_id"));
  EXPECT_TRUE(IsRefused(When(Huaxin(), AssignCustomer{Id{"c1"}, Id{"li"}}), "assignment_unchanged",
                        "owner_id"));
  EXPECT_TRUE(IsRefused(When(Huaxin(), AssignCustomer{Id{"c1"}, std::nullopt, Id{"east"}}),
                        "assignment_unchanged", "department_id"));
  EXPECT_TRUE(IsRefused(When(Huaxin(), AssignCustomer{Id{"c1"}, Id{"gone"}}), "owner_inactive",
                        "owner_id"));
  EXPECT_TRUE(IsRefused(When(Huaxin(), AssignCustomer{Id{"c1"}, Id{"nobody"}}), "owner_not_found",
                        "owner_id"));
  EXPECT_TRUE(IsRefused(When(Huaxin(), AssignCustomer{Id{"c1"}, std::nullopt, Id{"old"}}),
                        "department_closed", "department_id"));
}

TEST_F(CustomerTest, ArchivesAndRestores) {
  EXPECT_TRUE(Emits(When(Huaxin(), ArchiveCustomer{Id{"c1"}, "went bankrupt"}),
                    {CustomerArchived{Id{"c1"}, "went bankrupt"}}));
  std::vector<A::Event> archived = Plus(CustomerArchived{Id{"c1"}, std::nullopt});
  EXPECT_TRUE(
      IsRefused(When(archived, ArchiveCustomer{Id{"c1"}}), "customer_archived", "customer_id"));
  EXPECT_TRUE(Emits(When(archived, RestoreCustomer{Id{"c1"}}), {CustomerRestored{Id{"c1"}}}));
  EXPECT_TRUE(
      IsRefused(When(Huaxin(), RestoreCustomer{Id{"c1"}}), "customer_not_archived", "customer_id"));
  EXPECT_TRUE(IsRefused(When(Plus(CustomerDuplicateMerged{Id{"c1"}, Id{"c2"}, std::nullopt}),
                             RestoreCustomer{Id{"c1"}}),
                        "customer_merged", "customer_id"));
  EXPECT_TRUE(FactsOf(testing::StateAfter<A>(archived))->archived);
}

TEST_F(CustomerTest, FactsFollowTheEvents) {
  EXPECT_FALSE(FactsOf(testing::StateAfter<A>({})));
  std::vector<A::Event> history = Plus(CustomerLifecycleChanged{
      Id{"c1"}, Lifecycle::kTarget, Lifecycle::kPotential, "met at fair", LifecycleCause::kManual});
  history.push_back(CustomerDuplicateMerged{Id{"c1"}, Id{"c2"}, std::nullopt});
  std::optional<CustomerFacts> facts = FactsOf(testing::StateAfter<A>(history));
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->name, "Huaxin Steel");
  EXPECT_EQ(facts->owner_id, Id{"li"});
  EXPECT_EQ(facts->department_id, Id{"east"});
  EXPECT_EQ(facts->lifecycle, "potential");
  EXPECT_TRUE(facts->merged);
  EXPECT_EQ(facts->merged_into, Id{"c2"});
}

}  // namespace
}  // namespace dealstream::domain
