// Commands of the opportunity aggregate (DESIGN §2.3, §10). Each names the
// field holding its target (kTargetField); OpenOpportunity creates the
// record. The time of a command is DecideContext::now and the person who
// issues it DecideContext::actor; neither is a field.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/opportunity/opportunity_values.h"

namespace dealstream::domain {

// Opens a sales opportunity in the first stage of the configured process.
struct OpenOpportunity {
  static constexpr std::string_view kType = "OpenOpportunity";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  Id customer_id;
  std::string title;
  std::optional<std::string> source;
  Money amount;
  Date expected_close_date;
  Id owner_id;
  std::optional<Id> department_id;             // default: the owner's department
  std::optional<std::vector<Id>> product_ids;  // products of interest
};
constexpr auto Fields(const OpenOpportunity*) {
  using T = OpenOpportunity;
  return std::tuple{
      F("id", &T::id),
      F("customer_id", &T::customer_id),
      F("title", &T::title).MinLength(1).MaxLength(200),
      F("source", &T::source).MaxLength(200).Doc("where the deal came from, e.g. 'trade show'"),
      F("amount", &T::amount).Doc("expected amount; its currency is the opportunity's currency"),
      F("expected_close_date", &T::expected_close_date),
      F("owner_id", &T::owner_id).Doc("an active employee"),
      F("department_id", &T::department_id).Doc("default: the owner's department"),
      F("product_ids", &T::product_ids).Doc("products of interest")};
}

// Scores the deal with the configured questionnaire; every criterion must be
// answered exactly once.
struct EvaluateOpportunity {
  static constexpr std::string_view kType = "EvaluateOpportunity";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  std::vector<ScoringAnswer> answers;
};
constexpr auto Fields(const EvaluateOpportunity*) {
  using T = EvaluateOpportunity;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("answers", &T::answers)};
}

// Moves the deal to another open stage of the process, forwards or back.
struct AdvanceOpportunityStage {
  static constexpr std::string_view kType = "AdvanceOpportunityStage";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  std::string stage;
};
constexpr auto Fields(const AdvanceOpportunityStage*) {
  using T = AdvanceOpportunityStage;
  return std::tuple{
      F("opportunity_id", &T::opportunity_id),
      F("stage", &T::stage)
          .MinLength(1)
          .MaxLength(80)
          .Doc("a configured open stage; closing is WinOpportunity / LoseOpportunity")};
}

// Replaces the stage plan (planned date per stage).
struct PlanOpportunityStages {
  static constexpr std::string_view kType = "PlanOpportunityStages";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  std::vector<StagePlanEntry> plan;
};
constexpr auto Fields(const PlanOpportunityStages*) {
  using T = PlanOpportunityStages;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("plan", &T::plan).Doc("dates must not decrease in process order")};
}

struct ReviseOpportunityAmount {
  static constexpr std::string_view kType = "ReviseOpportunityAmount";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  Money amount;
  std::optional<std::string> reason;
};
constexpr auto Fields(const ReviseOpportunityAmount*) {
  using T = ReviseOpportunityAmount;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("amount", &T::amount).Doc("in the opportunity's currency"),
                    F("reason", &T::reason).MaxLength(4000)};
}

struct ReviseOpportunityCloseDate {
  static constexpr std::string_view kType = "ReviseOpportunityCloseDate";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  Date expected_close_date;
  std::optional<std::string> reason;
};
constexpr auto Fields(const ReviseOpportunityCloseDate*) {
  using T = ReviseOpportunityCloseDate;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("expected_close_date", &T::expected_close_date),
                    F("reason", &T::reason).MaxLength(4000)};
}

struct AddOpportunityTeamMember {
  static constexpr std::string_view kType = "AddOpportunityTeamMember";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  Id member_id;
  TeamRole role = TeamRole::kSales;
  std::optional<int32_t> split_percent;
};
constexpr auto Fields(const AddOpportunityTeamMember*) {
  using T = AddOpportunityTeamMember;
  return std::tuple{
      F("opportunity_id", &T::opportunity_id),
      F("member_id", &T::member_id).Doc("an employee, or a partner when role is 'partner'"),
      F("role", &T::role),
      F("split_percent", &T::split_percent)
          .Range(0, 100)
          .Doc("revenue share; when any member has one, all shares total exactly 100")};
}

