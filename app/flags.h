// Flags: a strict command-line parser for the subcommands. Every flag must
// be declared; an unknown flag, a missing value or a repeated flag is an
// error whose message names the flag, so that a typo never silently falls
// back to a default.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"

namespace dealstream::app {

struct FlagSpec {
  std::string name;         // without dashes, e.g. "data"
  bool takes_value = true;  // false: a switch such as --demo
};

class Flags {
 public:
  // Parses args (after the subcommand words) as --name VALUE, --name=VALUE
  // or --switch. Positional arguments are refused.
  static Result<Flags> Parse(const std::string& command, const std::vector<std::string>& args,
                             const std::vector<FlagSpec>& specs);

  std::optional<std::string> Get(const std::string& name) const;
  std::string GetOr(const std::string& name, const std::string& fallback) const;
  bool Has(const std::string& name) const { return values_.count(name) > 0; }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace dealstream::app
