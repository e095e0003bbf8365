// The lead aggregate (stream category "lead"): captured (from a campaign or
// not) -> qualified | disqualified (either can be revised) -> converted.
//
// Rules (DomainError codes): "company_required", "contact_name_required";
// an e-mail or a phone ("contact_channel_required"); a plausible e-mail
// ("invalid_email"); the campaign exists ("campaign_not_found"); owners are
// active employees ("owner_*"); only a qualified lead converts
// ("lead_not_qualified"), once ("lead_converted"); a converted lead takes
// no further change ("lead_converted"); the existing customer is usable
// ("customer_*"); "negative_amount"; "close_date_in_past".
//
// Conversion. LeadConverted only records the decision; the command service
// then carries it out by issuing, with the LeadConverted event's id as
// causation id, the actor of ConvertLead, and the event's business time:
//   1. only if new_customer:
//        RegisterCustomer {id: customer_id, name: company, owner_id, source}
//   2.   AddContact {id: contact_id, customer_id, name: contact_name,
//                    email?, phone?}
//   3.   OpenOpportunity {id: opportunity_id, customer_id,
//                         title: opportunity_title, source, amount,
//                         expected_close_date, owner_id}
// in that order, each waiting for the previous one. The ids are fixed in
// the event, so a retried follow-up is recognised ("*_exists") and a crash
// half-way is finished by issuing the missing commands again.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/aggregate.h"
#include "domain/common/reflect.h"
#include "domain/marketing/lead_commands.h"
#include "domain/marketing/lead_events.h"

namespace dealstream::domain {

// Default-constructed = no events yet (exists == false).
struct LeadState {
  bool exists = false;
  Id id;
  std::optional<Id> campaign_id;
  std::string company;
  std::string contact_name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> source;
  std::optional<Id> owner_id;
  LeadStatus status = LeadStatus::kCaptured;
  std::optional<Id> customer_id;     // once converted
  std::optional<Id> opportunity_id;  // once converted
};
constexpr auto Fields(const LeadState*) {
  using T = LeadState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("campaign_id", &T::campaign_id),
                    F("company", &T::company),
                    F("contact_name", &T::contact_name),
                    F("email", &T::email),
                    F("phone", &T::phone),
                    F("source", &T::source),
                    F("owner_id", &T::owner_id),
                    F("status", &T::status),
                    F("customer_id", &T::customer_id),
                    F("opportunity_id", &T::opportunity_id)};
}

struct LeadAggregate {
  static constexpr std::string_view kCategory = "lead";
  using State = LeadState;
  using Command = LeadCommand;
  using Event = LeadEvent;

  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& context);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

}  // namespace dealstream::domain
