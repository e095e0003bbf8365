// The handlers of every command type, instantiated in kHandlerParts
// translation units (handlers_part_N.cc) rather than one: each command type
// instantiates the codec and the aggregate's decide/evolve, and all of them
// in one file took minutes and gigabytes of memory to compile. The aggregate
// at index I in AllAggregates goes to part I % kHandlerParts, whole: its
// runner (event decoding and evolve) is instantiated in that part only.
//
// Internal to the commands module (registry.cc and handlers_part_N.cc).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <variant>

#include "commands/aggregates.h"
#include "commands/command_handler.h"

namespace dealstream::commands::internal {

using HandlerMap = std::map<std::string, std::unique_ptr<CommandHandler>, std::less<>>;

inline constexpr size_t kHandlerParts = 4;

// Adds the handlers of part `Part`; defined in handlers_part_<Part>.cc.
template <size_t Part>
void AddHandlerPart(Runners& runners, const HandlerEnv& env, HandlerMap& out);

// ---- for handlers_part_N.cc only ----------------------------------------

template <size_t Part, size_t I, typename A, size_t... J>
void AddAggregatePart(Runners& runners, const HandlerEnv& env, HandlerMap& out,
                      std::index_sequence<J...>) {
  if constexpr (I % kHandlerParts == Part) {
    (out.emplace(std::string(std::variant_alternative_t<J, typename A::Command>::kType),
                 std::make_unique<
                     TypedCommandHandler<A, std::variant_alternative_t<J, typename A::Command>>>(
                     env, runners.template Get<A>())),
     ...);
  }
}

template <size_t Part, typename... A, size_t... I>
void AddPart(AggregateList<A...>, std::index_sequence<I...>, Runners& runners,
             const HandlerEnv& env, HandlerMap& out) {
  (AddAggregatePart<Part, I, A>(runners, env, out,
                                std::make_index_sequence<std::variant_size_v<typename A::Command>>{}),
   ...);
}

template <size_t Part, typename... A>
void AddPartOf(AggregateList<A...> list, Runners& runners, const HandlerEnv& env,
               HandlerMap& out) {
  AddPart<Part>(list, std::index_sequence_for<A...>{}, runners, env, out);
}

}  // namespace dealstream::commands::internal

// Defines AddHandlerPart<N>; a handlers_part_N.cc is just this line.
#define DEALSTREAM_HANDLER_PART(N)                                                          \
  template <>                                                                               \
  void dealstream::commands::internal::AddHandlerPart<N>(                                   \
      Runners & runners, const HandlerEnv& env, HandlerMap& out) {                          \
    AddPartOf<N>(AllAggregates{}, runners, env, out);                                       \
  }                                                                                         \
  static_assert((N) < dealstream::commands::internal::kHandlerParts)
