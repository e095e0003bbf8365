// Commands of the partner aggregate: channel partners and dealers that can
// sit on an opportunity team (DESIGN §2.1).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

enum class PartnerKind { kReseller, kDistributor, kIntegrator, kReferral };
constexpr auto EnumNames(PartnerKind) {
  return std::array{std::pair{PartnerKind::kReseller, std::string_view("reseller")},
                    std::pair{PartnerKind::kDistributor, std::string_view("distributor")},
                    std::pair{PartnerKind::kIntegrator, std::string_view("integrator")},
                    std::pair{PartnerKind::kReferral, std::string_view("referral")}};
}

struct RegisterPartner {
  static constexpr std::string_view kType = "RegisterPartner";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  std::string name;
  PartnerKind kind = PartnerKind::kReseller;
  std::optional<std::string> region;
  std::optional<std::string> phone;
  std::optional<std::string> website;
};
constexpr auto Fields(const RegisterPartner*) {
  using T = RegisterPartner;
  return std::tuple{F("id", &T::id).Doc("id of the new partner; generated when absent"),
                    F("name", &T::name).MinLength(1).MaxLength(200),
                    F("kind", &T::kind),
                    F("region", &T::region).MaxLength(100),
                    F("phone", &T::phone).MaxLength(40),
                    F("website", &T::website).MaxLength(200)};
}

// Changes the given profile fields; absent fields stay, "" clears an
// optional text field.
struct UpdatePartner {
  static constexpr std::string_view kType = "UpdatePartner";
  static constexpr std::string_view kTargetField = "partner_id";
  static constexpr bool kCreates = false;
  Id partner_id;
  std::optional<std::string> name;
  std::optional<PartnerKind> kind;
  std::optional<std::string> region;
  std::optional<std::string> phone;
  std::optional<std::string> website;
};
constexpr auto Fields(const UpdatePartner*) {
  using T = UpdatePartner;
  return std::tuple{F("partner_id", &T::partner_id),
                    F("name", &T::name).MaxLength(200),
                    F("kind", &T::kind),
                    F("region", &T::region).MaxLength(100),
                    F("phone", &T::phone).MaxLength(40),
                    F("website", &T::website).MaxLength(200)};
}

// A deactivated partner stays in history but joins no new opportunity team.
struct DeactivatePartner {
  static constexpr std::string_view kType = "DeactivatePartner";
  static constexpr std::string_view kTargetField = "partner_id";
  static constexpr bool kCreates = false;
  Id partner_id;
  std::optional<std::string> reason;
};
constexpr auto Fields(const DeactivatePartner*) {
  using T = DeactivatePartner;
  return std::tuple{F("partner_id", &T::partner_id), F("reason", &T::reason).MaxLength(4000)};
}

struct ReactivatePartner {
  static constexpr std::string_view kType = "ReactivatePartner";
  static constexpr std::string_view kTargetField = "partner_id";
  static constexpr bool kCreates = false;
  Id partner_id;
};
constexpr auto Fields(const ReactivatePartner*) {
  using T = ReactivatePartner;
  return std::tuple{F("partner_id", &T::partner_id)};
}

}  // namespace dealstream::domain
