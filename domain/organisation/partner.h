// The partner aggregate (stream category "partner").
//
// Rules (each a DomainError code):
//   id_required / partner_exists / partner_not_found
//   name_blank
//   nothing_to_update          an update that changes no field
//   partner_inactive           updating or deactivating a deactivated partner
//   partner_active             reactivating an active partner
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "domain/common/aggregate.h"
#include "domain/organisation/partner_commands.h"
#include "domain/organisation/partner_events.h"

namespace dealstream::domain {

struct PartnerState {
  bool exists = false;
  Id id;
  std::string name;
  PartnerKind kind = PartnerKind::kReseller;
  std::optional<std::string> region;
  std::optional<std::string> phone;
  std::optional<std::string> website;
  bool active = true;
};
// What record views show (the codec renders it).
constexpr auto Fields(const PartnerState*) {
  using T = PartnerState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("name", &T::name),
                    F("kind", &T::kind),
                    F("region", &T::region),
                    F("phone", &T::phone),
                    F("website", &T::website),
                    F("active", &T::active)};
}

struct PartnerAggregate {
  static constexpr std::string_view kCategory = "partner";
  using State = PartnerState;
  using Command =
      std::variant<RegisterPartner, UpdatePartner, DeactivatePartner, ReactivatePartner>;
  using Event = std::variant<PartnerRegistered, PartnerProfileUpdated, PartnerDeactivated,
                             PartnerReactivated>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The Directory facts of a partner; nullopt before registration.
std::optional<PartnerFacts> FactsOf(const PartnerState& state);

}  // namespace dealstream::domain