struct RemoveOpportunityTeamMember {
  static constexpr std::string_view kType = "RemoveOpportunityTeamMember";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  Id member_id;
  std::optional<std::string> reason;
};
constexpr auto Fields(const RemoveOpportunityTeamMember*) {
  using T = RemoveOpportunityTeamMember;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("member_id", &T::member_id),
                    F("reason", &T::reason).MaxLength(4000)};
}

// Replaces all revenue splits at once (an empty list clears them), because
// moving shares between members cannot be done one member at a time without
// passing through totals other than 100.
struct SetOpportunityRevenueSplits {
  static constexpr std::string_view kType = "SetOpportunityRevenueSplits";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  std::vector<RevenueSplit> splits;
};
constexpr auto Fields(const SetOpportunityRevenueSplits*) {
  using T = SetOpportunityRevenueSplits;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("splits", &T::splits).Doc("team members' shares; empty, or totalling 100")};
}

// Hands the deal over to another owner (e.g. when the owner leaves).
struct ReassignOpportunity {
  static constexpr std::string_view kType = "ReassignOpportunity";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  Id new_owner_id;
  std::string reason;
};
constexpr auto Fields(const ReassignOpportunity*) {
  using T = ReassignOpportunity;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("new_owner_id", &T::new_owner_id).Doc("an active employee"),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

struct PlanOpportunityActivity {
  static constexpr std::string_view kType = "PlanOpportunityActivity";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  std::optional<Id> activity_id;  // default: "activity-<n>"
  std::string type;
  Id assignee_id;
  Date planned_date;
  std::string subject;
  std::optional<std::vector<Id>> contact_ids;
};
constexpr auto Fields(const PlanOpportunityActivity*) {
  using T = PlanOpportunityActivity;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("activity_id", &T::activity_id).Doc("default: activity-<n>"),
                    F("type", &T::type)
                        .MinLength(1)
                        .MaxLength(80)
                        .Doc("a configured activity type: call, visit, demo, proposal, bid, "
                             "negotiation, care"),
                    F("assignee_id", &T::assignee_id).Doc("an active employee"),
                    F("planned_date", &T::planned_date),
                    F("subject", &T::subject).MinLength(1).MaxLength(200),
                    F("contact_ids", &T::contact_ids).Doc("contacts of the customer taking part")};
}

struct CompleteOpportunityActivity {
  static constexpr std::string_view kType = "CompleteOpportunityActivity";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  Id activity_id;
  Date completed_date;
  std::string outcome;
  bool decision_maker_met = false;
  std::optional<Money> cost;
};
constexpr auto Fields(const CompleteOpportunityActivity*) {
  using T = CompleteOpportunityActivity;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("activity_id", &T::activity_id),
                    F("completed_date", &T::completed_date).Doc("not before the planned date"),
                    F("outcome", &T::outcome).MinLength(1).MaxLength(4000),
                    F("decision_maker_met", &T::decision_maker_met),
                    F("cost", &T::cost).Doc("in the opportunity's currency")};
}

struct CancelOpportunityActivity {
  static constexpr std::string_view kType = "CancelOpportunityActivity";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  Id activity_id;
  std::string reason;
};
constexpr auto Fields(const CancelOpportunityActivity*) {
  using T = CancelOpportunityActivity;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("activity_id", &T::activity_id),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

// Drafts the next version of the quote; the previous version is superseded.
struct DraftOpportunityQuote {
  static constexpr std::string_view kType = "DraftOpportunityQuote";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  std::vector<QuoteLineInput> lines;
  Date valid_until;
  std::optional<std::string> note;
};
constexpr auto Fields(const DraftOpportunityQuote*) {
  using T = DraftOpportunityQuote;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("lines", &T::lines).Doc("at least one; prices in the opportunity's currency"),
                    F("valid_until", &T::valid_until), F("note", &T::note).MaxLength(4000)};
}

struct RequestOpportunityQuoteApproval {
  static constexpr std::string_view kType = "RequestOpportunityQuoteApproval";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  int32_t version = 0;
};
constexpr auto Fields(const RequestOpportunityQuoteApproval*) {
  using T = RequestOpportunityQuoteApproval;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("version", &T::version).Range(1, 1000000)};
}

