#include "commands/registry.h"

#include <variant>

namespace dealstream::commands {
namespace {

template <typename A, size_t... I>
void AddHandlers(AggregateRunner<A>& runner, const HandlerEnv& env,
                 std::map<std::string, std::unique_ptr<CommandHandler>, std::less<>>& out,
                 std::index_sequence<I...>) {
  (out.emplace(std::string(std::variant_alternative_t<I, typename A::Command>::kType),
               std::make_unique<TypedCommandHandler<A, std::variant_alternative_t<I, typename A::Command>>>(
                   env, runner)),
   ...);
}

}  // namespace

std::map<std::string, std::unique_ptr<CommandHandler>, std::less<>> MakeHandlers(Runners& runners,
                                                                                 const HandlerEnv& env) {
  std::map<std::string, std::unique_ptr<CommandHandler>, std::less<>> handlers;
  runners.ForEach([&]<typename A>(AggregateRunner<A>& runner) {
    AddHandlers(runner, env, handlers,
                std::make_index_sequence<std::variant_size_v<typename A::Command>>{});
  });
  return handlers;
}

}  // namespace dealstream::commands
