// Events of the opportunity aggregate: past-tense facts with stored,
// versioned names. Each carries what read models need without looking
// elsewhere: stage events the probability and forecast category in force,
// revisions their previous values, closings the amount, owner, department,
// products and competitors of the deal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/config/custom_values.h"
#include "domain/opportunity/opportunity_values.h"

namespace dealstream::domain {

struct OpportunityOpened {
  static constexpr std::string_view kType = "crm.opportunity.opened.v1";
  Id opportunity_id;
  Id customer_id;
  std::string title;
  std::optional<std::string> source;
  Money amount;
  Date expected_close_date;
  Id owner_id;
  std::optional<Id> department_id;
  std::vector<Id> product_ids;
  // The first stage of the process, with its probability and category.
  std::string stage;
  int32_t probability = 0;
  std::string forecast_category;
  Id opened_by;
  bool operator==(const OpportunityOpened&) const = default;
};
constexpr auto Fields(const OpportunityOpened*) {
  using T = OpportunityOpened;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("customer_id", &T::customer_id),
                    F("title", &T::title).MinLength(1).MaxLength(200),
                    F("source", &T::source).MaxLength(200),
                    F("amount", &T::amount),
                    F("expected_close_date", &T::expected_close_date),
                    F("owner_id", &T::owner_id),
                    F("department_id", &T::department_id),
                    F("product_ids", &T::product_ids),
                    F("stage", &T::stage).MaxLength(80),
                    F("probability", &T::probability).Range(0, 100),
                    F("forecast_category", &T::forecast_category).MaxLength(40),
                    F("opened_by", &T::opened_by)};
}

struct OpportunityEvaluated {
  static constexpr std::string_view kType = "crm.opportunity.evaluated.v1";
  Id opportunity_id;
  std::vector<ScoredAnswer> answers;
  int32_t score = 0;  // 0–100: Σ weight × value × 10 / Σ weight, rounded half up
  std::optional<int32_t> previous_score;
  Id evaluated_by;
  bool operator==(const OpportunityEvaluated&) const = default;
};
constexpr auto Fields(const OpportunityEvaluated*) {
  using T = OpportunityEvaluated;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("answers", &T::answers),
                    F("score", &T::score).Range(0, 100),
                    F("previous_score", &T::previous_score).Range(0, 100),
                    F("evaluated_by", &T::evaluated_by)};
}

// The deal moved to a later open stage of the process.
struct OpportunityStageAdvanced {
  static constexpr std::string_view kType = "crm.opportunity.stage_advanced.v1";
  Id opportunity_id;
  std::string stage;
  std::string previous_stage;
  int32_t probability = 0;  // the stage's probability in force at the change
  int32_t previous_probability = 0;
  std::string forecast_category;
  Money amount;                      // the deal amount in force
  std::optional<Date> planned_date;  // from the stage plan, if planned
  Date reached_on;                   // actual date, for plan vs actual
  bool operator==(const OpportunityStageAdvanced&) const = default;
};
constexpr auto Fields(const OpportunityStageAdvanced*) {
  using T = OpportunityStageAdvanced;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("stage", &T::stage).MaxLength(80),
                    F("previous_stage", &T::previous_stage).MaxLength(80),
                    F("probability", &T::probability).Range(0, 100),
                    F("previous_probability", &T::previous_probability).Range(0, 100),
                    F("forecast_category", &T::forecast_category).MaxLength(40),
                    F("amount", &T::amount),
                    F("planned_date", &T::planned_date),
                    F("reached_on", &T::reached_on)};
}

