// Opening, scoring, handover, comments and attachment references.
#include <algorithm>
#include <array>
#include <string>

#include "domain/common/checks.h"
#include "domain/config/scoring_criteria.h"
#include "domain/opportunity/opportunity_internal.h"
#include "domain/organisation/org_checks.h"

namespace dealstream::domain::opportunity_internal {

namespace {

// The configured questionnaire, or DESIGN §2.3's while none is defined.
std::vector<ScoringCriterionFacts> CriteriaInForce(const SalesProcessFacts& process) {
  if (!process.scoring_criteria.empty()) return process.scoring_criteria;
  return FactsOf(ScoringCriteriaState{});
}

std::string Indexed(std::string_view list, size_t i, std::string_view member = {}) {
  std::string path = std::string(list) + "[" + std::to_string(i) + "]";
  if (!member.empty()) path += "." + std::string(member);
  return path;
}

}  // namespace

Outcome DecideCommand(const OpportunityState& state, const OpenOpportunity& c,
                      const DecideContext& ctx) {
  if (!c.id) {
    return Unexpected(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Unexpected(AlreadyExists("opportunity_exists",
                                    "opportunity '" + c.id->value + "' has already been opened"));
  }
  if (auto e = CheckNotBlank(c.title, "title")) return Unexpected(*e);
  if (auto e = CheckNotNegative(c.amount, "amount")) return Unexpected(*e);
  if (c.expected_close_date < Date::Of(ctx.now)) {
    return Unexpected(Invalid("close_date_in_past", "expected_close_date",
                              "expected_close_date: " + DateText(c.expected_close_date) +
                                  " is before the opening date " + DateText(Date::Of(ctx.now))));
  }
  auto customer = RequireUsableCustomer(ctx.directory, c.customer_id, "customer_id");
  if (!customer.ok()) return Unexpected(customer.error());
  auto owner = RequireActiveEmployee(ctx.directory, c.owner_id, "owner_id", "owner");
  if (!owner.ok()) return Unexpected(owner.error());
  std::optional<Id> department = owner->department_id;
  if (c.department_id) {
    if (auto e = RequireOpenDepartment(ctx.directory, *c.department_id, "department_id")) {
      return Unexpected(*e);
    }
    department = c.department_id;
  }
  std::vector<Id> products = c.product_ids.value_or(std::vector<Id>{});
  for (size_t i = 0; i < products.size(); ++i) {
    if (!ctx.directory.FindProduct(products[i])) {
      return Unexpected(NotFound(
          "product_not_found", Indexed("product_ids", i),
          Indexed("product_ids", i) + ": product '" + products[i].value + "' does not exist"));
    }
    if (std::find(products.begin(), products.begin() + i, products[i]) != products.begin() + i) {
      return Unexpected(Invalid(
          "duplicate_product", Indexed("product_ids", i),
          Indexed("product_ids", i) + ": product '" + products[i].value + "' is listed twice"));
    }
  }
  const SalesProcessFacts process = ctx.directory.SalesProcess();
  auto first = std::find_if(process.stages.begin(), process.stages.end(),
                            [](const StageFacts& s) { return !s.closed; });
  if (first == process.stages.end()) {
    return Unexpected(RuleViolated("sales_process_not_configured", "",
                                   "the sales process has no open stage to start the deal in"));
  }
  OpportunityOpened opened;
  opened.opportunity_id = *c.id;
  opened.customer_id = c.customer_id;
  opened.title = c.title;
  opened.source = c.source;
  opened.amount = c.amount;
  opened.expected_close_date = c.expected_close_date;
  opened.owner_id = c.owner_id;
  opened.department_id = department;
  opened.product_ids = std::move(products);
  opened.stage = first->name;
  opened.probability = first->probability;
  opened.forecast_category = first->forecast_category;
  opened.opened_by = ctx.actor;
  return Emit<OpportunityEvent>(std::move(opened));
}

void Apply(OpportunityState& s, const OpportunityOpened& e, Timestamp at) {
  s.exists = true;
  s.id = e.opportunity_id;
  s.customer_id = e.customer_id;
  s.title = e.title;
  s.source = e.source;
  s.amount = e.amount;
  s.expected_close_date = e.expected_close_date;
  s.owner_id = e.owner_id;
  s.department_id = e.department_id;
  s.product_ids = e.product_ids;
  s.status = OpportunityStatus::kOpen;
  s.stage = e.stage;
  s.last_open_stage = e.stage;
  s.probability = e.probability;
  s.forecast_category = e.forecast_category;
  s.stages_reached.push_back({e.stage, Date::Of(at)});
  s.opened_at = at;
}

Outcome DecideCommand(const OpportunityState& state, const EvaluateOpportunity& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  const std::vector<ScoringCriterionFacts> criteria = CriteriaInForce(ctx.directory.SalesProcess());
  OpportunityEvaluated evaluated;
  evaluated.opportunity_id = state.id;
  int64_t weighted = 0;
  int64_t total_weight = 0;
  for (size_t i = 0; i < c.answers.size(); ++i) {
    const ScoringAnswer& answer = c.answers[i];
    auto criterion = std::find_if(criteria.begin(), criteria.end(),
                                  [&](const auto& k) { return k.name == answer.criterion; });
    if (criterion == criteria.end()) {
      return Unexpected(Invalid("unknown_criterion", Indexed("answers", i, "criterion"),
                                Indexed("answers", i, "criterion") + ": '" + answer.criterion +
                                    "' is not a criterion of the scoring questionnaire"));
    }
    for (size_t j = 0; j < i; ++j) {
      if (c.answers[j].criterion == answer.criterion) {
        return Unexpected(Invalid(
            "duplicate_criterion", Indexed("answers", i, "criterion"),
            Indexed("answers", i, "criterion") + ": '" + answer.criterion + "' is answered twice"));
      }
    }
    if (answer.value < 0 || answer.value > 10) {
      return Unexpected(Invalid("answer_out_of_range", Indexed("answers", i, "value"),
                                Indexed("answers", i, "value") + ": must be between 0 and 10"));
    }
    evaluated.answers.push_back({answer.criterion, answer.value, criterion->weight});
    weighted += int64_t{criterion->weight} * answer.value;
    total_weight += criterion->weight;
  }
  for (const ScoringCriterionFacts& criterion : criteria) {
    bool answered = std::any_of(c.answers.begin(), c.answers.end(),
                                [&](const auto& a) { return a.criterion == criterion.name; });
    if (!answered) {
      return Unexpected(Invalid("criterion_unanswered", "answers",
                                "answers: criterion '" + criterion.name + "' has no answer"));
    }
  }
  // score = 10 × Σ(weight × value) / Σ weight, rounded half up: 0–100.
  evaluated.score = total_weight == 0
                        ? 0
                        : static_cast<int32_t>((20 * weighted + total_weight) / (2 * total_weight));
  evaluated.previous_score = state.score;
  evaluated.evaluated_by = ctx.actor;
  return Emit<OpportunityEvent>(std::move(evaluated));
}

void Apply(OpportunityState& s, const OpportunityEvaluated& e, Timestamp) { s.score = e.score; }

Outcome DecideCommand(const OpportunityState& state, const ReassignOpportunity& c,
                      const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  if (c.new_owner_id == state.owner_id) {
    return Unexpected(
        RuleViolated("same_owner", "new_owner_id",
                     "new_owner_id: '" + c.new_owner_id.value + "' already owns this opportunity"));
  }
  auto owner = RequireActiveEmployee(ctx.directory, c.new_owner_id, "new_owner_id", "new_owner");
  if (!owner.ok()) return Unexpected(owner.error());
  return Emit<OpportunityEvent>(OpportunityReassigned{state.id, state.owner_id, c.new_owner_id,
                                                      state.department_id, owner->department_id,
                                                      c.reason});
}

void Apply(OpportunityState& s, const OpportunityReassigned& e, Timestamp) {
  s.owner_id = e.new_owner_id;
  s.department_id = e.department_id;
}

Outcome DecideCommand(const OpportunityState& state, const AddOpportunityComment& c,
                      const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  if (auto e = CheckNotBlank(c.text, "text")) return Unexpected(*e);
  auto taken = [&](const Id& id) {
    return std::find(state.comment_ids.begin(), state.comment_ids.end(), id) !=
           state.comment_ids.end();
  };
  if (c.comment_id && taken(*c.comment_id)) {
    return Unexpected(RuleViolated(
        "duplicate_comment_id", "comment_id",
        "comment_id: '" + c.comment_id->value + "' is already a comment of this opportunity"));
  }
  Id id =
      c.comment_id ? *c.comment_id : NextLocalId("comment", state.comment_ids.size() + 1, taken);
  return Emit<OpportunityEvent>(OpportunityCommentAdded{state.id, id, ctx.actor, c.text});
}

void Apply(OpportunityState& s, const OpportunityCommentAdded& e, Timestamp) {
  s.comment_ids.push_back(e.comment_id);
}

Outcome DecideCommand(const OpportunityState& state, const AddOpportunityAttachment& c,
                      const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  if (!IsAbsoluteUri(c.uri)) {
    return Unexpected(
        Invalid("invalid_uri", "uri", "uri: must be an absolute URI such as https://host/path"));
  }
  if (!IsSha256Hex(c.sha256)) {
    return Unexpected(Invalid("invalid_sha256", "sha256",
                              "sha256: must be the 64 hexadecimal digits of a SHA-256 digest"));
  }
  auto taken = [&](const Id& id) {
    return std::any_of(state.attachments.begin(), state.attachments.end(),
                       [&](const auto& a) { return a.attachment_id == id; });
  };
  if (c.attachment_id && taken(*c.attachment_id)) {
    return Unexpected(RuleViolated(
        "duplicate_attachment_id", "attachment_id",
        "attachment_id: '" + c.attachment_id->value + "' is already attached to this opportunity"));
  }
  std::string digest = c.sha256;
  std::transform(digest.begin(), digest.end(), digest.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  Id id = c.attachment_id ? *c.attachment_id
                          : NextLocalId("attachment", state.attachments.size() + 1, taken);
  return Emit<OpportunityEvent>(OpportunityAttachmentAdded{state.id, id, c.uri, std::move(digest),
                                                           c.name, c.media_type, ctx.actor});
}

void Apply(OpportunityState& s, const OpportunityAttachmentAdded& e, Timestamp) {
  s.attachments.push_back({e.attachment_id, e.uri, e.sha256, e.name, e.media_type, e.added_by});
}

Outcome DecideCommand(const OpportunityState& state, const SetOpportunityCustomFields& c,
                      const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  auto changes =
      DiffCustomFieldValues("opportunity", state.custom_fields, c.values, ctx.directory);
  if (!changes.ok()) return Unexpected(changes.error());
  return Emit<OpportunityEvent>(OpportunityCustomFieldsSet{state.id, std::move(*changes)});
}

void Apply(OpportunityState& s, const OpportunityCustomFieldsSet& e, Timestamp) {
  ApplyCustomFieldChanges(s.custom_fields, e.changes);
}

}  // namespace dealstream::domain::opportunity_internal