// Approved by the actor: a manager or director of a department containing
// the owner's department, who neither owns the deal nor requested approval.
struct ApproveOpportunityQuote {
  static constexpr std::string_view kType = "ApproveOpportunityQuote";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  int32_t version = 0;
  std::optional<std::string> comment;
};
constexpr auto Fields(const ApproveOpportunityQuote*) {
  using T = ApproveOpportunityQuote;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("version", &T::version).Range(1, 1000000),
                    F("comment", &T::comment).MaxLength(4000)};
}

// Rejected by the actor, under the same rule as approval.
struct RejectOpportunityQuote {
  static constexpr std::string_view kType = "RejectOpportunityQuote";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  int32_t version = 0;
  std::string reason;
};
constexpr auto Fields(const RejectOpportunityQuote*) {
  using T = RejectOpportunityQuote;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("version", &T::version).Range(1, 1000000),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

// A competitor is engaged on the deal.
struct RecordCompetitor {
  static constexpr std::string_view kType = "RecordCompetitor";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  Id competitor_id;
  std::optional<Money> quoted_price;
  std::optional<std::string> product;
  std::optional<std::string> strengths;
  std::optional<std::string> weaknesses;
  std::optional<int32_t> threat_level;
};
constexpr auto Fields(const RecordCompetitor*) {
  using T = RecordCompetitor;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("competitor_id", &T::competitor_id),
                    F("quoted_price", &T::quoted_price).Doc("in the opportunity's currency"),
                    F("product", &T::product).MaxLength(200).Doc("the product they offer"),
                    F("strengths", &T::strengths).MaxLength(4000),
                    F("weaknesses", &T::weaknesses).MaxLength(4000),
                    F("threat_level", &T::threat_level).Range(1, 5).Doc("1 = low, 5 = high")};
}

// New intelligence about an engaged competitor; absent fields keep their
// current values.
struct UpdateOpportunityCompetitor {
  static constexpr std::string_view kType = "UpdateOpportunityCompetitor";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  Id competitor_id;
  std::optional<Money> quoted_price;
  std::optional<std::string> product;
  std::optional<std::string> strengths;
  std::optional<std::string> weaknesses;
  std::optional<int32_t> threat_level;
};
constexpr auto Fields(const UpdateOpportunityCompetitor*) {
  using T = UpdateOpportunityCompetitor;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("competitor_id", &T::competitor_id),
                    F("quoted_price", &T::quoted_price).Doc("in the opportunity's currency"),
                    F("product", &T::product).MaxLength(200),
                    F("strengths", &T::strengths).MaxLength(4000),
                    F("weaknesses", &T::weaknesses).MaxLength(4000),
                    F("threat_level", &T::threat_level).Range(1, 5)};
}

struct RemoveOpportunityCompetitor {
  static constexpr std::string_view kType = "RemoveOpportunityCompetitor";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  Id competitor_id;
  std::optional<std::string> reason;
};
constexpr auto Fields(const RemoveOpportunityCompetitor*) {
  using T = RemoveOpportunityCompetitor;
  return std::tuple{F("opportunity_id", &T::opportunity_id), F("competitor_id", &T::competitor_id),
                    F("reason", &T::reason).MaxLength(4000)};
}

// Closes the deal as won; the final amount defaults to the current amount.
struct WinOpportunity {
  static constexpr std::string_view kType = "WinOpportunity";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  std::optional<Money> amount;
  std::optional<std::string> note;
};
constexpr auto Fields(const WinOpportunity*) {
  using T = WinOpportunity;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("amount", &T::amount).Doc("final amount; default: the current amount"),
                    F("note", &T::note).MaxLength(4000)};
}

// Closes the deal as lost, for a configured loss reason.
struct LoseOpportunity {
  static constexpr std::string_view kType = "LoseOpportunity";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  std::string reason;
  std::optional<Id> competitor_id;
  std::optional<Money> competitor_price;
  std::optional<std::string> note;
};
constexpr auto Fields(const LoseOpportunity*) {
  using T = LoseOpportunity;
  return std::tuple{
      F("opportunity_id", &T::opportunity_id),
      F("reason", &T::reason).MinLength(1).MaxLength(80).Doc("a configured loss reason code"),
      F("competitor_id", &T::competitor_id).Doc("the competitor who won"),
      F("competitor_price", &T::competitor_price).Doc("the winning price"),
      F("note", &T::note).MaxLength(4000)};
}