// The deal moved back to an earlier open stage (e.g. the customer reopened
// the requirements); same fields as OpportunityStageAdvanced.
struct OpportunityStageMovedBack {
  static constexpr std::string_view kType = "crm.opportunity.stage_moved_back.v1";
  Id opportunity_id;
  std::string stage;
  std::string previous_stage;
  int32_t probability = 0;  // the stage's probability in force at the change
  int32_t previous_probability = 0;
  std::string forecast_category;
  Money amount;                      // the deal amount in force
  std::optional<Date> planned_date;  // from the stage plan, if planned
  Date reached_on;                   // actual date, for plan vs actual
  bool operator==(const OpportunityStageMovedBack&) const = default;
};
constexpr auto Fields(const OpportunityStageMovedBack*) {
  using T = OpportunityStageMovedBack;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("stage", &T::stage).MaxLength(80),
                    F("previous_stage", &T::previous_stage).MaxLength(80),
                    F("probability", &T::probability).Range(0, 100),
                    F("previous_probability", &T::previous_probability).Range(0, 100),
                    F("forecast_category", &T::forecast_category).MaxLength(40),
                    F("amount", &T::amount),
                    F("planned_date", &T::planned_date),
                    F("reached_on", &T::reached_on)};
}

struct OpportunityStagesPlanned {
  static constexpr std::string_view kType = "crm.opportunity.stages_planned.v1";
  Id opportunity_id;
  std::vector<StagePlanEntry> plan;
  std::vector<StagePlanEntry> previous_plan;
  bool operator==(const OpportunityStagesPlanned&) const = default;
};
constexpr auto Fields(const OpportunityStagesPlanned*) {
  using T = OpportunityStagesPlanned;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("plan", &T::plan),
                    F("previous_plan", &T::previous_plan)};
}

struct OpportunityAmountRevised {
  static constexpr std::string_view kType = "crm.opportunity.amount_revised.v1";
  Id opportunity_id;
  Money amount;
  Money previous_amount;
  std::string stage;        // in force, for weighted pipeline
  int32_t probability = 0;  // in force
  std::optional<std::string> reason;
  bool operator==(const OpportunityAmountRevised&) const = default;
};
constexpr auto Fields(const OpportunityAmountRevised*) {
  using T = OpportunityAmountRevised;
  return std::tuple{
      F("opportunity_id", &T::opportunity_id),         F("amount", &T::amount),
      F("previous_amount", &T::previous_amount),       F("stage", &T::stage).MaxLength(80),
      F("probability", &T::probability).Range(0, 100), F("reason", &T::reason).MaxLength(4000)};
}

struct OpportunityCloseDateRevised {
  static constexpr std::string_view kType = "crm.opportunity.close_date_revised.v1";
  Id opportunity_id;
  Date expected_close_date;
  Date previous_expected_close_date;
  std::optional<std::string> reason;
  bool operator==(const OpportunityCloseDateRevised&) const = default;
};
constexpr auto Fields(const OpportunityCloseDateRevised*) {
  using T = OpportunityCloseDateRevised;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("expected_close_date", &T::expected_close_date),
                    F("previous_expected_close_date", &T::previous_expected_close_date),
                    F("reason", &T::reason).MaxLength(4000)};
}

struct OpportunityTeamMemberAdded {
  static constexpr std::string_view kType = "crm.opportunity.team_member_added.v1";
  Id opportunity_id;
  Id member_id;
  TeamRole role = TeamRole::kSales;
  std::optional<int32_t> split_percent;
  bool operator==(const OpportunityTeamMemberAdded&) const = default;
};
constexpr auto Fields(const OpportunityTeamMemberAdded*) {
  using T = OpportunityTeamMemberAdded;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("member_id", &T::member_id),
                    F("role", &T::role), F("split_percent", &T::split_percent).Range(0, 100)};
}

struct OpportunityTeamMemberRemoved {
  static constexpr std::string_view kType = "crm.opportunity.team_member_removed.v1";
  Id opportunity_id;
  Id member_id;
  TeamRole role = TeamRole::kSales;
  std::optional<std::string> reason;
  bool operator==(const OpportunityTeamMemberRemoved&) const = default;
};
constexpr auto Fields(const OpportunityTeamMemberRemoved*) {
  using T = OpportunityTeamMemberRemoved;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("member_id", &T::member_id),
                    F("role", &T::role), F("reason", &T::reason).MaxLength(4000)};
}

