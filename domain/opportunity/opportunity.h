// The opportunity aggregate (stream category "opportunity"): a sales
// project from opening to won, lost or abandoned (DESIGN §2.3).
//
// Rules enforced by Decide (each a DomainError code):
//   - a command other than OpenOpportunity needs the opportunity to exist
//     ("opportunity_not_found"); opening an existing one is refused
//     ("opportunity_exists");
//   - a closed (won, lost, abandoned) opportunity cannot change stage, be
//     revised, evaluated, quoted or have competitors recorded
//     ("opportunity_closed"); only ReopenOpportunity reopens it;
//   - stages come from Directory::SalesProcess(); closed stages are reached
//     only by WinOpportunity / LoseOpportunity;
//   - money is never negative and always in the opportunity's currency;
//   - dates are consistent (close date not before the day the command is
//     decided, completion not before the planned date, stage plan in order).
// Team changes, reassignment, activities, comments, attachments and custom fields are also
// accepted on closed deals: after-sales work and hand-overs go on.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/common/aggregate.h"
#include "domain/common/reflect.h"
#include "domain/opportunity/opportunity_commands.h"
#include "domain/opportunity/opportunity_events.h"
#include "domain/opportunity/opportunity_values.h"

namespace dealstream::domain {

struct OpportunityTeamMember {
  Id member_id;
  TeamRole role = TeamRole::kSales;
  std::optional<int32_t> split_percent;
  bool operator==(const OpportunityTeamMember&) const = default;
};
constexpr auto Fields(const OpportunityTeamMember*) {
  using T = OpportunityTeamMember;
  return std::tuple{F("member_id", &T::member_id), F("role", &T::role),
                    F("split_percent", &T::split_percent).Range(0, 100)};
}

struct OpportunityActivity {
  Id activity_id;
  std::string type;
  Id assignee_id;
  Date planned_date;
  std::string subject;
  std::vector<Id> contact_ids;
  ActivityStatus status = ActivityStatus::kPlanned;
  std::optional<Date> completed_date;
  std::optional<std::string> outcome;
  bool decision_maker_met = false;
  std::optional<Money> cost;
  bool operator==(const OpportunityActivity&) const = default;
};
constexpr auto Fields(const OpportunityActivity*) {
  using T = OpportunityActivity;
  return std::tuple{F("activity_id", &T::activity_id),
                    F("type", &T::type),
                    F("assignee_id", &T::assignee_id),
                    F("planned_date", &T::planned_date),
                    F("subject", &T::subject),
                    F("contact_ids", &T::contact_ids),
                    F("status", &T::status),
                    F("completed_date", &T::completed_date),
                    F("outcome", &T::outcome),
                    F("decision_maker_met", &T::decision_maker_met),
                    F("cost", &T::cost)};
}

struct OpportunityQuote {
  int32_t version = 0;
  std::vector<QuoteLine> lines;
  Money total;
  Date valid_until;
  std::optional<std::string> note;
  QuoteStatus status = QuoteStatus::kDraft;
  std::optional<Id> requested_by;
  std::optional<Id> decided_by;  // approver or rejecter
  std::optional<std::string> decision_note;
  bool operator==(const OpportunityQuote&) const = default;
};
constexpr auto Fields(const OpportunityQuote*) {
  using T = OpportunityQuote;
  return std::tuple{F("version", &T::version),
                    F("lines", &T::lines),
                    F("total", &T::total),
                    F("valid_until", &T::valid_until),
                    F("note", &T::note),
                    F("status", &T::status),
                    F("requested_by", &T::requested_by),
                    F("decided_by", &T::decided_by),
                    F("decision_note", &T::decision_note)};
}

struct EngagedCompetitor {
  Id competitor_id;
  std::optional<Money> quoted_price;
  std::optional<std::string> product;
  std::optional<std::string> strengths;
  std::optional<std::string> weaknesses;
  std::optional<int32_t> threat_level;
  bool operator==(const EngagedCompetitor&) const = default;
};
constexpr auto Fields(const EngagedCompetitor*) {
  using T = EngagedCompetitor;
  return std::tuple{F("competitor_id", &T::competitor_id),
                    F("quoted_price", &T::quoted_price),
                    F("product", &T::product),
                    F("strengths", &T::strengths),
                    F("weaknesses", &T::weaknesses),
                    F("threat_level", &T::threat_level)};
}

// The first date the deal reached a stage (the "actual" of plan vs actual).
struct StageReached {
  std::string stage;
  Date reached_on;
  bool operator==(const StageReached&) const = default;
};
constexpr auto Fields(const StageReached*) {
  using T = StageReached;
  return std::tuple{F("stage", &T::stage), F("reached_on", &T::reached_on)};
}

struct OpportunityAttachment {
  Id attachment_id;
  std::string uri;
  std::string sha256;
  std::optional<std::string> name;
  std::optional<std::string> media_type;
  Id added_by;
  bool operator==(const OpportunityAttachment&) const = default;
};
constexpr auto Fields(const OpportunityAttachment*) {
  using T = OpportunityAttachment;
  return std::tuple{F("attachment_id", &T::attachment_id),
                    F("uri", &T::uri),
                    F("sha256", &T::sha256),
                    F("name", &T::name),
                    F("media_type", &T::media_type),
                    F("added_by", &T::added_by)};
}

// Default-constructed = no events yet (exists == false).
struct OpportunityState {
  bool exists = false;
  Id id;
  Id customer_id;
  std::string title;
  std::optional<std::string> source;
  Money amount;  // expected amount; the final amount once won
  Date expected_close_date;
  Id owner_id;
  std::optional<Id> department_id;
  std::vector<Id> product_ids;
  OpportunityStatus status = OpportunityStatus::kOpen;
  std::string stage;
  int32_t probability = 0;
  std::string forecast_category;
  std::string last_open_stage;  // where a reopened deal returns by default
  std::optional<int32_t> score;
  std::vector<StagePlanEntry> stage_plan;
  std::vector<StageReached> stages_reached;
  std::vector<OpportunityTeamMember> team;
  std::vector<OpportunityActivity> activities;
  std::vector<OpportunityQuote> quotes;  // by version, oldest first
  std::vector<EngagedCompetitor> competitors;
  std::vector<Id> comment_ids;
  std::vector<OpportunityAttachment> attachments;
  CustomFieldValues custom_fields;
  std::optional<std::string> close_reason;  // loss code or abandon reason
  std::optional<Id> lost_to_competitor_id;
  Timestamp opened_at;
  std::optional<Timestamp> closed_at;
};
constexpr auto Fields(const OpportunityState*) {
  using T = OpportunityState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("customer_id", &T::customer_id),
                    F("title", &T::title),
                    F("source", &T::source),
                    F("amount", &T::amount),
                    F("expected_close_date", &T::expected_close_date),
                    F("owner_id", &T::owner_id),
                    F("department_id", &T::department_id),
                    F("product_ids", &T::product_ids),
                    F("status", &T::status),
                    F("stage", &T::stage),
                    F("probability", &T::probability),
                    F("forecast_category", &T::forecast_category),
                    F("last_open_stage", &T::last_open_stage),
                    F("score", &T::score),
                    F("stage_plan", &T::stage_plan),
                    F("stages_reached", &T::stages_reached),
                    F("team", &T::team),
                    F("activities", &T::activities),
                    F("quotes", &T::quotes),
                    F("competitors", &T::competitors),
                    F("comment_ids", &T::comment_ids),
                    F("attachments", &T::attachments),
                    F("custom_fields", &T::custom_fields),
                    F("close_reason", &T::close_reason),
                    F("lost_to_competitor_id", &T::lost_to_competitor_id),
                    F("opened_at", &T::opened_at),
                    F("closed_at", &T::closed_at)};
}

struct OpportunityAggregate {
  static constexpr std::string_view kCategory = "opportunity";
  using State = OpportunityState;
  using Command = OpportunityCommand;
  using Event = OpportunityEvent;

  // The events `command` causes in `state`, or the rule it breaks.
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& context);
  // Applies one event whose business time is `at`. Never fails: events are
  // facts that Decide has already validated.
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The Directory facts other aggregates see about this opportunity.
// Precondition: state.exists.
OpportunityFacts FactsOf(const OpportunityState& state);

}  // namespace dealstream::domain
