#include "domain/marketing/lead.h"

#include <string>
#include <variant>

#include "domain/common/checks.h"
#include "domain/common/text_rules.h"

namespace dealstream::domain {

namespace {

using Outcome = Decision<LeadEvent>;

std::optional<DomainError> CheckExists(const LeadState& state) {
  if (state.exists) return std::nullopt;
  return NotFound("lead_not_found", "lead_id", "lead_id: no lead with this id has been captured");
}

// As CheckExists, and "lead_converted" once converted.
std::optional<DomainError> CheckNotConverted(const LeadState& state) {
  if (auto e = CheckExists(state)) return e;
  if (state.status != LeadStatus::kConverted) return std::nullopt;
  return RuleViolated("lead_converted", "lead_id",
                      "lead_id: the lead was converted into customer '" +
                          state.customer_id.value_or(Id{}).value + "' and takes no further change");
}

DomainError IdRequired(std::string_view field) {
  return Invalid("id_required", std::string(field),
                 std::string(field) + ": the command service must assign an id");
}

Outcome DecideCommand(const LeadState& state, const CaptureLead& c, const DecideContext& ctx) {
  if (!c.id) return Unexpected(IdRequired("id"));
  if (state.exists) {
    return Unexpected(
        AlreadyExists("lead_exists", "lead '" + c.id->value + "' is already captured"));
  }
  if (auto e = CheckNotBlank(c.company, "company")) return Unexpected(*e);
  if (auto e = CheckNotBlank(c.contact_name, "contact_name")) return Unexpected(*e);
  const bool has_email = c.email && !IsBlank(*c.email);
  const bool has_phone = c.phone && !IsBlank(*c.phone);
  if (!has_email && !has_phone) {
    return Unexpected(
        Invalid("contact_channel_required", "email",
                "email: give an e-mail address or a phone number to follow the lead up"));
  }
  if (has_email && !LooksLikeEmail(*c.email)) {
    return Unexpected(
        Invalid("invalid_email", "email", "email: '" + *c.email + "' is not an e-mail address"));
  }
  if (c.campaign_id && !ctx.directory.FindCampaign(*c.campaign_id)) {
    return Unexpected(
        NotFound("campaign_not_found", "campaign_id",
                 "campaign_id: campaign '" + c.campaign_id->value + "' does not exist"));
  }
  if (c.owner_id) {
    auto owner = RequireActiveEmployee(ctx.directory, *c.owner_id, "owner_id", "owner");
    if (!owner.ok()) return Unexpected(owner.error());
  }
  return Emit<LeadEvent>(LeadCaptured{
      *c.id, c.campaign_id, c.company, c.contact_name, has_email ? c.email : std::nullopt,
      has_phone ? c.phone : std::nullopt, c.interest, c.source, c.owner_id, ctx.actor});
}

Outcome DecideCommand(const LeadState& state, const QualifyLead& c, const DecideContext& ctx) {
  if (auto e = CheckNotConverted(state)) return Unexpected(*e);
  if (state.status == LeadStatus::kQualified) {
    return Unexpected(RuleViolated("lead_already_qualified", "lead_id",
                                   "lead_id: the lead is already qualified"));
  }
  return Emit<LeadEvent>(LeadQualified{state.id, state.campaign_id, c.note, ctx.actor});
}

Outcome DecideCommand(const LeadState& state, const DisqualifyLead& c, const DecideContext& ctx) {
  if (auto e = CheckNotConverted(state)) return Unexpected(*e);
  if (state.status == LeadStatus::kDisqualified) {
    return Unexpected(RuleViolated("lead_already_disqualified", "lead_id",
                                   "lead_id: the lead is already disqualified"));
  }
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  return Emit<LeadEvent>(LeadDisqualified{state.id, state.campaign_id, c.reason, ctx.actor});
}

Outcome DecideCommand(const LeadState& state, const ConvertLead& c, const DecideContext& ctx) {
  if (auto e = CheckNotConverted(state)) return Unexpected(*e);
  if (state.status != LeadStatus::kQualified) {
    return Unexpected(RuleViolated("lead_not_qualified", "lead_id",
                                   "lead_id: the lead is " + std::string(NameOf(state.status)) +
                                       "; qualify it before converting it"));
  }
  if (!c.existing_customer_id && !c.customer_id) return Unexpected(IdRequired("customer_id"));
  if (!c.contact_id) return Unexpected(IdRequired("contact_id"));
  if (!c.opportunity_id) return Unexpected(IdRequired("opportunity_id"));
  if (auto e = CheckNotNegative(c.amount, "amount")) return Unexpected(*e);
  if (c.expected_close_date < Date::Of(ctx.now)) {
    return Unexpected(
        Invalid("close_date_in_past", "expected_close_date",
                "expected_close_date: " + DateText(c.expected_close_date) + " is already past"));
  }
  if (c.opportunity_title) {
    if (auto e = CheckNotBlank(*c.opportunity_title, "opportunity_title")) return Unexpected(*e);
  }
  auto owner = RequireActiveEmployee(ctx.directory, c.owner_id, "owner_id", "owner");
  if (!owner.ok()) return Unexpected(owner.error());
  if (c.existing_customer_id) {
    auto customer =
        RequireUsableCustomer(ctx.directory, *c.existing_customer_id, "existing_customer_id");
    if (!customer.ok()) return Unexpected(customer.error());
  }
  LeadConverted converted;
  converted.lead_id = state.id;
  converted.campaign_id = state.campaign_id;
  converted.customer_id = c.existing_customer_id ? *c.existing_customer_id : *c.customer_id;
  converted.new_customer = !c.existing_customer_id.has_value();
  converted.contact_id = *c.contact_id;
  converted.opportunity_id = *c.opportunity_id;
  converted.owner_id = c.owner_id;
  converted.company = state.company;
  converted.contact_name = state.contact_name;
  converted.email = state.email;
  converted.phone = state.phone;
  converted.opportunity_title = c.opportunity_title.value_or(state.company);
  converted.amount = c.amount;
  converted.expected_close_date = c.expected_close_date;
  converted.source = state.source        ? *state.source
                     : state.campaign_id ? "campaign:" + state.campaign_id->value
                                         : "lead:" + state.id.value;
  converted.converted_by = ctx.actor;
  return Emit<LeadEvent>(std::move(converted));
}

void Apply(LeadState& s, const LeadCaptured& e) {
  s.exists = true;
  s.id = e.lead_id;
  s.campaign_id = e.campaign_id;
  s.company = e.company;
  s.contact_name = e.contact_name;
  s.email = e.email;
  s.phone = e.phone;
  s.source = e.source;
  s.owner_id = e.owner_id;
  s.status = LeadStatus::kCaptured;
}

void Apply(LeadState& s, const LeadQualified&) { s.status = LeadStatus::kQualified; }

void Apply(LeadState& s, const LeadDisqualified&) { s.status = LeadStatus::kDisqualified; }

void Apply(LeadState& s, const LeadConverted& e) {
  s.status = LeadStatus::kConverted;
  s.customer_id = e.customer_id;
  s.opportunity_id = e.opportunity_id;
  s.owner_id = e.owner_id;
}

}  // namespace

Decision<LeadEvent> LeadAggregate::Decide(const State& state, const Command& command,
                                          const DecideContext& context) {
  return std::visit([&](const auto& c) { return DecideCommand(state, c, context); }, command);
}

void LeadAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { Apply(state, e); }, event);
}

}  // namespace dealstream::domain
