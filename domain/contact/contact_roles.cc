// The contact's decision-tree deciders: roles, influence, stance and
// reports-to links per customer and per opportunity.
#include <string>

#include "domain/contact/contact_decide.h"

namespace dealstream::domain::contact_internal {
namespace {

// Longer reports-to chains than this are treated as data corruption
// rather than walked forever.
constexpr int kMaxReportsToChain = 256;

std::string TreeName(const std::optional<Id>& opportunity_id) {
  return opportunity_id ? "the decision tree of opportunity \"" + opportunity_id->value + "\""
                        : std::string("the customer's decision tree");
}

std::optional<DomainError> CheckOpportunity(const ContactState& state,
                                            const std::optional<Id>& opportunity_id,
                                            const Directory& directory) {
  if (!opportunity_id) return std::nullopt;
  std::optional<OpportunityFacts> opportunity = directory.FindOpportunity(*opportunity_id);
  if (!opportunity) {
    return NotFound("opportunity_not_found", "opportunity_id",
                    "opportunity_id: no opportunity has id \"" + opportunity_id->value + "\"");
  }
  if (opportunity->customer_id != state.customer_id) {
    return RuleViolated("opportunity_other_customer", "opportunity_id",
                        "opportunity_id: the opportunity is for customer \"" +
                            opportunity->customer_id.value + "\", not the contact's customer \"" +
                            state.customer_id.value + "\"");
  }
  return std::nullopt;
}

// The reports-to target is another current contact of the same customer,
// and does not report (indirectly) to this contact in the same tree.
std::optional<DomainError> CheckReportsTo(const ContactState& state, const Id& boss,
                                          const std::optional<Id>& opportunity_id,
                                          const Directory& directory) {
  if (boss == state.id) {
    return Invalid("reports_to_self", "reports_to",
                   "reports_to: a contact cannot report to themselves");
  }
  std::optional<ContactFacts> facts = directory.FindContact(boss);
  if (!facts) {
    return NotFound("contact_not_found", "reports_to",
                    "reports_to: no contact has id \"" + boss.value + "\"");
  }
  if (facts->customer_id != state.customer_id) {
    return RuleViolated("reports_to_other_customer", "reports_to",
                        "reports_to: \"" + boss.value + "\" works for another customer");
  }
  if (facts->left_company) {
    return RuleViolated("reports_to_left_company", "reports_to",
                        "reports_to: \"" + boss.value + "\" has left the customer");
  }
  std::optional<Id> above = boss;
  for (int depth = 0; above && depth < kMaxReportsToChain; ++depth) {
    above = directory.ContactReportsTo(*above, opportunity_id);
    if (above == state.id) {
      return RuleViolated("reports_to_cycle", "reports_to",
                          "reports_to: \"" + boss.value + "\" reports to this contact in " +
                              TreeName(opportunity_id));
    }
  }
  return std::nullopt;
}

const ContactRoleState* FindRole(const ContactState& state,
                                 const std::optional<Id>& opportunity_id) {
  return RoleIn(state, opportunity_id);
}

DomainError RoleNotFound(const std::optional<Id>& opportunity_id) {
  return NotFound("contact_role_not_found", opportunity_id ? "opportunity_id" : "contact_id",
                  "the contact has no role in " + TreeName(opportunity_id));
}

}  // namespace

Outcome DecideOne(const ContactState& state, const SetContactRole& c, const DecideContext& ctx) {
  if (auto e = RequireCurrent(state)) return Refuse(*e);
  if (c.influence && (*c.influence < 1 || *c.influence > 5)) {
    return Refuse(Invalid("influence_out_of_range", "influence", "influence: must be within 1–5"));
  }
  bool clear_reports_to = c.clear_reports_to.value_or(false);
  if (clear_reports_to && c.reports_to) {
    return Refuse(Invalid("reports_to_conflict", "clear_reports_to",
                          "clear_reports_to: give reports_to or clear it, not both"));
  }
  if (auto e = CheckOpportunity(state, c.opportunity_id, ctx.directory)) return Refuse(*e);
  if (c.reports_to) {
    if (auto e = CheckReportsTo(state, *c.reports_to, c.opportunity_id, ctx.directory)) {
      return Refuse(*e);
    }
  }
  const Id& contact = c.contact_id;
  const Id& customer = state.customer_id;
  const ContactRoleState* current = FindRole(state, c.opportunity_id);
  if (current == nullptr) {
    return Emit<Event>(ContactRoleAssigned{
        contact, customer, c.opportunity_id, c.role, c.influence.value_or(kDefaultInfluence),
        c.stance.value_or(Stance::kNeutral), clear_reports_to ? std::nullopt : c.reports_to});
  }
  // One specific event per aspect that changed, each with its previous value.
  std::vector<Event> events;
  if (c.role != current->role) {
    events.push_back(
        ContactRoleChanged{contact, customer, c.opportunity_id, c.role, current->role});
  }
  if (c.influence && *c.influence != current->influence) {
    events.push_back(ContactInfluenceChanged{contact, customer, c.opportunity_id, *c.influence,
                                             current->influence});
  }
  if (c.stance && *c.stance != current->stance) {
    events.push_back(ContactStanceChanged{contact, customer, c.opportunity_id, *c.stance,
                                          current->stance, std::nullopt});
  }
  std::optional<Id> reports_to = clear_reports_to ? std::nullopt
                                 : c.reports_to   ? c.reports_to
                                                  : current->reports_to;
  if (reports_to != current->reports_to) {
    events.push_back(ContactReportsToChanged{contact, customer, c.opportunity_id, reports_to,
                                             current->reports_to});
  }
  if (events.empty()) {
    return Refuse(
        RuleViolated("contact_role_unchanged", "role",
                     "role: the contact holds exactly this role in " + TreeName(c.opportunity_id)));
  }
  return events;
}

Outcome DecideOne(const ContactState& state, const ChangeContactStance& c, const DecideContext&) {
  if (auto e = RequireCurrent(state)) return Refuse(*e);
  const ContactRoleState* current = FindRole(state, c.opportunity_id);
  if (current == nullptr) return Refuse(RoleNotFound(c.opportunity_id));
  if (c.stance == current->stance) {
    return Refuse(
        RuleViolated("stance_unchanged", "stance",
                     "stance: the contact is \"" + std::string(NameOf(c.stance)) + "\" already"));
  }
  return Emit<Event>(ContactStanceChanged{c.contact_id, state.customer_id, c.opportunity_id,
                                          c.stance, current->stance, c.note});
}

Outcome DecideOne(const ContactState& state, const RemoveContactRole& c, const DecideContext&) {
  if (auto e = RequireCurrent(state)) return Refuse(*e);
  const ContactRoleState* current = FindRole(state, c.opportunity_id);
  if (current == nullptr) return Refuse(RoleNotFound(c.opportunity_id));
  return Emit<Event>(ContactRoleRemoved{c.contact_id, state.customer_id, c.opportunity_id,
                                        current->role, c.reason});
}

}  // namespace dealstream::domain::contact_internal
