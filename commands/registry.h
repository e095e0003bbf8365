// Builds one handler per command type of every aggregate in AllAggregates.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "commands/aggregates.h"
#include "commands/command_handler.h"

namespace dealstream::commands {

std::map<std::string, std::unique_ptr<CommandHandler>, std::less<>> MakeHandlers(Runners& runners,
                                                                                 const HandlerEnv& env);

}  // namespace dealstream::commands
