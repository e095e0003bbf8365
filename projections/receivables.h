// Contract execution and receivables (DESIGN §3.5): per contract signed,
// invoiced, received and outstanding amounts and its instalments (paid,
// open, days past due); rolled up per customer and in total, with aging
// buckets of the open instalments and delivery progress (current, 1–30, 31–60, 61–90, over 90
// days past due) on an aging day. Definitions:
// docs/projections.md#receivables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/common/values.h"
#include "projections/books.h"
#include "projections/scope.h"

namespace dealstream::projections {

// Open instalment amounts by days past due on the aging day.
struct AgingBuckets {
  domain::Money current;  // not yet due (due on or after the aging day)
  domain::Money days_1_30;
  domain::Money days_31_60;
  domain::Money days_61_90;
  domain::Money over_90;
};

// Delivery batches of the plan in force, and how far they got.
struct DeliveryProgress {
  int64_t batches = 0;
  int64_t shipped = 0;   // batches with a shipment recorded
  int64_t accepted = 0;  // batches the customer accepted
  int64_t overdue = 0;   // not shipped, due before the aging day (signed contracts)
};

struct ReceivableFigures {
  int64_t contracts = 0;
  domain::Money total;        // contract totals in force
  domain::Money invoiced;     // Σ invoices issued
  domain::Money received;     // Σ payments received
  domain::Money outstanding;  // total − received of signed contracts
  domain::Money overdue;      // open instalments past due
  domain::Money unscheduled;  // outstanding not covered by an instalment plan
  domain::Money written_off;  // total − received of terminated contracts
  AgingBuckets aging;
  DeliveryProgress deliveries;
};

struct InstalmentRow {
  std::string instalment_id;
  std::string due_date;  // YYYY-MM-DD
  domain::Money amount;
  domain::Money invoiced;  // invoices issued against it
  domain::Money paid;      // payments against it, then unallocated ones (oldest due first)
  domain::Money open;      // amount − paid
  int32_t days_past_due = 0;  // 0 when not open or not yet due
};

struct ContractReceivable {
  std::string contract_id;
  std::string customer_id;
  std::string owner_id;
  std::string department_id;
  std::string status;                      // domain::ContractStatus name at the instant
  std::optional<std::string> signed_date;  // YYYY-MM-DD
  ReceivableFigures figures;               // contracts = 1
  std::vector<InstalmentRow> instalments;  // by due date, then id
};

struct CustomerReceivable {
  std::string customer_id;
  std::string name;
  ReceivableFigures figures;
};

struct ReceivablesView {
  std::string currency;
  std::string aging_date;  // YYYY-MM-DD
  ReceivableFigures totals;
  std::vector<CustomerReceivable> customers;  // by outstanding, then id
  std::vector<ContractReceivable> contracts;  // by contract id
  std::vector<CurrencyCount> other_currencies;
  uint64_t position = 0;
};

// `aging_day`: the epoch day days past due are counted to.
ReceivablesView BuildReceivables(const CrmBooks& books, const Scope& scope, int32_t aging_day);

}  // namespace dealstream::projections
