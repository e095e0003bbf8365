#include "app/flags.h"

#include <algorithm>

namespace dealstream::app {

Result<Flags> Flags::Parse(const std::string& command, const std::vector<std::string>& args,
                           const std::vector<FlagSpec>& specs) {
  Flags flags;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0 || arg.size() == 2) {
      return Status::InvalidArgument(command + ": unexpected argument '" + arg + "'");
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (const size_t eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    auto spec = std::find_if(specs.begin(), specs.end(),
                             [&](const FlagSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      std::string known;
      for (const FlagSpec& s : specs) known += (known.empty() ? "--" : ", --") + s.name;
      return Status::InvalidArgument(command + ": unknown flag --" + name + " (known: " + known + ")");
    }
    if (flags.Has(name)) return Status::InvalidArgument(command + ": --" + name + " given twice");
    if (!spec->takes_value) {
      if (inline_value) return Status::InvalidArgument(command + ": --" + name + " takes no value");
      flags.values_[name] = "";
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) {
        return Status::InvalidArgument(command + ": --" + name + " needs a value");
      }
      inline_value = args[++i];
    }
    flags.values_[name] = *inline_value;
  }
  return flags;
}

std::optional<std::string> Flags::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Flags::GetOr(const std::string& name, const std::string& fallback) const {
  return Get(name).value_or(fallback);
}

}  // namespace dealstream::app
