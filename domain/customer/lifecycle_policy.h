// The lifecycle process manager's policy (DESIGN §2.2, issue 3 item 4):
// given a customer's lifecycle state and a fact about its business, the
// DeriveCustomerLifecycle command to issue, or none. Pure: the command
// service feeds it the triggering event and the customer's counts, and
// issues the command with that event's id as causation id.
//
// Rules, in the order they are tried ("purchases" = the larger of won
// opportunities and signed contracts, so that a won deal counts before its
// contract is recorded and a contract signed without an opportunity counts
// too):
//
//   engaged: target → potential ("engaged")
//   opportunity_opened: target or potential → opportunity ("first_opportunity_opened");
//       churned → opportunity ("reactivated_by_opportunity")
//   opportunity_won / contract_signed: purchases ≥ loyal_after_purchases and not loyal
//       → loyal ("repeat_purchase"); otherwise target, potential, opportunity or churned
//       → signed ("first_deal_won" / "first_contract_signed")
//   opportunity_lost: opportunity with no open opportunity left → potential if never
//       purchased, churned after earlier purchases, a lost comeback
//       ("all_opportunities_lost")
//   contract_ended / inactivity_reviewed: signed or loyal, with no active contract, no
//       open opportunity and no activity for churn_after_inactive_days (or none ever)
//       → churned ("no_active_business")
//
// Anything else derives nothing. Positive facts never move a customer
// down (a loyal customer who signs again stays loyal), so a manual setting
// is kept until a fact contradicts it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "domain/common/values.h"
#include "domain/customer/customer_commands.h"
#include "domain/customer/lifecycle.h"

namespace dealstream::domain {

enum class LifecycleTrigger {
  kEngaged,  // first contact added, activity completed or lead qualified
  kOpportunityOpened,
  kOpportunityWon,
  kOpportunityLost,  // lost or abandoned
  kContractSigned,
  kContractEnded,       // completed or terminated
  kInactivityReviewed,  // a periodic review by the process manager
};
constexpr auto EnumNames(LifecycleTrigger) {
  return std::array{
      std::pair{LifecycleTrigger::kEngaged, std::string_view("engaged")},
      std::pair{LifecycleTrigger::kOpportunityOpened, std::string_view("opportunity_opened")},
      std::pair{LifecycleTrigger::kOpportunityWon, std::string_view("opportunity_won")},
      std::pair{LifecycleTrigger::kOpportunityLost, std::string_view("opportunity_lost")},
      std::pair{LifecycleTrigger::kContractSigned, std::string_view("contract_signed")},
      std::pair{LifecycleTrigger::kContractEnded, std::string_view("contract_ended")},
      std::pair{LifecycleTrigger::kInactivityReviewed, std::string_view("inactivity_reviewed")}};
}

// The customer's business as the process manager sees it once the trigger
// is applied (a won opportunity is already counted as won, not open).
struct CustomerBusiness {
  int32_t open_opportunities = 0;
  int32_t won_opportunities = 0;
  int32_t signed_contracts = 0;  // ever signed
  int32_t active_contracts = 0;  // signed and neither completed nor terminated
  // Whole days since the customer's last activity; nullopt = none ever.
  std::optional<int32_t> days_since_last_activity;
};

struct LifecyclePolicyOptions {
  // Purchases that make a customer loyal. Default: 2 (a repeat purchase).
  int32_t loyal_after_purchases = 2;
  // Days without activity after which a customer with no active business
  // churns. Default: 365.
  int32_t churn_after_inactive_days = 365;
};

std::optional<DeriveCustomerLifecycle> DeriveLifecycle(const Id& customer_id, Lifecycle current,
                                                       LifecycleTrigger trigger,
                                                       const CustomerBusiness& business,
                                                       const LifecyclePolicyOptions& options = {});

}  // namespace dealstream::domain
