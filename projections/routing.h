// The table from stored event type to decoder and books (CrmProjection).
//
// Every event type of the aggregates the read models use is registered
// once, from the aggregates' Event variants: its decoder is the codec's
// event decoder for that aggregate (upcasting older schema versions, then
// the strict simdjson path), and its sink routes the typed event
// (std::visit inside each book) to the books that care.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "domain/catalog/competing_product.h"
#include "domain/catalog/competitor.h"
#include "domain/catalog/product.h"
#include "domain/config/sales_process.h"
#include "domain/contact/contact.h"
#include "domain/contract/contract.h"
#include "domain/customer/customer.h"
#include "domain/expense/budget.h"
#include "domain/expense/expense.h"
#include "domain/opportunity/opportunity.h"
#include "domain/organisation/department.h"
#include "domain/organisation/employee.h"
#include "domain/organisation/sales_target.h"
#include "domain/service/care_plan.h"
#include "domain/service/service_request.h"
#include "projections/books.h"

namespace dealstream::projections {

// A decoded event of any routed aggregate (monostate: none yet).
using DecodedEvent =
    std::variant<std::monostate, domain::OpportunityEvent, domain::DepartmentAggregate::Event,
                 domain::EmployeeAggregate::Event, domain::SalesTargetAggregate::Event,
                 domain::CustomerAggregate::Event, domain::ContactAggregate::Event,
                 domain::SalesProcessAggregate::Event, domain::CompetitorAggregate::Event,
                 domain::ProductAggregate::Event, domain::CompetingProductAggregate::Event,
                 domain::ContractAggregate::Event, domain::BudgetAggregate::Event,
                 domain::ExpenseAggregate::Event, domain::ServiceRequestAggregate::Event,
                 domain::CarePlanAggregate::Event>;

// Two halves, so that decoding (which reads no book) can run apart from
// applying (CrmProjection::Prepare).
struct EventRoute {
  // Decodes `data` (stored with `schema_version`) as event `type` into
  // `out`; a problem description on failure (`out` is then unspecified).
  std::optional<std::string> (*decode)(std::string_view type, uint32_t schema_version,
                                       std::string_view data, DecodedEvent* out) = nullptr;
  // Applies an event this route's `decode` produced.
  void (*apply)(CrmBooks& books, const EventMeta& meta, const DecodedEvent& event) = nullptr;
};

// The route of an event type, or nullptr when no read model needs it.
// Thread-safe.
const EventRoute* FindRoute(std::string_view type);

}  // namespace dealstream::projections
