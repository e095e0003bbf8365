// Internal to the opportunity aggregate: one Decide overload per command and
// one Apply overload per event, defined in the file of their concern
// (opportunity_lifecycle.cc, _stages, _team, _activities, _quotes,
// _competition, _closing), plus the helpers they share. opportunity.cc
// dispatches to them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/opportunity/opportunity.h"

namespace dealstream::domain::opportunity_internal {

using Outcome = Decision<OpportunityEvent>;

// --- shared rules (opportunity.cc) ---

// "opportunity_not_found" unless the opportunity exists.
std::optional<DomainError> CheckExists(const OpportunityState& state);
// As CheckExists, and "opportunity_closed" unless it is open.
std::optional<DomainError> CheckOpen(const OpportunityState& state);
// `money` is not negative and in the opportunity's currency.
std::optional<DomainError> CheckDealMoney(const OpportunityState& state, const Money& money,
                                          std::string_view field);
// The configured stage called `name`, or nullptr.
const StageFacts* FindStage(const SalesProcessFacts& process, std::string_view name);
// Position of `name` in process order, or -1 when it is not configured.
int StageIndex(const SalesProcessFacts& process, std::string_view name);
// The configured open stage `name`. Codes: "unknown_stage" (kInvalid) and
// "closed_stage_requires_closing_command", about `field`.
Result<StageFacts, DomainError> RequireOpenStage(const SalesProcessFacts& process,
                                                 std::string_view name, const std::string& field);
// The stage WinOpportunity / LoseOpportunity close into: the closed stage
// with the highest (won) or lowest (lost) probability, or DESIGN §2.3's
// "Closed Won" 100 / "Closed Lost" 0 when the process configures none.
StageFacts WonStage(const SalesProcessFacts& process);
StageFacts LostStage(const SalesProcessFacts& process);

// --- lifecycle: open, evaluate, reassign, comments, attachments ---
Outcome DecideCommand(const OpportunityState&, const OpenOpportunity&, const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const EvaluateOpportunity&, const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const ReassignOpportunity&, const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const AddOpportunityComment&, const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const AddOpportunityAttachment&,
                      const DecideContext&);
void Apply(OpportunityState&, const OpportunityOpened&, Timestamp);
void Apply(OpportunityState&, const OpportunityEvaluated&, Timestamp);
void Apply(OpportunityState&, const OpportunityReassigned&, Timestamp);
void Apply(OpportunityState&, const OpportunityCommentAdded&, Timestamp);
void Apply(OpportunityState&, const OpportunityAttachmentAdded&, Timestamp);
Outcome DecideCommand(const OpportunityState&, const SetOpportunityCustomFields&,
                      const DecideContext&);
void Apply(OpportunityState&, const OpportunityCustomFieldsSet&, Timestamp);

// --- stages, stage plan, amount and close-date revisions ---
Outcome DecideCommand(const OpportunityState&, const AdvanceOpportunityStage&,
                      const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const PlanOpportunityStages&, const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const ReviseOpportunityAmount&,
                      const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const ReviseOpportunityCloseDate&,
                      const DecideContext&);
void Apply(OpportunityState&, const OpportunityStageAdvanced&, Timestamp);
void Apply(OpportunityState&, const OpportunityStageMovedBack&, Timestamp);
void Apply(OpportunityState&, const OpportunityStagesPlanned&, Timestamp);
void Apply(OpportunityState&, const OpportunityAmountRevised&, Timestamp);
void Apply(OpportunityState&, const OpportunityCloseDateRevised&, Timestamp);

// --- team and revenue splits ---
Outcome DecideCommand(const OpportunityState&, const AddOpportunityTeamMember&,
                      const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const RemoveOpportunityTeamMember&,
                      const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const SetOpportunityRevenueSplits&,
                      const DecideContext&);
void Apply(OpportunityState&, const OpportunityTeamMemberAdded&, Timestamp);
void Apply(OpportunityState&, const OpportunityTeamMemberRemoved&, Timestamp);
void Apply(OpportunityState&, const OpportunityRevenueSplitsSet&, Timestamp);

// --- activities ---
Outcome DecideCommand(const OpportunityState&, const PlanOpportunityActivity&,
                      const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const CompleteOpportunityActivity&,
                      const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const CancelOpportunityActivity&,
                      const DecideContext&);
void Apply(OpportunityState&, const OpportunityActivityPlanned&, Timestamp);
void Apply(OpportunityState&, const OpportunityActivityCompleted&, Timestamp);
void Apply(OpportunityState&, const OpportunityActivityCancelled&, Timestamp);

// --- quotes and their approval ---
Outcome DecideCommand(const OpportunityState&, const DraftOpportunityQuote&, const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const RequestOpportunityQuoteApproval&,
                      const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const ApproveOpportunityQuote&,
                      const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const RejectOpportunityQuote&, const DecideContext&);
void Apply(OpportunityState&, const OpportunityQuoteDrafted&, Timestamp);
void Apply(OpportunityState&, const OpportunityQuoteApprovalRequested&, Timestamp);
void Apply(OpportunityState&, const OpportunityQuoteApproved&, Timestamp);
void Apply(OpportunityState&, const OpportunityQuoteRejected&, Timestamp);

// --- competition on the deal ---
Outcome DecideCommand(const OpportunityState&, const RecordCompetitor&, const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const UpdateOpportunityCompetitor&,
                      const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const RemoveOpportunityCompetitor&,
                      const DecideContext&);
void Apply(OpportunityState&, const OpportunityCompetitorRecorded&, Timestamp);
void Apply(OpportunityState&, const OpportunityCompetitorUpdated&, Timestamp);
void Apply(OpportunityState&, const OpportunityCompetitorRemoved&, Timestamp);

// --- closing and reopening ---
Outcome DecideCommand(const OpportunityState&, const WinOpportunity&, const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const LoseOpportunity&, const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const AbandonOpportunity&, const DecideContext&);
Outcome DecideCommand(const OpportunityState&, const ReopenOpportunity&, const DecideContext&);
void Apply(OpportunityState&, const OpportunityWon&, Timestamp);
void Apply(OpportunityState&, const OpportunityLost&, Timestamp);
void Apply(OpportunityState&, const OpportunityAbandoned&, Timestamp);
void Apply(OpportunityState&, const OpportunityReopened&, Timestamp);

}  // namespace dealstream::domain::opportunity_internal
