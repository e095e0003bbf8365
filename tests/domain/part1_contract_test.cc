// The conventions the codec and the command service rely on, checked for
// every command and event of the organisation, customer, contact, catalog
// and config aggregates: reflected fields with snake_case names, unique
// stored type names, and a resolvable target for every command.
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>

#include "domain/catalog/competing_product.h"
#include "domain/catalog/competitor.h"
#include "domain/catalog/product.h"
#include "domain/config/activity_types.h"
#include "domain/config/custom_fields.h"
#include "domain/config/loss_reasons.h"
#include "domain/config/sales_process.h"
#include "domain/contact/contact.h"
#include "domain/customer/customer.h"
#include "domain/organisation/department.h"
#include "domain/organisation/employee.h"
#include "domain/organisation/partner.h"
#include "domain/organisation/sales_target.h"

namespace dealstream::domain {
namespace {

bool IsSnakeCase(std::string_view name) {
  if (name.empty() || name[0] < 'a' || name[0] > 'z') return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

template <typename T>
std::set<std::string> FieldNames() {
  std::set<std::string> names;
  ForEachField<T>([&](const auto& field) {
    EXPECT_TRUE(IsSnakeCase(field.name)) << T::kType << "." << field.name;
    EXPECT_TRUE(names.insert(std::string(field.name)).second)
        << T::kType << " repeats " << field.name;
  });
  return names;
}

class ContractChecker {
 public:
  template <typename A>
  void CheckAggregate() {
    EXPECT_TRUE(IsSnakeCase(A::kCategory)) << A::kCategory;
    std::apply([&](auto... c) { (CheckCommand<decltype(c)>(), ...); },
               typename VariantTuple<typename A::Command>::type{});
    std::apply([&](auto... e) { (CheckEvent<decltype(e)>(), ...); },
               typename VariantTuple<typename A::Event>::type{});
  }

 private:
  template <typename V>
  struct VariantTuple;
  template <typename... Ts>
  struct VariantTuple<std::variant<Ts...>> {
    using type = std::tuple<Ts...>;
  };

  template <typename C>
  void CheckCommand() {
    static_assert(Reflected<C>);
    EXPECT_TRUE(command_types_.insert(std::string(C::kType)).second)
        << "two commands are " << C::kType;
    std::set<std::string> fields = FieldNames<C>();
    if constexpr (C::kCreates) {
      EXPECT_EQ(C::kTargetField, "id") << C::kType;
      EXPECT_TRUE(fields.count("id")) << C::kType;
      static_assert(std::is_same_v<decltype(C{}.id), std::optional<Id>>);
    } else if constexpr (requires { C::kFixedId; }) {
      EXPECT_EQ(C::kTargetField, "") << C::kType;
      EXPECT_TRUE(IsSnakeCase(C::kFixedId)) << C::kType;
    } else {
      EXPECT_TRUE(fields.count(std::string(C::kTargetField)))
          << C::kType << " has no " << C::kTargetField;
    }
  }

  template <typename E>
  void CheckEvent() {
    static_assert(Reflected<E>);
    std::string_view type = E::kType;
    EXPECT_TRUE(type.starts_with("crm.") && type.ends_with(".v1")) << type;
    EXPECT_TRUE(event_types_.insert(std::string(type)).second) << "two events are " << type;
    FieldNames<E>();
  }

  std::set<std::string> command_types_;
  std::set<std::string> event_types_;
};

TEST(Part1ContractTest, CommandsAndEventsFollowTheConventions) {
  ContractChecker checker;
  checker.CheckAggregate<DepartmentAggregate>();
  checker.CheckAggregate<EmployeeAggregate>();
  checker.CheckAggregate<SalesTargetAggregate>();
  checker.CheckAggregate<PartnerAggregate>();
  checker.CheckAggregate<CustomerAggregate>();
  checker.CheckAggregate<ContactAggregate>();
  checker.CheckAggregate<CompetitorAggregate>();
  checker.CheckAggregate<CompetingProductAggregate>();
  checker.CheckAggregate<ProductAggregate>();
  checker.CheckAggregate<SalesProcessAggregate>();
  checker.CheckAggregate<LossReasonsAggregate>();
  checker.CheckAggregate<ActivityTypesAggregate>();
  checker.CheckAggregate<CustomFieldsAggregate>();
}

template <typename M>
struct IsOptional : std::false_type {};
template <typename M>
struct IsOptional<std::optional<M>> : std::true_type {};

template <typename T, typename M>
constexpr bool IsOptionalField(const Field<T, M>&) {
  return IsOptional<M>::value;
}

// DESIGN §10 names these commands and their required fields; a field
// that is not std::optional is required.
template <typename C>
std::set<std::string> RequiredFields() {
  std::set<std::string> required;
  ForEachField<C>([&](const auto& field) {
    if (!IsOptionalField(field)) required.insert(std::string(field.name));
  });
  return required;
}

TEST(Part1ContractTest, DesignSection10CommandsHaveExactlyTheRequiredFields) {
  using S = std::set<std::string>;
  EXPECT_EQ(CreateDepartment::kType, "CreateDepartment");
  EXPECT_EQ(RequiredFields<CreateDepartment>(), (S{"name"}));
  EXPECT_EQ(RequiredFields<HireEmployee>(), (S{"name", "department_id", "role"}));
  EXPECT_EQ(RequiredFields<RegisterCustomer>(), (S{"name", "owner_id"}));
  EXPECT_EQ(RequiredFields<AddContact>(), (S{"customer_id", "name"}));
  EXPECT_EQ(RequiredFields<SetContactRole>(), (S{"contact_id", "role"}));
  EXPECT_EQ(RequiredFields<RegisterCompetitor>(), (S{"name"}));
  EXPECT_EQ(RequiredFields<RegisterProduct>(), (S{"sku", "name", "list_price"}));
  EXPECT_TRUE(FieldNames<CreateDepartment>().count("parent_id"));
  EXPECT_TRUE(FieldNames<HireEmployee>().count("manager_id"));
  S customer = FieldNames<RegisterCustomer>();
  EXPECT_TRUE(customer.count("industry") && customer.count("region"));
  EXPECT_TRUE(FieldNames<AddContact>().count("title"));
  S role = FieldNames<SetContactRole>();
  for (const char* f : {"opportunity_id", "influence", "stance", "reports_to"}) {
    EXPECT_TRUE(role.count(f)) << f;
  }
}

}  // namespace
}  // namespace dealstream::domain
