// Events of the partner aggregate.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/change.h"
#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/organisation/partner_commands.h"

namespace dealstream::domain {

struct PartnerRegistered {
  static constexpr std::string_view kType = "crm.partner.registered.v1";
  Id partner_id;
  std::string name;
  PartnerKind kind = PartnerKind::kReseller;
  std::optional<std::string> region;
  std::optional<std::string> phone;
  std::optional<std::string> website;
  bool operator==(const PartnerRegistered&) const = default;
};
constexpr auto Fields(const PartnerRegistered*) {
  using T = PartnerRegistered;
  return std::tuple{F("partner_id", &T::partner_id),
                    F("name", &T::name).MaxLength(200),
                    F("kind", &T::kind),
                    F("region", &T::region).MaxLength(100),
                    F("phone", &T::phone).MaxLength(40),
                    F("website", &T::website).MaxLength(200)};
}

struct PartnerKindChange {
  PartnerKind value = PartnerKind::kReseller;
  PartnerKind previous = PartnerKind::kReseller;
  bool operator==(const PartnerKindChange&) const = default;
};
constexpr auto Fields(const PartnerKindChange*) {
  using T = PartnerKindChange;
  return std::tuple{F("value", &T::value), F("previous", &T::previous)};
}

// Only the fields that changed are present, each with its previous value.
struct PartnerProfileUpdated {
  static constexpr std::string_view kType = "crm.partner.profile_updated.v1";
  Id partner_id;
  std::optional<TextChange> name;
  std::optional<PartnerKindChange> kind;
  std::optional<TextChange> region;
  std::optional<TextChange> phone;
  std::optional<TextChange> website;
  bool operator==(const PartnerProfileUpdated&) const = default;
};
constexpr auto Fields(const PartnerProfileUpdated*) {
  using T = PartnerProfileUpdated;
  return std::tuple{
      F("partner_id", &T::partner_id), F("name", &T::name),   F("kind", &T::kind),
      F("region", &T::region),         F("phone", &T::phone), F("website", &T::website)};
}

struct PartnerDeactivated {
  static constexpr std::string_view kType = "crm.partner.deactivated.v1";
  Id partner_id;
  std::optional<std::string> reason;
  bool operator==(const PartnerDeactivated&) const = default;
};
constexpr auto Fields(const PartnerDeactivated*) {
  using T = PartnerDeactivated;
  return std::tuple{F("partner_id", &T::partner_id), F("reason", &T::reason).MaxLength(4000)};
}

struct PartnerReactivated {
  static constexpr std::string_view kType = "crm.partner.reactivated.v1";
  Id partner_id;
  bool operator==(const PartnerReactivated&) const = default;
};
constexpr auto Fields(const PartnerReactivated*) {
  using T = PartnerReactivated;
  return std::tuple{F("partner_id", &T::partner_id)};
}

}  // namespace dealstream::domain
