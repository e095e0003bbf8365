// The registry of command and event types: which C++ struct each stored
// or wire name stands for, and which aggregate owns it. Built from the
// aggregates' Command and Event variants, so adding an aggregate is one
// RegisterAggregate<...>() line in domain_registry.cc, and no code
// anywhere compares type strings by hand.
//
// Thread-safety: a Registry is built once and read-only afterwards;
// DomainRegistry() is safe to call from any thread.
#pragma once

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "base/status.h"
#include "codec/type_info.h"

namespace dealstream::codec {

// One alternative of a Command or Event variant.
struct Alternative {
  std::string_view type;  // the struct's kType
  const StructInfo* info = nullptr;
  // Makes the variant at `variant` hold this alternative (default-
  // constructed) and returns a pointer to it.
  void* (*emplace)(void* variant) = nullptr;
};

namespace internal {

template <typename Variant, size_t I>
void* EmplaceAlternative(void* variant) {
  return &static_cast<Variant*>(variant)->template emplace<I>();
}

template <typename Variant, size_t... I>
std::vector<Alternative> MakeAlternatives(std::index_sequence<I...>) {
  std::vector<Alternative> table = {
      Alternative{std::variant_alternative_t<I, Variant>::kType,
                  &StructInfoOf<std::variant_alternative_t<I, Variant>>(),
                  &EmplaceAlternative<Variant, I>}...};
  std::sort(table.begin(), table.end(),
            [](const Alternative& a, const Alternative& b) { return a.type < b.type; });
  return table;
}

}  // namespace internal

// The alternatives of a variant of reflected structs with kType, sorted by
// type name.
template <typename Variant>
const std::vector<Alternative>& AlternativesOf() {
  static const std::vector<Alternative> table =
      internal::MakeAlternatives<Variant>(std::make_index_sequence<std::variant_size_v<Variant>>());
  return table;
}

// The alternative named `type`, or nullptr. Binary search on the table.
const Alternative* FindAlternative(const std::vector<Alternative>& table, std::string_view type);

struct CommandType {
  std::string_view name;          // e.g. "OpenOpportunity"
  std::string_view category;      // the aggregate's stream category
  std::string_view target_field;  // the field holding the target aggregate's id
  // Single-record aggregates (configuration) have no target field; their
  // commands name the record's id here instead.
  std::string_view fixed_id;
  bool creates = false;           // creates its aggregate (target field "id", optional)
  const StructInfo* info = nullptr;
};

struct EventType {
  std::string_view name;      // e.g. "crm.opportunity.opened.v1"
  std::string_view category;  // the aggregate's stream category
  const StructInfo* info = nullptr;
};

class Registry {
 public:
  // Adds every command and event of aggregate A (see domain/common/aggregate.h).
  template <typename A>
  void RegisterAggregate() {
    RegisterCommands<A>(std::make_index_sequence<std::variant_size_v<typename A::Command>>());
    RegisterEvents<A>(std::make_index_sequence<std::variant_size_v<typename A::Event>>());
  }

  // nullptr if unknown.
  const CommandType* FindCommand(std::string_view name) const;
  const EventType* FindEvent(std::string_view name) const;
  // In registration order.
  const std::vector<CommandType>& commands() const { return commands_; }
  const std::vector<EventType>& events() const { return events_; }
  // OK, or InvalidArgument naming the first type registered twice (a
  // programming error that the registry test reports).
  const Status& status() const { return status_; }

 private:
  template <typename A, size_t... I>
  void RegisterCommands(std::index_sequence<I...>) {
    (AddCommand(MakeCommandType<A, std::variant_alternative_t<I, typename A::Command>>()), ...);
  }
  template <typename A, size_t... I>
  void RegisterEvents(std::index_sequence<I...>) {
    (AddEvent(EventType{std::variant_alternative_t<I, typename A::Event>::kType, A::kCategory,
                        &StructInfoOf<std::variant_alternative_t<I, typename A::Event>>()}),
     ...);
  }
  template <typename A, typename C>
  static CommandType MakeCommandType() {
    std::string_view fixed_id;
    if constexpr (requires { C::kFixedId; }) fixed_id = C::kFixedId;
    return CommandType{C::kType, A::kCategory, C::kTargetField, fixed_id, C::kCreates,
                       &StructInfoOf<C>()};
  }
  void AddCommand(const CommandType& type);
  void AddEvent(const EventType& type);

  std::vector<CommandType> commands_;
  std::vector<EventType> events_;
  std::unordered_map<std::string_view, size_t> command_index_;
  std::unordered_map<std::string_view, size_t> event_index_;
  Status status_;
};

// Every aggregate of the domain (listed in domain_registry.cc).
const Registry& DomainRegistry();

}  // namespace dealstream::codec
