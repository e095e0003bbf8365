// Command-line parsing for the subcommands: positional arguments, options
// with a value ("--format json" or "--format=json") and boolean flags, each
// checked against what the subcommand accepts, with errors that name the
// argument and the rule.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/result.h"

namespace dealstream::app {

struct ArgSpec {
  std::set<std::string> options;  // names without "--", taking a value
  std::set<std::string> flags;    // names without "--", taking none
  size_t min_positional = 0;
  size_t max_positional = 0;
};

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
  std::set<std::string> flags;

  std::optional<std::string> Option(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
  }
  std::string OptionOr(const std::string& name, std::string fallback) const {
    return Option(name).value_or(std::move(fallback));
  }
  bool Flag(const std::string& name) const { return flags.contains(name); }
};

// Parses argv[first..argc). "--data" is always accepted. Errors:
// InvalidArgument naming the argument.
Result<Args> ParseArgs(int argc, char** argv, int first, const ArgSpec& spec);

// One of `allowed`, or InvalidArgument naming the option.
Status CheckChoice(const std::string& option, const std::string& value,
                   const std::vector<std::string>& allowed);

}  // namespace dealstream::app
