// The shape every aggregate follows (Eventuous-style, pure functions):
//
//   struct OpportunityAggregate {
//     static constexpr std::string_view kCategory = "opportunity";  // stream category
//     using State = OpportunityState;       // default-constructed = no events yet
//     using Command = std::variant<OpenOpportunity, AdvanceOpportunityStage, ...>;
//     using Event = std::variant<OpportunityOpened, OpportunityStageAdvanced, ...>;
//     static Decision<Event> Decide(const State&, const Command&, const DecideContext&);
//     static void Evolve(State&, const Event&, Timestamp at);
//   };
//
// Decide validates a command against the current state and returns the
// events it causes, or a DomainError. Evolve applies one event (whose
// business time is `at`). Neither does I/O or reads the clock: time and
// facts about other records arrive in the DecideContext.
//
// Every command struct declares, besides its Fields():
//   static constexpr std::string_view kType = "AdvanceOpportunityStage";
//   // The field holding the id of the aggregate the command targets.
//   static constexpr std::string_view kTargetField = "opportunity_id";
//   // True for commands that create their aggregate (their id field is
//   // "id", optional: the command service generates one when absent).
//   static constexpr bool kCreates = false;
// Every event struct declares its stored, versioned, past-tense name:
//   static constexpr std::string_view kType = "crm.opportunity.stage_advanced.v1";
#pragma once

#include <vector>

#include "base/result.h"
#include "domain/common/directory.h"
#include "domain/common/domain_error.h"
#include "domain/common/values.h"

namespace dealstream::domain {

template <typename Event>
using Decision = Result<std::vector<Event>, DomainError>;

struct DecideContext {
  // Business time of the command: its occurred_at, or the time it arrived.
  Timestamp now;
  // The employee (or system actor) issuing the command.
  Id actor;
  // Facts about other records, looked up by the command service.
  const Directory& directory;
};

// Builds the "no events" success of a Decision.
template <typename Event>
Decision<Event> NoEvents() {
  return std::vector<Event>{};
}

// Builds a Decision holding one event.
template <typename Event, typename E>
Decision<Event> Emit(E event) {
  std::vector<Event> events;
  events.emplace_back(std::move(event));
  return events;
}

}  // namespace dealstream::domain