struct OpportunityRevenueSplitsSet {
  static constexpr std::string_view kType = "crm.opportunity.revenue_splits_set.v1";
  Id opportunity_id;
  std::vector<RevenueSplit> splits;
  std::vector<RevenueSplit> previous_splits;
  bool operator==(const OpportunityRevenueSplitsSet&) const = default;
};
constexpr auto Fields(const OpportunityRevenueSplitsSet*) {
  using T = OpportunityRevenueSplitsSet;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("splits", &T::splits),
                    F("previous_splits", &T::previous_splits)};
}

struct OpportunityReassigned {
  static constexpr std::string_view kType = "crm.opportunity.reassigned.v1";
  Id opportunity_id;
  Id previous_owner_id;
  Id new_owner_id;
  // The department follows the new owner, so that department views move the
  // deal with its owner.
  std::optional<Id> previous_department_id;
  std::optional<Id> department_id;
  std::string reason;
  bool operator==(const OpportunityReassigned&) const = default;
};
constexpr auto Fields(const OpportunityReassigned*) {
  using T = OpportunityReassigned;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("previous_owner_id", &T::previous_owner_id),
                    F("new_owner_id", &T::new_owner_id),
                    F("previous_department_id", &T::previous_department_id),
                    F("department_id", &T::department_id),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

struct OpportunityActivityPlanned {
  static constexpr std::string_view kType = "crm.opportunity.activity_planned.v1";
  Id opportunity_id;
  Id activity_id;
  std::string type;
  Id assignee_id;
  Date planned_date;
  std::string subject;
  std::vector<Id> contact_ids;
  bool operator==(const OpportunityActivityPlanned&) const = default;
};
constexpr auto Fields(const OpportunityActivityPlanned*) {
  using T = OpportunityActivityPlanned;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("activity_id", &T::activity_id),
                    F("type", &T::type).MaxLength(80),
                    F("assignee_id", &T::assignee_id),
                    F("planned_date", &T::planned_date),
                    F("subject", &T::subject).MinLength(1).MaxLength(200),
                    F("contact_ids", &T::contact_ids)};
}

struct OpportunityActivityCompleted {
  static constexpr std::string_view kType = "crm.opportunity.activity_completed.v1";
  Id opportunity_id;
  Id activity_id;
  std::string type;
  Id assignee_id;
  Date planned_date;
  Date completed_date;
  std::string outcome;
  bool decision_maker_met = false;
  std::optional<Money> cost;
  bool operator==(const OpportunityActivityCompleted&) const = default;
};
constexpr auto Fields(const OpportunityActivityCompleted*) {
  using T = OpportunityActivityCompleted;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("activity_id", &T::activity_id),
                    F("type", &T::type).MaxLength(80),
                    F("assignee_id", &T::assignee_id),
                    F("planned_date", &T::planned_date),
                    F("completed_date", &T::completed_date),
                    F("outcome", &T::outcome).MaxLength(4000),
                    F("decision_maker_met", &T::decision_maker_met),
                    F("cost", &T::cost)};
}

struct OpportunityActivityCancelled {
  static constexpr std::string_view kType = "crm.opportunity.activity_cancelled.v1";
  Id opportunity_id;
  Id activity_id;
  std::string type;
  Id assignee_id;
  std::string reason;
  bool operator==(const OpportunityActivityCancelled&) const = default;
};
constexpr auto Fields(const OpportunityActivityCancelled*) {
  using T = OpportunityActivityCancelled;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("activity_id", &T::activity_id),
                    F("type", &T::type).MaxLength(80), F("assignee_id", &T::assignee_id),
                    F("reason", &T::reason).MaxLength(4000)};
}

struct OpportunityQuoteDrafted {
  static constexpr std::string_view kType = "crm.opportunity.quote_drafted.v1";
  Id opportunity_id;
  int32_t version = 0;  // 1, 2, … in drafting order
  std::vector<QuoteLine> lines;
  Money total;  // Σ line_total
  Date valid_until;
  std::optional<std::string> note;
  std::optional<int32_t> superseded_version;
  bool operator==(const OpportunityQuoteDrafted&) const = default;
};
constexpr auto Fields(const OpportunityQuoteDrafted*) {
  using T = OpportunityQuoteDrafted;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("version", &T::version).Range(1, 1000000),
                    F("lines", &T::lines),
                    F("total", &T::total),
                    F("valid_until", &T::valid_until),
                    F("note", &T::note).MaxLength(4000),
                    F("superseded_version", &T::superseded_version).Range(1, 1000000)};
}

