// Checks of the conventions the codec and the command service rely on, for
// every command and event of an aggregate: reflected fields with unique
// snake_case names, unique stored type names ("crm.<category>.<what>.v1"),
// and a resolvable target for every command.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <variant>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain::testing {

inline bool IsSnakeCase(std::string_view name) {
  if (name.empty() || name[0] < 'a' || name[0] > 'z') return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

template <typename T>
std::set<std::string> FieldNamesOf() {
  std::set<std::string> names;
  ForEachField<T>([&](const auto& field) {
    EXPECT_TRUE(IsSnakeCase(field.name)) << T::kType << "." << field.name;
    EXPECT_TRUE(names.insert(std::string(field.name)).second)
        << T::kType << " repeats " << field.name;
  });
  return names;
}

template <typename M>
struct IsOptional : std::false_type {};
template <typename M>
struct IsOptional<std::optional<M>> : std::true_type {};

// Fields that are not std::optional, i.e. required in JSON.
template <typename C>
std::set<std::string> RequiredFieldsOf() {
  std::set<std::string> required;
  ForEachField<C>([&](const auto& field) {
    using M = std::remove_cvref_t<decltype(std::declval<C>().*(field.member))>;
    if (!IsOptional<M>::value) required.insert(std::string(field.name));
  });
  return required;
}

class ConventionChecker {
 public:
  template <typename A>
  void CheckAggregate() {
    EXPECT_TRUE(IsSnakeCase(A::kCategory)) << A::kCategory;
    std::apply([&](auto... c) { (CheckCommand<decltype(c)>(), ...); },
               typename VariantTuple<typename A::Command>::type{});
    const std::string prefix = "crm." + std::string(A::kCategory) + ".";
    std::apply([&](auto... e) { (CheckEvent<decltype(e)>(prefix), ...); },
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
    std::set<std::string> fields = FieldNamesOf<C>();
    if constexpr (C::kCreates) {
      EXPECT_EQ(C::kTargetField, "id") << C::kType;
      EXPECT_TRUE(fields.count("id")) << C::kType;
      static_assert(std::is_same_v<decltype(C{}.id), std::optional<Id>>);
    } else {
      EXPECT_TRUE(fields.count(std::string(C::kTargetField)))
          << C::kType << " has no " << C::kTargetField;
      EXPECT_TRUE(RequiredFieldsOf<C>().count(std::string(C::kTargetField)))
          << C::kType << "'s target " << C::kTargetField << " is optional";
    }
  }

  template <typename E>
  void CheckEvent(const std::string& prefix) {
    static_assert(Reflected<E>);
    std::string_view type = E::kType;
    EXPECT_TRUE(type.starts_with(prefix) && type.ends_with(".v1")) << type;
    EXPECT_TRUE(event_types_.insert(std::string(type)).second) << "two events are " << type;
    FieldNamesOf<E>();
  }

  std::set<std::string> command_types_;
  std::set<std::string> event_types_;
};

}  // namespace dealstream::domain::testing
