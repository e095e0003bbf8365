// Type-erased descriptions of reflected structs (domain/common/reflect.h),
// built once per type from its Fields() list.
//
// The JSON encoder, the strict decoders (nlohmann and simdjson) and the
// JSON Schema generator all walk these descriptions in non-template code,
// so the heavy JSON libraries stay out of this header and each rule lives
// in one place.
//
//   const StructInfo& info = StructInfoOf<OpportunityOpened>();
//
// Supported field types are those reflect.h lists: std::string, Id, bool,
// int32_t, int64_t, Money, Timestamp, Date, named enums, nested reflected
// structs, std::optional<T>, std::vector<T> and
// std::map<std::string, std::string>. Anything else fails to compile with a
// message naming the rule.
//
// Thread-safety: the descriptions are built on first use (thread-safe
// static initialisation) and immutable afterwards.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::codec {

enum class Kind : uint8_t {
  kString,
  kId,
  kBool,
  kInt32,
  kInt64,
  kMoney,
  kTimestamp,
  kDate,
  kEnum,
  kStruct,
  kOptional,
  kVector,
  kStringMap,
};

struct StructInfo;

// One C++ value type, with accessors that take and return void pointers to
// objects of that type.
struct ValueInfo {
  Kind kind = Kind::kString;
  // kEnum: the names in EnumNames order; Get answers an index into them
  // (names.size() for a value without a name).
  std::vector<std::string_view> enum_names;
  size_t (*enum_get)(const void*) = nullptr;
  void (*enum_set)(void*, size_t) = nullptr;
  // kStruct.
  const StructInfo& (*struct_info)() = nullptr;
  // kOptional, kVector: the element type.
  const ValueInfo* element = nullptr;
  // kOptional.
  const void* (*optional_get)(const void*) = nullptr;  // nullptr when empty
  void* (*optional_emplace)(void*) = nullptr;
  // kVector.
  size_t (*vector_size)(const void*) = nullptr;
  const void* (*vector_at)(const void*, size_t) = nullptr;
  void* (*vector_append)(void*) = nullptr;
};

// One field: its name and constraints from Fields(), its value type, and
// accessors from the enclosing struct to the member.
struct FieldInfo {
  std::string_view name;
  std::string_view doc;
  int64_t min = 0;
  int64_t max = 0;
  uint32_t min_length = 0;
  uint32_t max_length = 0;
  const ValueInfo* value = nullptr;
  void* (*get)(void*) = nullptr;
  const void* (*cget)(const void*) = nullptr;

  // Required fields are those that are not std::optional.
  bool required() const { return value->kind != Kind::kOptional; }
};

struct StructInfo {
  std::string_view type_name;  // the struct's kType, empty if it has none
  std::vector<FieldInfo> fields;
  // A default-constructed object of the struct, for generic tools (tests,
  // fuzzers, example generators) that hold only the description.
  std::shared_ptr<void> (*make)() = nullptr;
};

template <typename V>
const ValueInfo& ValueInfoOf();
template <domain::Reflected T>
const StructInfo& StructInfoOf();

