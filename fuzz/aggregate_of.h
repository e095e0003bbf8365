// Finds the aggregate that owns a command or event type name, so that a
// fuzzer can decode a type picked at run time with the typed decoders of
// codec/command_codec.h and codec/event_codec.h.
//
//   bool found = WithCommandOwner(type, [&]<typename A>() { ... A::Command ... });
#pragma once

#include <string_view>

#include "codec/registry.h"
#include "commands/aggregates.h"

namespace dealstream::fuzz {

namespace internal {

template <typename Fn, typename... A>
bool WithCommandOwner(std::string_view type, Fn&& fn, commands::AggregateList<A...>) {
  return ((codec::FindAlternative(codec::AlternativesOf<typename A::Command>(), type) != nullptr &&
           (fn.template operator()<A>(), true)) ||
          ...);
}

template <typename Fn, typename... A>
bool WithEventOwner(std::string_view type, Fn&& fn, commands::AggregateList<A...>) {
  return ((codec::FindAlternative(codec::AlternativesOf<typename A::Event>(), type) != nullptr &&
           (fn.template operator()<A>(), true)) ||
          ...);
}

}  // namespace internal

// Calls fn.template operator()<A>() for the aggregate A whose Command
// variant holds `type`; false when no aggregate does.
template <typename Fn>
bool WithCommandOwner(std::string_view type, Fn&& fn) {
  return internal::WithCommandOwner(type, fn, commands::AllAggregates{});
}

// As WithCommandOwner, for event type names.
template <typename Fn>
bool WithEventOwner(std::string_view type, Fn&& fn) {
  return internal::WithEventOwner(type, fn, commands::AllAggregates{});
}

}  // namespace dealstream::fuzz
