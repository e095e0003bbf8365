// The competitor aggregate (stream category "competitor").
//
// Rules: id_required, competitor_exists, competitor_not_found, name_blank,
// nothing_to_update.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "domain/catalog/competitor_commands.h"
#include "domain/catalog/competitor_events.h"
#include "domain/common/aggregate.h"

namespace dealstream::domain {

struct CompetitorState {
  bool exists = false;
  Id id;
  std::string name;
  std::optional<std::string> strengths;
  std::optional<std::string> weaknesses;
  std::optional<std::string> market_segment;
  std::optional<std::string> website;
};
// What record views show (the codec renders it).
constexpr auto Fields(const CompetitorState*) {
  using T = CompetitorState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("name", &T::name),
                    F("strengths", &T::strengths),
                    F("weaknesses", &T::weaknesses),
                    F("market_segment", &T::market_segment),
                    F("website", &T::website)};
}

struct CompetitorAggregate {
  static constexpr std::string_view kCategory = "competitor";
  using State = CompetitorState;
  using Command = std::variant<RegisterCompetitor, UpdateCompetitor>;
  using Event = std::variant<CompetitorRegistered, CompetitorProfileUpdated>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The Directory facts of a competitor; nullopt before registration.
std::optional<CompetitorFacts> FactsOf(const CompetitorState& state);

}  // namespace dealstream::domain