struct OpportunityQuoteApprovalRequested {
  static constexpr std::string_view kType = "crm.opportunity.quote_approval_requested.v1";
  Id opportunity_id;
  int32_t version = 0;
  Money total;
  Id requested_by;
  bool operator==(const OpportunityQuoteApprovalRequested&) const = default;
};
constexpr auto Fields(const OpportunityQuoteApprovalRequested*) {
  using T = OpportunityQuoteApprovalRequested;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("version", &T::version).Range(1, 1000000), F("total", &T::total),
                    F("requested_by", &T::requested_by)};
}

struct OpportunityQuoteApproved {
  static constexpr std::string_view kType = "crm.opportunity.quote_approved.v1";
  Id opportunity_id;
  int32_t version = 0;
  Money total;
  Id approved_by;
  std::optional<std::string> comment;
  bool operator==(const OpportunityQuoteApproved&) const = default;
};
constexpr auto Fields(const OpportunityQuoteApproved*) {
  using T = OpportunityQuoteApproved;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("version", &T::version).Range(1, 1000000), F("total", &T::total),
                    F("approved_by", &T::approved_by), F("comment", &T::comment).MaxLength(4000)};
}

struct OpportunityQuoteRejected {
  static constexpr std::string_view kType = "crm.opportunity.quote_rejected.v1";
  Id opportunity_id;
  int32_t version = 0;
  Money total;
  Id rejected_by;
  std::string reason;
  bool operator==(const OpportunityQuoteRejected&) const = default;
};
constexpr auto Fields(const OpportunityQuoteRejected*) {
  using T = OpportunityQuoteRejected;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("version", &T::version).Range(1, 1000000), F("total", &T::total),
                    F("rejected_by", &T::rejected_by),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

// A competitor is engaged on the deal, with what we know about them.
struct OpportunityCompetitorRecorded {
  static constexpr std::string_view kType = "crm.opportunity.competitor_recorded.v1";
  Id opportunity_id;
  Id competitor_id;
  std::optional<Money> quoted_price;
  std::optional<std::string> product;
  std::optional<std::string> strengths;
  std::optional<std::string> weaknesses;
  std::optional<int32_t> threat_level;
  bool operator==(const OpportunityCompetitorRecorded&) const = default;
};
constexpr auto Fields(const OpportunityCompetitorRecorded*) {
  using T = OpportunityCompetitorRecorded;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("competitor_id", &T::competitor_id),
                    F("quoted_price", &T::quoted_price),
                    F("product", &T::product).MaxLength(200),
                    F("strengths", &T::strengths).MaxLength(4000),
                    F("weaknesses", &T::weaknesses).MaxLength(4000),
                    F("threat_level", &T::threat_level).Range(1, 5)};
}

// The full picture after the update, plus the previous price and threat
// level (the two values whose trend the competition view shows).
struct OpportunityCompetitorUpdated {
  static constexpr std::string_view kType = "crm.opportunity.competitor_updated.v1";
  Id opportunity_id;
  Id competitor_id;
  std::optional<Money> quoted_price;
  std::optional<std::string> product;
  std::optional<std::string> strengths;
  std::optional<std::string> weaknesses;
  std::optional<int32_t> threat_level;
  std::optional<Money> previous_quoted_price;
  std::optional<int32_t> previous_threat_level;
  bool operator==(const OpportunityCompetitorUpdated&) const = default;
};
constexpr auto Fields(const OpportunityCompetitorUpdated*) {
  using T = OpportunityCompetitorUpdated;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("competitor_id", &T::competitor_id),
                    F("quoted_price", &T::quoted_price),
                    F("product", &T::product).MaxLength(200),
                    F("strengths", &T::strengths).MaxLength(4000),
                    F("weaknesses", &T::weaknesses).MaxLength(4000),
                    F("threat_level", &T::threat_level).Range(1, 5),
                    F("previous_quoted_price", &T::previous_quoted_price),
                    F("previous_threat_level", &T::previous_threat_level).Range(1, 5)};
}