namespace internal {

template <typename>
inline constexpr bool kUnsupported = false;
template <typename V>
struct IsOptional : std::false_type {};
template <typename V>
struct IsOptional<std::optional<V>> : std::true_type {};
template <typename V>
struct IsVector : std::false_type {};
template <typename V>
struct IsVector<std::vector<V>> : std::true_type {};

template <typename V>
ValueInfo MakeValueInfo() {
  ValueInfo info;
  if constexpr (std::is_same_v<V, std::string>) {
    info.kind = Kind::kString;
  } else if constexpr (std::is_same_v<V, domain::Id>) {
    info.kind = Kind::kId;
  } else if constexpr (std::is_same_v<V, bool>) {
    info.kind = Kind::kBool;
  } else if constexpr (std::is_same_v<V, int32_t>) {
    info.kind = Kind::kInt32;
  } else if constexpr (std::is_same_v<V, int64_t>) {
    info.kind = Kind::kInt64;
  } else if constexpr (std::is_same_v<V, domain::Money>) {
    info.kind = Kind::kMoney;
  } else if constexpr (std::is_same_v<V, Timestamp>) {
    info.kind = Kind::kTimestamp;
  } else if constexpr (std::is_same_v<V, domain::Date>) {
    info.kind = Kind::kDate;
  } else if constexpr (domain::NamedEnum<V>) {
    info.kind = Kind::kEnum;
    for (const auto& [value, name] : EnumNames(V{})) info.enum_names.push_back(name);
    info.enum_get = [](const void* p) -> size_t {
      const auto names = EnumNames(V{});
      for (size_t i = 0; i < names.size(); ++i) {
        if (names[i].first == *static_cast<const V*>(p)) return i;
      }
      return names.size();
    };
    info.enum_set = [](void* p, size_t i) { *static_cast<V*>(p) = EnumNames(V{})[i].first; };
  } else if constexpr (IsOptional<V>::value) {
    using E = typename V::value_type;
    info.kind = Kind::kOptional;
    info.element = &ValueInfoOf<E>();
    info.optional_get = [](const void* p) -> const void* {
      const auto& o = *static_cast<const V*>(p);
      return o.has_value() ? &*o : nullptr;
    };
    info.optional_emplace = [](void* p) -> void* { return &static_cast<V*>(p)->emplace(); };
  } else if constexpr (IsVector<V>::value) {
    using E = typename V::value_type;
    static_assert(!std::is_same_v<E, bool>, "std::vector<bool> is not supported by the codec");
    info.kind = Kind::kVector;
    info.element = &ValueInfoOf<E>();
    info.vector_size = [](const void* p) { return static_cast<const V*>(p)->size(); };
    info.vector_at = [](const void* p, size_t i) -> const void* {
      return &(*static_cast<const V*>(p))[i];
    };
    info.vector_append = [](void* p) -> void* { return &static_cast<V*>(p)->emplace_back(); };
  } else if constexpr (std::is_same_v<V, std::map<std::string, std::string>>) {
    info.kind = Kind::kStringMap;
  } else if constexpr (domain::Reflected<V>) {
    info.kind = Kind::kStruct;
    info.struct_info = &StructInfoOf<V>;
  } else {
    static_assert(kUnsupported<V>,
                  "field type not supported by the codec (see reflect.h for the list)");
  }
  return info;
}

// Fields() must be constexpr, as reflect.h shows; the accessors then
// compile to a plain member access.
template <typename T>
inline constexpr auto kFieldsOf = Fields(static_cast<const T*>(nullptr));

// Accessors for field I of T: plain functions, so they fit a function pointer.
template <typename T, size_t I>
struct FieldAccess {
  static void* Get(void* obj) {
    return &(static_cast<T*>(obj)->*(std::get<I>(kFieldsOf<T>).member));
  }
  static const void* CGet(const void* obj) {
    return &(static_cast<const T*>(obj)->*(std::get<I>(kFieldsOf<T>).member));
  }
};

template <typename T, size_t I>
FieldInfo MakeFieldInfo() {
  const auto& f = std::get<I>(kFieldsOf<T>);
  using Member = std::remove_cvref_t<decltype(std::declval<T&>().*(f.member))>;
  FieldInfo info;
  info.name = f.name;
  info.doc = f.doc;
  info.min = f.min;
  info.max = f.max;
  info.min_length = f.min_length;
  info.max_length = f.max_length;
  info.value = &ValueInfoOf<Member>();
  info.get = &FieldAccess<T, I>::Get;
  info.cget = &FieldAccess<T, I>::CGet;
  return info;
}

template <typename T, size_t... I>
StructInfo MakeStructInfo(std::index_sequence<I...>) {
  StructInfo info;
  if constexpr (requires { T::kType; }) info.type_name = T::kType;
  info.make = [] { return std::shared_ptr<void>(std::make_shared<T>()); };
  (info.fields.push_back(MakeFieldInfo<T, I>()), ...);
  return info;
}

}  // namespace internal

template <typename V>
const ValueInfo& ValueInfoOf() {
  static const ValueInfo info = internal::MakeValueInfo<V>();
  return info;
}

template <domain::Reflected T>
const StructInfo& StructInfoOf() {
  using Tuple = std::remove_cvref_t<decltype(internal::kFieldsOf<T>)>;
  static const StructInfo info =
      internal::MakeStructInfo<T>(std::make_index_sequence<std::tuple_size_v<Tuple>>());
  return info;
}

}  // namespace dealstream::codec
