// Customer value (DESIGN §3.11, the seed's "customer mining"): revenue per
// customer in a period and its trend against the preceding period of equal
// length, ABC segmentation by cumulative share of revenue, and flags for
// value customers, customers whose value is changing, and problem
// customers (lost deals, complaints, overdue payments).
// Definitions: docs/projections.md#customer-value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/common/values.h"
#include "projections/books.h"
#include "projections/scope.h"

namespace dealstream::projections {

// A customer's value is "changing" when its revenue moved by at least this
// share of the previous period's revenue (or it had none before and has
// some now).
inline constexpr int64_t kChangingValuePercent = 25;
// ABC thresholds on the cumulative share of revenue, in percent.
inline constexpr int64_t kSegmentAPercent = 80;
inline constexpr int64_t kSegmentBPercent = 95;

struct CustomerValueRow {
  std::string customer_id;
  std::string name;
  std::string owner_id;
  int64_t rank = 0;  // 1 = highest revenue; ties by customer id
  domain::Money revenue;           // won in the period
  int64_t won_count = 0;
  domain::Money previous_revenue;  // won in the preceding period
  int64_t previous_won_count = 0;
  domain::Money change;            // revenue − previous_revenue
  std::optional<double> change_ratio;  // change / previous_revenue; null when that is 0
  std::string trend;               // up | down | flat | new | none
  double share = 0;                // revenue / total revenue (0 when the total is 0)
  double cumulative_share = 0;     // Σ share of this customer and every one ranked above
  std::string segment;             // A | B | C
  int64_t lost_count = 0;          // deals lost in the period
  domain::Money lost_amount;
  int64_t complaints = 0;          // complaints opened in the period
  int64_t overdue_instalments = 0; // open and past due on the reference day, any currency
  bool value_customer = false;     // segment A
  bool changing_value = false;
  bool problem_customer = false;
  std::vector<std::string> problems;  // lost_deals, complaints, overdue_payments
};

struct SegmentSummary {
  std::string segment;
  int64_t customers = 0;
  domain::Money revenue;
};

struct CustomerValueView {
  std::string currency;
  std::string period_start, period_end;    // "2017-01", "2017-12"
  std::string previous_start, previous_end;
  std::string reference_date;              // YYYY-MM-DD: overdue is counted to this day
  domain::Money total_revenue;
  domain::Money previous_total_revenue;
  std::vector<SegmentSummary> segments;    // A, B, C
  std::vector<CustomerValueRow> customers; // by rank
  std::vector<CurrencyCount> other_currencies;  // won deals left out
  uint64_t position = 0;
};

// `reference_day`: the epoch day overdue instalments are counted to; the
// default period (no period filter) is the 12 months ending with its month.
CustomerValueView BuildCustomerValue(const CrmBooks& books, const Scope& scope,
                                     int32_t reference_day);

}  // namespace dealstream::projections
