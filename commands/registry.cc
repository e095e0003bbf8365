#include "commands/registry.h"

#include "commands/handler_parts.h"

namespace dealstream::commands {

std::map<std::string, std::unique_ptr<CommandHandler>, std::less<>> MakeHandlers(Runners& runners,
                                                                                 const HandlerEnv& env) {
  using namespace internal;
  static_assert(kHandlerParts == 4, "a handlers_part_N.cc per part, and a call per part here");
  HandlerMap handlers;
  AddHandlerPart<0>(runners, env, handlers);
  AddHandlerPart<1>(runners, env, handlers);
  AddHandlerPart<2>(runners, env, handlers);
  AddHandlerPart<3>(runners, env, handlers);
  return handlers;
}

}  // namespace dealstream::commands