// The customer or we dropped the project without a decision.
struct AbandonOpportunity {
  static constexpr std::string_view kType = "AbandonOpportunity";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  std::string reason;
};
constexpr auto Fields(const AbandonOpportunity*) {
  using T = AbandonOpportunity;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

// Reopens a won, lost or abandoned deal, into `stage` or else the last open
// stage it was in.
struct ReopenOpportunity {
  static constexpr std::string_view kType = "ReopenOpportunity";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  std::string reason;
  std::optional<std::string> stage;
};
constexpr auto Fields(const ReopenOpportunity*) {
  using T = ReopenOpportunity;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000),
                    F("stage", &T::stage)
                        .MinLength(1)
                        .MaxLength(80)
                        .Doc("an open stage; default: the stage before closing")};
}

struct AddOpportunityComment {
  static constexpr std::string_view kType = "AddOpportunityComment";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  std::optional<Id> comment_id;  // default: "comment-<n>"
  std::string text;
};
constexpr auto Fields(const AddOpportunityComment*) {
  using T = AddOpportunityComment;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("comment_id", &T::comment_id).Doc("default: comment-<n>"),
                    F("text", &T::text).MinLength(1).MaxLength(4000)};
}

// Sets custom field values by key (fields defined for entity type
// "opportunity"); "" clears a value. Accepted on closed deals too.
struct SetOpportunityCustomFields {
  static constexpr std::string_view kType = "SetOpportunityCustomFields";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  std::map<std::string, std::string> values;
};
constexpr auto Fields(const SetOpportunityCustomFields*) {
  using T = SetOpportunityCustomFields;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("values", &T::values).MaxLength(4000).Doc("key -> value; \"\" clears")};
}

// A reference to a document kept elsewhere; the engine stores no files.
struct AddOpportunityAttachment {
  static constexpr std::string_view kType = "AddOpportunityAttachment";
  static constexpr std::string_view kTargetField = "opportunity_id";
  static constexpr bool kCreates = false;
  Id opportunity_id;
  std::optional<Id> attachment_id;  // default: "attachment-<n>"
  std::string uri;
  std::string sha256;
  std::optional<std::string> name;
  std::optional<std::string> media_type;
};
constexpr auto Fields(const AddOpportunityAttachment*) {
  using T = AddOpportunityAttachment;
  return std::tuple{F("opportunity_id", &T::opportunity_id),
                    F("attachment_id", &T::attachment_id).Doc("default: attachment-<n>"),
                    F("uri", &T::uri).MinLength(3).MaxLength(2000).Doc("absolute URI"),
                    F("sha256", &T::sha256)
                        .MinLength(64)
                        .MaxLength(64)
                        .Doc("SHA-256 of the content, 64 hex digits"),
                    F("name", &T::name).MaxLength(200),
                    F("media_type", &T::media_type).MaxLength(200)};
}

using OpportunityCommand =
    std::variant<OpenOpportunity, EvaluateOpportunity, AdvanceOpportunityStage,
                 PlanOpportunityStages, ReviseOpportunityAmount, ReviseOpportunityCloseDate,
                 AddOpportunityTeamMember, RemoveOpportunityTeamMember, SetOpportunityRevenueSplits,
                 ReassignOpportunity, PlanOpportunityActivity, CompleteOpportunityActivity,
                 CancelOpportunityActivity, DraftOpportunityQuote, RequestOpportunityQuoteApproval,
                 ApproveOpportunityQuote, RejectOpportunityQuote, RecordCompetitor,
                 UpdateOpportunityCompetitor, RemoveOpportunityCompetitor, WinOpportunity,
                 LoseOpportunity, AbandonOpportunity, ReopenOpportunity, AddOpportunityComment,
                 AddOpportunityAttachment, SetOpportunityCustomFields>;

}  // namespace dealstream::domain
