// Versioned quotes with line pricing and the approval workflow. Totals are
// computed here with integer minor units (no floating point), so that every
// reader of the event sees the same total.
#include <string>

#include "domain/common/checks.h"
#include "domain/opportunity/opportunity_internal.h"

namespace dealstream::domain::opportunity_internal {

namespace {

DomainError TooLarge(const std::string& field) {
  return Invalid("amount_too_large", field, field + ": the amount is too large to compute exactly");
}

// Prices one line: quantity × unit price × (100 − discount) / 100, rounded
// half up to the minor unit.
Result<QuoteLine, DomainError> PriceLine(const OpportunityState& state, const QuoteLineInput& line,
                                         size_t index, const Directory& directory) {
  const std::string prefix = "lines[" + std::to_string(index) + "]";
  std::optional<ProductFacts> product = directory.FindProduct(line.product_id);
  if (!product) {
    return Unexpected(
        NotFound("product_not_found", prefix + ".product_id",
                 prefix + ".product_id: product '" + line.product_id.value + "' does not exist"));
  }
  if (product->discontinued) {
    return Unexpected(RuleViolated("product_discontinued", prefix + ".product_id",
                                   prefix + ".product_id: product '" + line.product_id.value +
                                       "' is discontinued and cannot be quoted"));
  }
  if (line.quantity < 1) {
    return Unexpected(Invalid("quantity_not_positive", prefix + ".quantity",
                              prefix + ".quantity: must be at least 1"));
  }
  if (auto e = CheckDealMoney(state, line.unit_price, prefix + ".unit_price")) {
    return Unexpected(*e);
  }
  const int32_t discount = line.discount_percent.value_or(0);
  if (discount < 0 || discount > 100) {
    return Unexpected(Invalid("discount_out_of_range", prefix + ".discount_percent",
                              prefix + ".discount_percent: must be between 0 and 100"));
  }
  int64_t gross = 0;
  int64_t scaled = 0;
  if (!CheckedMultiply(line.quantity, line.unit_price.minor, &gross) ||
      !CheckedMultiply(gross, 100 - discount, &scaled) || !CheckedAdd(scaled, 50, &scaled)) {
    return Unexpected(TooLarge(prefix));
  }
  return QuoteLine{line.product_id, line.quantity, line.unit_price, discount,
                   Money{scaled / 100, line.unit_price.currency}};
}

// The quote `version`, or "quote_not_found".
Result<OpportunityQuote, DomainError> RequireQuote(const OpportunityState& state, int32_t version) {
  if (version < 1 || version > static_cast<int32_t>(state.quotes.size())) {
    return Unexpected(
        NotFound("quote_not_found", "version",
                 "version: this opportunity has no quote version " + std::to_string(version)));
  }
  return state.quotes[version - 1];
}

// The quote `version` awaiting approval, and the actor may decide on it.
Result<OpportunityQuote, DomainError> RequireDecidable(const OpportunityState& state,
                                                       int32_t version, const DecideContext& ctx) {
  auto quote = RequireQuote(state, version);
  if (!quote.ok()) return quote;
  if (quote->status != QuoteStatus::kPendingApproval) {
    return Unexpected(RuleViolated("quote_not_pending", "version",
                                   "version: quote " + std::to_string(version) + " is " +
                                       std::string(NameOf(quote->status)) +
                                       ", not pending approval"));
  }
  // The owner's current department; the deal's if the owner is unknown.
  std::optional<EmployeeFacts> owner = ctx.directory.FindEmployee(state.owner_id);
  Id department = owner ? owner->department_id : state.department_id.value_or(Id{});
  const Id* requester = quote->requested_by ? &*quote->requested_by : nullptr;
  if (auto e = CheckApprover(ctx.directory, ctx.actor, department, {&state.owner_id, requester})) {
    return Unexpected(*e);
  }
  return quote;
}

// The quote `version` to update in Evolve; nullptr for a version the state
// does not have (Evolve never trusts stored input to index memory).
OpportunityQuote* QuoteAt(OpportunityState& s, int32_t version) {
  if (version < 1 || version > static_cast<int32_t>(s.quotes.size())) return nullptr;
  return &s.quotes[version - 1];
}

}  // namespace

Outcome DecideCommand(const OpportunityState& state, const DraftOpportunityQuote& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  if (c.lines.empty()) {
    return Unexpected(Invalid("quote_lines_required", "lines", "lines: a quote needs a line"));
  }
  if (c.valid_until < Date::Of(ctx.now)) {
    return Unexpected(Invalid("valid_until_in_past", "valid_until",
                              "valid_until: " + DateText(c.valid_until) + " is already past"));
  }
  OpportunityQuoteDrafted drafted;
  drafted.opportunity_id = state.id;
  drafted.version = static_cast<int32_t>(state.quotes.size()) + 1;
  drafted.total = Money{0, state.amount.currency};
  for (size_t i = 0; i < c.lines.size(); ++i) {
    auto line = PriceLine(state, c.lines[i], i, ctx.directory);
    if (!line.ok()) return Unexpected(line.error());
    if (!CheckedAdd(drafted.total.minor, line->line_total.minor, &drafted.total.minor)) {
      return Unexpected(TooLarge("lines"));
    }
    drafted.lines.push_back(*std::move(line));
  }
  drafted.valid_until = c.valid_until;
  drafted.note = c.note;
  if (!state.quotes.empty()) drafted.superseded_version = state.quotes.back().version;
  return Emit<OpportunityEvent>(std::move(drafted));
}

void Apply(OpportunityState& s, const OpportunityQuoteDrafted& e, Timestamp) {
  if (!s.quotes.empty()) s.quotes.back().status = QuoteStatus::kSuperseded;
  OpportunityQuote quote;
  quote.version = e.version;
  quote.lines = e.lines;
  quote.total = e.total;
  quote.valid_until = e.valid_until;
  quote.note = e.note;
  s.quotes.push_back(std::move(quote));
}

Outcome DecideCommand(const OpportunityState& state, const RequestOpportunityQuoteApproval& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  auto quote = RequireQuote(state, c.version);
  if (!quote.ok()) return Unexpected(quote.error());
  if (quote->status == QuoteStatus::kSuperseded) {
    return Unexpected(RuleViolated(
        "quote_superseded", "version",
        "version: quote " + std::to_string(c.version) + " was superseded by a newer version"));
  }
  if (quote->status != QuoteStatus::kDraft) {
    return Unexpected(RuleViolated("quote_not_draft", "version",
                                   "version: quote " + std::to_string(c.version) + " is " +
                                       std::string(NameOf(quote->status)) +
                                       "; only a draft can be submitted for approval"));
  }
  if (quote->valid_until < Date::Of(ctx.now)) {
    return Unexpected(RuleViolated("quote_expired", "version",
                                   "version: quote " + std::to_string(c.version) + " expired on " +
                                       DateText(quote->valid_until)));
  }
  return Emit<OpportunityEvent>(
      OpportunityQuoteApprovalRequested{state.id, c.version, quote->total, ctx.actor});
}

void Apply(OpportunityState& s, const OpportunityQuoteApprovalRequested& e, Timestamp) {
  OpportunityQuote* quote = QuoteAt(s, e.version);
  if (quote == nullptr) return;
  quote->status = QuoteStatus::kPendingApproval;
  quote->requested_by = e.requested_by;
}

Outcome DecideCommand(const OpportunityState& state, const ApproveOpportunityQuote& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  auto quote = RequireDecidable(state, c.version, ctx);
  if (!quote.ok()) return Unexpected(quote.error());
  return Emit<OpportunityEvent>(
      OpportunityQuoteApproved{state.id, c.version, quote->total, ctx.actor, c.comment});
}

void Apply(OpportunityState& s, const OpportunityQuoteApproved& e, Timestamp) {
  OpportunityQuote* quote = QuoteAt(s, e.version);
  if (quote == nullptr) return;
  quote->status = QuoteStatus::kApproved;
  quote->decided_by = e.approved_by;
  quote->decision_note = e.comment;
}

Outcome DecideCommand(const OpportunityState& state, const RejectOpportunityQuote& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  auto quote = RequireDecidable(state, c.version, ctx);
  if (!quote.ok()) return Unexpected(quote.error());
  return Emit<OpportunityEvent>(
      OpportunityQuoteRejected{state.id, c.version, quote->total, ctx.actor, c.reason});
}

void Apply(OpportunityState& s, const OpportunityQuoteRejected& e, Timestamp) {
  OpportunityQuote* quote = QuoteAt(s, e.version);
  if (quote == nullptr) return;
  quote->status = QuoteStatus::kRejected;
  quote->decided_by = e.rejected_by;
  quote->decision_note = e.reason;
}

}  // namespace dealstream::domain::opportunity_internal
