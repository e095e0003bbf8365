#include "domain/contact/contact.h"

#include "domain/common/change.h"
#include "domain/common/checks.h"
#include "domain/common/text_rules.h"
#include "domain/contact/contact_decide.h"

namespace dealstream::domain {
namespace contact_internal {
namespace {

std::optional<DomainError> CheckEmail(const std::optional<std::string>& email) {
  if (email && !email->empty() && !LooksLikeEmail(*email)) {
    return Invalid("email_invalid", "email", "email: \"" + *email + "\" is not an e-mail address");
  }
  return std::nullopt;
}

std::optional<DomainError> CheckBirthday(const std::optional<Date>& birthday, Timestamp now) {
  if (birthday && *birthday > Date::Of(now)) {
    return Invalid("birthday_in_future", "birthday",
                   "birthday: " + DateText(*birthday) + " is in the future");
  }
  return std::nullopt;
}

}  // namespace

std::optional<DomainError> RequireCurrent(const ContactState& state) {
  if (!state.exists) {
    return NotFound("contact_not_found", "contact_id", "contact_id: no such contact");
  }
  if (state.left_company) {
    return RuleViolated("contact_left_company", "contact_id",
                        "contact_id: \"" + state.id.value + "\" has left customer \"" +
                            state.customer_id.value + "\"");
  }
  return std::nullopt;
}

Outcome DecideOne(const ContactState& state, const AddContact& c, const DecideContext& ctx) {
  if (!c.id) {
    return Refuse(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Refuse(AlreadyExists("contact_exists", "contact \"" + c.id->value + "\" exists"));
  }
  auto customer = RequireUsableCustomer(ctx.directory, c.customer_id, "customer_id");
  if (!customer.ok()) return Refuse(customer.error());
  if (IsBlank(c.name)) return Refuse(Invalid("name_blank", "name", "name: must not be blank"));
  if (auto e = CheckEmail(c.email)) return Refuse(*e);
  if (auto e = CheckBirthday(c.birthday, ctx.now)) return Refuse(*e);
  return Emit<Event>(ContactAdded{*c.id, c.customer_id, NonEmpty(c.title), NonEmpty(c.department),
                                  ContactPersonalData{c.name, NonEmpty(c.phone), NonEmpty(c.email),
                                                      NonEmpty(c.interests), c.birthday}});
}

Outcome DecideOne(const ContactState& state, const UpdateContact& c, const DecideContext& ctx) {
  // Details of a contact who left may still be corrected.
  if (!state.exists) {
    return Refuse(NotFound("contact_not_found", "contact_id", "contact_id: no such contact"));
  }
  if (c.name && IsBlank(*c.name)) {
    return Refuse(Invalid("name_blank", "name", "name: must not be blank"));
  }
  if (auto e = CheckEmail(c.email)) return Refuse(*e);
  if (auto e = CheckBirthday(c.birthday, ctx.now)) return Refuse(*e);
  bool clear_birthday = c.clear_birthday.value_or(false);
  if (clear_birthday && c.birthday) {
    return Refuse(Invalid("birthday_conflict", "clear_birthday",
                          "clear_birthday: give a birthday or clear it, not both"));
  }
  ContactPersonalChanges personal;
  const ContactPersonalData& now = state.personal;
  personal.name = DiffText(c.name, now.name);
  personal.phone = DiffText(c.phone, now.phone);
  personal.email = DiffText(c.email, now.email);
  personal.interests = DiffText(c.interests, now.interests);
  std::optional<Date> birthday = clear_birthday ? std::nullopt
                                 : c.birthday   ? c.birthday
                                                : now.birthday;
  if (birthday != now.birthday) personal.birthday = DateChange{birthday, now.birthday};

  ContactUpdated event{c.contact_id, state.customer_id};
  event.title = DiffText(c.title, state.title);
  event.department = DiffText(c.department, state.department);
  if (personal != ContactPersonalChanges{}) event.personal = personal;
  if (event == ContactUpdated{c.contact_id, state.customer_id}) {
    return Refuse(
        RuleViolated("nothing_to_update", "", "the update changes no field of the contact"));
  }
  return Emit<Event>(std::move(event));
}

Outcome DecideOne(const ContactState& state, const RecordContactJobChange& c,
                  const DecideContext& ctx) {
  if (auto e = RequireCurrent(state)) return Refuse(*e);
  if (c.new_customer_id) {
    if (*c.new_customer_id == state.customer_id) {
      return Refuse(Invalid("new_customer_is_current", "new_customer_id",
                            "new_customer_id: the contact already works for this customer"));
    }
    auto customer = RequireUsableCustomer(ctx.directory, *c.new_customer_id, "new_customer_id");
    if (!customer.ok()) return Refuse(customer.error());
  }
  return Emit<Event>(ContactLeftCompany{c.contact_id, state.customer_id, c.new_customer_id,
                                        NonEmpty(c.new_company), NonEmpty(c.new_title), c.note});
}

Outcome DecideOne(const ContactState& state, const SetContactCustomFields& c,
                  const DecideContext& ctx) {
  if (auto e = RequireCurrent(state)) return Refuse(*e);
  auto changes = DiffCustomFieldValues("contact", state.custom_fields, c.values, ctx.directory);
  if (!changes.ok()) return Refuse(changes.error());
  return Emit<Event>(ContactCustomFieldsSet{c.contact_id, {std::move(*changes)}});
}

namespace {

void EvolveOne(ContactState& s, const ContactAdded& e) {
  s.exists = true;
  s.id = e.contact_id;
  s.customer_id = e.customer_id;
  s.title = e.title;
  s.department = e.department;
  s.personal = e.personal;
}
void EvolveOne(ContactState& s, const ContactUpdated& e) {
  ApplyChange(e.title, s.title);
  ApplyChange(e.department, s.department);
  if (!e.personal) return;
  // The name is required, so its change always carries a value.
  if (e.personal->name && e.personal->name->value) s.personal.name = *e.personal->name->value;
  ApplyChange(e.personal->phone, s.personal.phone);
  ApplyChange(e.personal->email, s.personal.email);
  ApplyChange(e.personal->interests, s.personal.interests);
  if (e.personal->birthday) s.personal.birthday = e.personal->birthday->value;
}
void EvolveOne(ContactState& s, const ContactCustomFieldsSet& e) {
  ApplyCustomFieldChanges(s.custom_fields, e.personal.changes);
}
void EvolveOne(ContactState& s, const ContactLeftCompany&) {
  s.left_company = true;
  s.roles.clear();
}
ContactRoleState& RoleToChange(ContactState& s, const std::optional<Id>& opportunity_id) {
  for (ContactRoleState& r : s.roles) {
    if (r.opportunity_id == opportunity_id) return r;
  }
  // Decide only emits changes to an existing role; an event stream that
  // says otherwise starts the role from its defaults.
  return s.roles.emplace_back(ContactRoleState{.opportunity_id = opportunity_id});
}

void EvolveOne(ContactState& s, const ContactRoleAssigned& e) {
  RoleToChange(s, e.opportunity_id) =
      ContactRoleState{e.opportunity_id, e.role, e.influence, e.stance, e.reports_to};
}
void EvolveOne(ContactState& s, const ContactRoleChanged& e) {
  RoleToChange(s, e.opportunity_id).role = e.role;
}
void EvolveOne(ContactState& s, const ContactInfluenceChanged& e) {
  RoleToChange(s, e.opportunity_id).influence = e.influence;
}
void EvolveOne(ContactState& s, const ContactStanceChanged& e) {
  RoleToChange(s, e.opportunity_id).stance = e.stance;
}
void EvolveOne(ContactState& s, const ContactReportsToChanged& e) {
  RoleToChange(s, e.opportunity_id).reports_to = e.reports_to;
}
void EvolveOne(ContactState& s, const ContactRoleRemoved& e) {
  std::erase_if(s.roles, [&](const ContactRoleState& r) { return r.opportunity_id == e.opportunity_id; });
}

}  // namespace
}  // namespace contact_internal

Decision<ContactAggregate::Event> ContactAggregate::Decide(const State& state,
                                                           const Command& command,
                                                           const DecideContext& ctx) {
  return std::visit([&](const auto& c) { return contact_internal::DecideOne(state, c, ctx); },
                    command);
}

void ContactAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { contact_internal::EvolveOne(state, e); }, event);
}

std::optional<ContactFacts> FactsOf(const ContactState& state) {
  if (!state.exists) return std::nullopt;
  return ContactFacts{state.id, state.customer_id, state.left_company};
}

const ContactRoleState* RoleIn(const ContactState& state, const std::optional<Id>& opportunity_id) {
  for (const ContactRoleState& r : state.roles) {
    if (r.opportunity_id == opportunity_id) return &r;
  }
  return nullptr;
}

std::optional<Id> ReportsToIn(const ContactState& state, const std::optional<Id>& opportunity_id) {
  const ContactRoleState* role = RoleIn(state, opportunity_id);
  return role ? role->reports_to : std::nullopt;
}

}  // namespace dealstream::domain
