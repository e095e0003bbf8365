// Field reflection for commands, events and nested values.
//
// Every command, event and nested value struct lists its fields once, next to
// its definition, in a function found by argument-dependent lookup:
//
//   struct OpportunityStageAdvanced {
//     static constexpr std::string_view kType = "crm.opportunity.stage_advanced.v1";
//     Id opportunity_id;
//     std::string stage;
//     int32_t probability = 0;
//   };
//   constexpr auto Fields(const OpportunityStageAdvanced*) {
//     using T = OpportunityStageAdvanced;
//     return std::tuple{F("opportunity_id", &T::opportunity_id),
//                       F("stage", &T::stage).MaxLength(80),
//                       F("probability", &T::probability).Range(0, 100)};
//   }
//
// The codec maps any such struct to and from JSON and derives its JSON Schema
// from this list, so a field is named in exactly one place. The domain
// itself never sees JSON.
//
// Field types the codec understands: std::string, Id, bool, int32_t, int64_t,
// Money, Timestamp, Date, enums with EnumNames(), nested reflected structs,
// std::optional<T> (an optional field), std::vector<T>, and
// std::map<std::string, std::string>. A field that is not std::optional is
// required.
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace dealstream::domain {

template <typename T, typename M>
struct Field {
  std::string_view name;
  M T::*member;
  std::string_view doc = {};
  // Integer bounds (inclusive), for integer fields.
  int64_t min = std::numeric_limits<int64_t>::min();
  int64_t max = std::numeric_limits<int64_t>::max();
  // String length bounds in characters, for string fields. 0 = no maximum.
  uint32_t min_length = 0;
  uint32_t max_length = 0;

  constexpr Field Doc(std::string_view d) const { Field f = *this; f.doc = d; return f; }
  constexpr Field Range(int64_t lo, int64_t hi) const { Field f = *this; f.min = lo; f.max = hi; return f; }
  constexpr Field MinLength(uint32_t n) const { Field f = *this; f.min_length = n; return f; }
  constexpr Field MaxLength(uint32_t n) const { Field f = *this; f.max_length = n; return f; }
};

template <typename T, typename M>
constexpr Field<T, M> F(std::string_view name, M T::*member) {
  return Field<T, M>{name, member};
}

// True for structs that list their fields with Fields(const T*).
template <typename T>
concept Reflected = requires { Fields(static_cast<const T*>(nullptr)); };

// Calls fn(field) for each field of T, in declaration order.
template <Reflected T, typename Fn>
constexpr void ForEachField(Fn&& fn) {
  std::apply([&](const auto&... field) { (fn(field), ...); }, Fields(static_cast<const T*>(nullptr)));
}

// Enums name their values for JSON with, next to the enum:
//   constexpr auto EnumNames(Stance) {
//     return std::array{std::pair{Stance::kChampion, std::string_view("champion")}, ...};
//   }
template <typename E>
concept NamedEnum = std::is_enum_v<E> && requires { EnumNames(E{}); };

template <NamedEnum E>
constexpr std::string_view NameOf(E value) {
  for (const auto& [v, name] : EnumNames(E{})) {
    if (v == value) return name;
  }
  return {};
}

// False if `name` is not one of E's names.
template <NamedEnum E>
constexpr bool EnumFromName(std::string_view name, E* out) {
  for (const auto& [v, n] : EnumNames(E{})) {
    if (n == name) {
      *out = v;
      return true;
    }
  }
  return false;
}

}  // namespace dealstream::domain
