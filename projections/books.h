// CrmBooks: all the state of the CRM read models of one projection
// instance — the shared symbols and one "book" per area, each a compact,
// time-travel-capable record of the facts its read models need. Query
// functions (funnel.h, employees.h, …) read books; CrmProjection feeds them.
#pragma once

#include "projections/activity_book.h"
#include "projections/catalog_book.h"
#include "projections/competition_book.h"
#include "projections/contact_book.h"
#include "projections/contract_book.h"
#include "projections/customer_book.h"
#include "projections/expense_book.h"
#include "projections/opportunity_book.h"
#include "projections/org_book.h"
#include "projections/process_book.h"
#include "projections/service_book.h"
#include "projections/symbols.h"

namespace dealstream::projections {

struct CrmBooks {
  CrmBooks() = default;
  CrmBooks(const CrmBooks&) = delete;  // books point at `symbols`
  CrmBooks& operator=(const CrmBooks&) = delete;

  Symbols symbols;
  ProcessBook process;
  OrgBook org{symbols};
  CustomerBook customers{symbols};
  ContactBook contacts{symbols};
  OpportunityBook opportunities{symbols};
  ActivityBook activities{symbols};
  CompetitionBook competition{symbols};
  ContractBook contracts{symbols};
  ExpenseBook expenses{symbols};
  ServiceBook service{symbols};
  CatalogBook catalog{symbols};
  uint64_t position = 0;  // last event applied
};

}  // namespace dealstream::projections
