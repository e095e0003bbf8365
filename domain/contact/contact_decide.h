// Internal to the contact aggregate: its deciders, split over two files
// (details in contact.cc, decision-tree roles in contact_roles.cc).
#pragma once

#include <optional>
#include <string>

#include "domain/contact/contact.h"

namespace dealstream::domain::contact_internal {

using Event = ContactAggregate::Event;
using Outcome = Decision<Event>;

inline Outcome Refuse(DomainError error) { return Unexpected(std::move(error)); }

// The contact exists and has not left the customer.
std::optional<DomainError> RequireCurrent(const ContactState& state);

Outcome DecideOne(const ContactState& state, const AddContact& c, const DecideContext& ctx);
Outcome DecideOne(const ContactState& state, const UpdateContact& c, const DecideContext& ctx);
Outcome DecideOne(const ContactState& state, const RecordContactJobChange& c,
                  const DecideContext& ctx);
Outcome DecideOne(const ContactState& state, const SetContactRole& c, const DecideContext& ctx);
Outcome DecideOne(const ContactState& state, const ChangeContactStance& c,
                  const DecideContext& ctx);
Outcome DecideOne(const ContactState& state, const RemoveContactRole& c, const DecideContext& ctx);
Outcome DecideOne(const ContactState& state, const SetContactCustomFields& c,
                  const DecideContext& ctx);

}  // namespace dealstream::domain::contact_internal
