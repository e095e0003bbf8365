// Internal to the customer aggregate: its deciders, split over two files
// (profile and ownership in customer.cc, merge and lifecycle in
// customer_lifecycle.cc).
#pragma once

#include <optional>

#include "domain/customer/customer.h"

namespace dealstream::domain::customer_internal {

using Event = CustomerAggregate::Event;
using Outcome = Decision<Event>;

inline Outcome Refuse(DomainError error) { return Unexpected(std::move(error)); }

// The customer exists, is not merged away and, unless `allow_archived`,
// is not archived.
std::optional<DomainError> RequireUsable(const CustomerState& state, bool allow_archived = false);

Outcome DecideOne(const CustomerState& state, const RegisterCustomer& c, const DecideContext& ctx);
Outcome DecideOne(const CustomerState& state, const UpdateCustomerProfile& c,
                  const DecideContext& ctx);
Outcome DecideOne(const CustomerState& state, const SetCustomerCustomFields& c,
                  const DecideContext& ctx);
Outcome DecideOne(const CustomerState& state, const AssignCustomer& c, const DecideContext& ctx);
Outcome DecideOne(const CustomerState& state, const ArchiveCustomer& c, const DecideContext& ctx);
Outcome DecideOne(const CustomerState& state, const RestoreCustomer& c, const DecideContext& ctx);
Outcome DecideOne(const CustomerState& state, const MergeCustomer& c, const DecideContext& ctx);
Outcome DecideOne(const CustomerState& state, const RecordMergedDuplicate& c,
                  const DecideContext& ctx);
Outcome DecideOne(const CustomerState& state, const ChangeCustomerLifecycle& c,
                  const DecideContext& ctx);
Outcome DecideOne(const CustomerState& state, const DeriveCustomerLifecycle& c,
                  const DecideContext& ctx);

void EvolveAny(CustomerState& state, const Event& event);

}  // namespace dealstream::domain::customer_internal
