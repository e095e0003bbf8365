// ReadModels queries of the customer value, product performance and
// customer 360 read models (kept apart from read_models.cc so that each
// group of read models is one small file).
#include "projections/read_models.h"

namespace dealstream::projections {
namespace {

// The day overdue figures count to: the as_of day, else the known_at day,
// else today.
int32_t ReferenceDayOf(const AsOf& at, domain::Date today) {
  if (at.as_of) return DayOf(at.as_of->micros());
  if (at.known_at) return DayOf(at.known_at->micros());
  return static_cast<int32_t>(today.epoch_day);
}

}  // namespace

Result<CustomerValueView> ReadModels::CustomerValue(const AsOf& at, const Filters& filters,
                                                    domain::Date today) const {
  const int32_t day = ReferenceDayOf(at, today);
  return Query(at, filters,
               [day](const CrmBooks& b, const Scope& s) { return BuildCustomerValue(b, s, day); });
}

Result<ProductPerformanceView> ReadModels::ProductPerformance(const AsOf& at,
                                                              const Filters& filters) const {
  return Query(at, filters,
               [](const CrmBooks& b, const Scope& s) { return BuildProductPerformance(b, s); });
}

Result<std::optional<Customer360View>> ReadModels::Customer360(
    const AsOf& at, std::string_view customer_id) const {
  return Query(at, Filters{}, [customer_id](const CrmBooks& b, const Scope& s) {
    return BuildCustomer360(b, s.vis, customer_id);
  });
}

}  // namespace dealstream::projections
