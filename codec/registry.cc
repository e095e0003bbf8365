#include "codec/registry.h"

#include <string>

namespace dealstream::codec {

const Alternative* FindAlternative(const std::vector<Alternative>& table, std::string_view type) {
  auto it = std::lower_bound(table.begin(), table.end(), type,
                             [](const Alternative& a, std::string_view t) { return a.type < t; });
  return it != table.end() && it->type == type ? &*it : nullptr;
}

const CommandType* Registry::FindCommand(std::string_view name) const {
  auto it = command_index_.find(name);
  return it == command_index_.end() ? nullptr : &commands_[it->second];
}

const EventType* Registry::FindEvent(std::string_view name) const {
  auto it = event_index_.find(name);
  return it == event_index_.end() ? nullptr : &events_[it->second];
}

void Registry::AddCommand(const CommandType& type) {
  if (!command_index_.emplace(type.name, commands_.size()).second) {
    if (status_.ok()) {
      status_ = Status::InvalidArgument("command type '" + std::string(type.name) +
                                        "' is registered twice");
    }
    return;
  }
  commands_.push_back(type);
}

void Registry::AddEvent(const EventType& type) {
  if (!event_index_.emplace(type.name, events_.size()).second) {
    if (status_.ok()) {
      status_ = Status::InvalidArgument("event type '" + std::string(type.name) +
                                        "' is registered twice");
    }
    return;
  }
  events_.push_back(type);
}

}  // namespace dealstream::codec
