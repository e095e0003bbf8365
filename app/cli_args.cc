#include "app/cli_args.h"

#include <algorithm>

namespace dealstream::app {

Result<Args> ParseArgs(int argc, char** argv, int first, const ArgSpec& spec) {
  Args args;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (!arg.starts_with("--") || arg == "--") {
      args.positional.push_back(std::move(arg));
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> value;
    if (const size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (spec.flags.contains(name)) {
      if (value) return Status::InvalidArgument("--" + name + " takes no value");
      args.flags.insert(name);
      continue;
    }
    if (name != "data" && !spec.options.contains(name)) {
      return Status::InvalidArgument("unknown option --" + name);
    }
    if (!value) {
      if (i + 1 >= argc) return Status::InvalidArgument("--" + name + " needs a value");
      value = argv[++i];
    }
    if (args.options.contains(name)) return Status::InvalidArgument("--" + name + " is given twice");
    args.options[name] = *value;
  }
  if (args.positional.size() < spec.min_positional) {
    return Status::InvalidArgument("missing argument(s): expected at least " +
                                   std::to_string(spec.min_positional));
  }
  if (args.positional.size() > spec.max_positional) {
    return Status::InvalidArgument("unexpected argument '" + args.positional[spec.max_positional] +
                                   "'");
  }
  return args;
}

Status CheckChoice(const std::string& option, const std::string& value,
                   const std::vector<std::string>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return Status::Ok();
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  return Status::InvalidArgument("--" + option + ": '" + value + "' is not one of " + list);
}

}  // namespace dealstream::app
