// The sales target aggregate (stream category "sales_target").
//
// Rules (each a DomainError code):
//   id_required / sales_target_exists
//   target_subject_required   neither employee_id nor department_id
//   target_subject_ambiguous  both employee_id and department_id
//   employee_not_found / employee_inactive / department_not_found / department_closed
//   period_invalid            not "YYYY-MM", "YYYY-Qn" or "YYYY"
//   amount_not_positive       a quota must be above zero
//   sales_target_exists_for_period  the subject already has an active target
//                             for the period (revise it instead)
//   sales_target_not_found / sales_target_cancelled
//   amount_unchanged / currency_mismatch (a revision keeps the currency)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "domain/common/aggregate.h"
#include "domain/organisation/sales_target_commands.h"
#include "domain/organisation/sales_target_events.h"

namespace dealstream::domain {

struct SalesTargetState {
  bool exists = false;
  Id id;
  std::optional<Id> employee_id;
  std::optional<Id> department_id;
  std::string period;
  Money amount;
  bool cancelled = false;
};
// What record views show (the codec renders it).
constexpr auto Fields(const SalesTargetState*) {
  using T = SalesTargetState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("employee_id", &T::employee_id),
                    F("department_id", &T::department_id),
                    F("period", &T::period),
                    F("amount", &T::amount),
                    F("cancelled", &T::cancelled)};
}

struct SalesTargetAggregate {
  static constexpr std::string_view kCategory = "sales_target";
  using State = SalesTargetState;
  using Command = std::variant<SetSalesTarget, ReviseSalesTarget, CancelSalesTarget>;
  using Event = std::variant<SalesTargetSet, SalesTargetRevised, SalesTargetCancelled>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The Directory facts of an active target; nullopt before it is set and
// once it is cancelled.
std::optional<SalesTargetFacts> FactsOf(const SalesTargetState& state);

}  // namespace dealstream::domain