struct OpportunityCompetitorRemoved {
  static constexpr std::string_view kType = "crm.opportunity.competitor_removed.v1";
  Id opportunity_id;
  Id competitor_id;
  std::optional<std::string> reason;
  bool operator==(const OpportunityCompetitorRemoved&) const = default;
};
constexpr auto Fields(const OpportunityCompetitorRemoved*) {
  using T = OpportunityCompetitorRemoved;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("competitor_id", &T::competitor_id),
                    F("reason", &T::reason).MaxLength(4000)};
}

struct OpportunityWon {
  static constexpr std::string_view kType = "crm.opportunity.won.v1";
  Id opportunity_id;
  Id customer_id;
  Id owner_id;
  std::optional<Id> department_id;
  Money amount;           // final amount
  Money previous_amount;  // the expected amount before winning
  std::string stage;      // the closed-won stage of the process
  std::string previous_stage;
  int32_t probability = 100;
  std::string forecast_category;
  std::vector<Id> product_ids;
  std::vector<Id> competitor_ids;  // competitors engaged when it closed
  std::optional<std::string> note;
  bool operator==(const OpportunityWon&) const = default;
};
constexpr auto Fields(const OpportunityWon*) {
  using T = OpportunityWon;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("customer_id", &T::customer_id),
                    F("owner_id", &T::owner_id),
                    F("department_id", &T::department_id),
                    F("amount", &T::amount),
                    F("previous_amount", &T::previous_amount),
                    F("stage", &T::stage).MaxLength(80),
                    F("previous_stage", &T::previous_stage).MaxLength(80),
                    F("probability", &T::probability).Range(0, 100),
                    F("forecast_category", &T::forecast_category).MaxLength(40),
                    F("product_ids", &T::product_ids),
                    F("competitor_ids", &T::competitor_ids),
                    F("note", &T::note).MaxLength(4000)};
}

struct OpportunityLost {
  static constexpr std::string_view kType = "crm.opportunity.lost.v1";
  Id opportunity_id;
  Id customer_id;
  Id owner_id;
  std::optional<Id> department_id;
  Money amount;  // the amount in force, i.e. what was lost
  std::string reason;
  std::optional<Id> competitor_id;  // who won
  std::optional<Money> competitor_price;
  std::optional<std::string> note;
  std::string stage;  // the closed-lost stage of the process
  std::string previous_stage;
  int32_t probability = 0;
  std::string forecast_category;
  std::vector<Id> product_ids;
  std::vector<Id> competitor_ids;
  bool operator==(const OpportunityLost&) const = default;
};
constexpr auto Fields(const OpportunityLost*) {
  using T = OpportunityLost;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("customer_id", &T::customer_id),
                    F("owner_id", &T::owner_id),
                    F("department_id", &T::department_id),
                    F("amount", &T::amount),
                    F("reason", &T::reason).MaxLength(80),
                    F("competitor_id", &T::competitor_id),
                    F("competitor_price", &T::competitor_price),
                    F("note", &T::note).MaxLength(4000),
                    F("stage", &T::stage).MaxLength(80),
                    F("previous_stage", &T::previous_stage).MaxLength(80),
                    F("probability", &T::probability).Range(0, 100),
                    F("forecast_category", &T::forecast_category).MaxLength(40),
                    F("product_ids", &T::product_ids),
                    F("competitor_ids", &T::competitor_ids)};
}

struct OpportunityAbandoned {
  static constexpr std::string_view kType = "crm.opportunity.abandoned.v1";
  Id opportunity_id;
  Id customer_id;
  Id owner_id;
  std::optional<Id> department_id;
  Money amount;
  std::string previous_stage;
  std::string reason;
  bool operator==(const OpportunityAbandoned&) const = default;
};
constexpr auto Fields(const OpportunityAbandoned*) {
  using T = OpportunityAbandoned;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("customer_id", &T::customer_id),
                    F("owner_id", &T::owner_id),
                    F("department_id", &T::department_id),
                    F("amount", &T::amount),
                    F("previous_stage", &T::previous_stage).MaxLength(80),
                    F("reason", &T::reason).MaxLength(4000)};
}

