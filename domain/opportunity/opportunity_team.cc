// The deal team and its revenue splits. Whenever any member has a split,
// the splits total exactly 100, so that split revenue always adds up to the
// deal amount.
#include <algorithm>
#include <string>

#include "domain/common/checks.h"
#include "domain/opportunity/opportunity_internal.h"

namespace dealstream::domain::opportunity_internal {

namespace {

const OpportunityTeamMember* FindMember(const OpportunityState& state, const Id& id) {
  for (const OpportunityTeamMember& member : state.team) {
    if (member.member_id == id) return &member;
  }
  return nullptr;
}

DomainError SplitsMustTotal100(const std::string& field, int64_t total, std::string_view hint) {
  return RuleViolated("splits_must_total_100", field,
                      field + ": revenue splits would total " + std::to_string(total) +
                          "; when any split is set they must total exactly 100" +
                          std::string(hint));
}

std::optional<DomainError> CheckSplitRange(int32_t percent, const std::string& field) {
  if (percent >= 0 && percent <= 100) return std::nullopt;
  return Invalid("split_out_of_range", field, field + ": must be between 0 and 100");
}

std::optional<DomainError> CheckMemberExists(const Directory& directory, const Id& id,
                                             TeamRole role) {
  if (role != TeamRole::kPartner) {
    auto employee = RequireActiveEmployee(directory, id, "member_id", "member");
    if (!employee.ok()) return employee.error();
    return std::nullopt;
  }
  std::optional<PartnerFacts> partner = directory.FindPartner(id);
  if (!partner) {
    return NotFound("partner_not_found", "member_id",
                    "member_id: partner '" + id.value + "' does not exist");
  }
  if (!partner->active) {
    return RuleViolated("partner_inactive", "member_id",
                        "member_id: partner '" + id.value + "' is deactivated");
  }
  return std::nullopt;
}

}  // namespace

Outcome DecideCommand(const OpportunityState& state, const AddOpportunityTeamMember& c,
                      const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  if (FindMember(state, c.member_id) != nullptr) {
    return Unexpected(RuleViolated(
        "already_team_member", "member_id",
        "member_id: '" + c.member_id.value + "' is already on the team of this opportunity"));
  }
  if (auto e = CheckMemberExists(ctx.directory, c.member_id, c.role)) return Unexpected(*e);
  if (c.split_percent) {
    if (auto e = CheckSplitRange(*c.split_percent, "split_percent")) return Unexpected(*e);
  }
  int64_t total = c.split_percent.value_or(0);
  bool any_split = c.split_percent.has_value();
  for (const OpportunityTeamMember& member : state.team) {
    total += member.split_percent.value_or(0);
    any_split = any_split || member.split_percent.has_value();
  }
  if (any_split && total != 100) {
    return Unexpected(
        SplitsMustTotal100("split_percent", total,
                           "; add the member without a split, then SetOpportunityRevenueSplits"));
  }
  return Emit<OpportunityEvent>(
      OpportunityTeamMemberAdded{state.id, c.member_id, c.role, c.split_percent});
}

void Apply(OpportunityState& s, const OpportunityTeamMemberAdded& e, Timestamp) {
  s.team.push_back({e.member_id, e.role, e.split_percent});
}

Outcome DecideCommand(const OpportunityState& state, const RemoveOpportunityTeamMember& c,
                      const DecideContext&) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  const OpportunityTeamMember* removed = FindMember(state, c.member_id);
  if (removed == nullptr) {
    return Unexpected(
        NotFound("not_team_member", "member_id",
                 "member_id: '" + c.member_id.value + "' is not on the team of this opportunity"));
  }
  int64_t total = 0;
  bool any_split = false;
  for (const OpportunityTeamMember& member : state.team) {
    if (member.member_id == c.member_id) continue;
    total += member.split_percent.value_or(0);
    any_split = any_split || member.split_percent.has_value();
  }
  if (removed->split_percent && any_split && total != 100) {
    return Unexpected(SplitsMustTotal100(
        "member_id", total, "; redistribute the member's share with SetOpportunityRevenueSplits"));
  }
  return Emit<OpportunityEvent>(
      OpportunityTeamMemberRemoved{state.id, c.member_id, removed->role, c.reason});
}

void Apply(OpportunityState& s, const OpportunityTeamMemberRemoved& e, Timestamp) {
  std::erase_if(s.team, [&](const OpportunityTeamMember& m) { return m.member_id == e.member_id; });
}

Outcome DecideCommand(const OpportunityState& state, const SetOpportunityRevenueSplits& c,
                      const DecideContext&) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  int64_t total = 0;
  for (size_t i = 0; i < c.splits.size(); ++i) {
    const std::string prefix = "splits[" + std::to_string(i) + "]";
    const RevenueSplit& split = c.splits[i];
    if (FindMember(state, split.member_id) == nullptr) {
      return Unexpected(NotFound("not_team_member", prefix + ".member_id",
                                 prefix + ".member_id: '" + split.member_id.value +
                                     "' is not on the team of this opportunity"));
    }
    for (size_t j = 0; j < i; ++j) {
      if (c.splits[j].member_id == split.member_id) {
        return Unexpected(
            Invalid("duplicate_split", prefix + ".member_id",
                    prefix + ".member_id: '" + split.member_id.value + "' has two splits"));
      }
    }
    if (auto e = CheckSplitRange(split.percent, prefix + ".percent")) return Unexpected(*e);
    total += split.percent;
  }
  if (!c.splits.empty() && total != 100) {
    return Unexpected(SplitsMustTotal100("splits", total, ""));
  }
  std::vector<RevenueSplit> previous;
  for (const OpportunityTeamMember& member : state.team) {
    if (member.split_percent) previous.push_back({member.member_id, *member.split_percent});
  }
  return Emit<OpportunityEvent>(OpportunityRevenueSplitsSet{state.id, c.splits, previous});
}

void Apply(OpportunityState& s, const OpportunityRevenueSplitsSet& e, Timestamp) {
  for (OpportunityTeamMember& member : s.team) {
    member.split_percent.reset();
    for (const RevenueSplit& split : e.splits) {
      if (split.member_id == member.member_id) member.split_percent = split.percent;
    }
  }
}

}  // namespace dealstream::domain::opportunity_internal