struct OpportunityReopened {
  static constexpr std::string_view kType = "crm.opportunity.reopened.v1";
  Id opportunity_id;
  OpportunityStatus previous_status = OpportunityStatus::kWon;
  std::string reason;
  std::string stage;  // the open stage it returns to
  int32_t probability = 0;
  std::string forecast_category;
  Money amount;
  bool operator==(const OpportunityReopened&) const = default;
};
constexpr auto Fields(const OpportunityReopened*) {
  using T = OpportunityReopened;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("previous_status", &T::previous_status),
                    F("reason", &T::reason).MaxLength(4000),
                    F("stage", &T::stage).MaxLength(80),
                    F("probability", &T::probability).Range(0, 100),
                    F("forecast_category", &T::forecast_category).MaxLength(40),
                    F("amount", &T::amount)};
}

struct OpportunityCommentAdded {
  static constexpr std::string_view kType = "crm.opportunity.comment_added.v1";
  Id opportunity_id;
  Id comment_id;
  Id author_id;
  std::string text;
  bool operator==(const OpportunityCommentAdded&) const = default;
};
constexpr auto Fields(const OpportunityCommentAdded*) {
  using T = OpportunityCommentAdded;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("comment_id", &T::comment_id),
                    F("author_id", &T::author_id), F("text", &T::text).MaxLength(4000)};
}

// The custom field values that changed, in key order.
struct OpportunityCustomFieldsSet {
  static constexpr std::string_view kType = "crm.opportunity.custom_fields_set.v1";
  Id opportunity_id;
  std::vector<CustomFieldValueChange> changes;
  bool operator==(const OpportunityCustomFieldsSet&) const = default;
};
constexpr auto Fields(const OpportunityCustomFieldsSet*) {
  using T = OpportunityCustomFieldsSet;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("changes", &T::changes)};
}

struct OpportunityAttachmentAdded {
  static constexpr std::string_view kType = "crm.opportunity.attachment_added.v1";
  Id opportunity_id;
  Id attachment_id;
  std::string uri;
  std::string sha256;  // lower-case hex
  std::optional<std::string> name;
  std::optional<std::string> media_type;
  Id added_by;
  bool operator==(const OpportunityAttachmentAdded&) const = default;
};
constexpr auto Fields(const OpportunityAttachmentAdded*) {
  using T = OpportunityAttachmentAdded;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("attachment_id", &T::attachment_id),
                    F("uri", &T::uri).MaxLength(2000),
                    F("sha256", &T::sha256).MinLength(64).MaxLength(64),
                    F("name", &T::name).MaxLength(200),
                    F("media_type", &T::media_type).MaxLength(200),
                    F("added_by", &T::added_by)};
}

using OpportunityEvent = std::variant<
    OpportunityOpened, OpportunityEvaluated, OpportunityStageAdvanced, OpportunityStageMovedBack,
    OpportunityStagesPlanned, OpportunityAmountRevised, OpportunityCloseDateRevised,
    OpportunityTeamMemberAdded, OpportunityTeamMemberRemoved, OpportunityRevenueSplitsSet,
    OpportunityReassigned, OpportunityActivityPlanned, OpportunityActivityCompleted,
    OpportunityActivityCancelled, OpportunityQuoteDrafted, OpportunityQuoteApprovalRequested,
    OpportunityQuoteApproved, OpportunityQuoteRejected, OpportunityCompetitorRecorded,
    OpportunityCompetitorUpdated, OpportunityCompetitorRemoved, OpportunityWon, OpportunityLost,
    OpportunityAbandoned, OpportunityReopened, OpportunityCommentAdded, OpportunityAttachmentAdded,
    OpportunityCustomFieldsSet>;

}  // namespace dealstream::domain
