#include "commands/customer_business.h"

#include <algorithm>

namespace dealstream::commands {

void CustomerBusinessBook::OpportunityOpened(const std::string& customer,
                                             const std::string& opportunity) {
  customers_[customer].open_opportunities.insert(opportunity);
}

void CustomerBusinessBook::OpportunityWon(const std::string& customer,
                                          const std::string& opportunity) {
  Entry& e = customers_[customer];
  e.open_opportunities.erase(opportunity);
  e.won_opportunities.insert(opportunity);
}

void CustomerBusinessBook::OpportunityClosedWithoutWin(const std::string& customer,
                                                       const std::string& opportunity) {
  customers_[customer].open_opportunities.erase(opportunity);
}

void CustomerBusinessBook::OpportunityReopened(const std::string& customer,
                                               const std::string& opportunity) {
  Entry& e = customers_[customer];
  e.won_opportunities.erase(opportunity);  // a reopened win is no longer a purchase
  e.open_opportunities.insert(opportunity);
}

void CustomerBusinessBook::ContractSigned(const std::string& customer, const std::string& contract) {
  Entry& e = customers_[customer];
  e.signed_contracts.insert(contract);
  e.active_contracts.insert(contract);
}

void CustomerBusinessBook::ContractEnded(const std::string& customer, const std::string& contract) {
  customers_[customer].active_contracts.erase(contract);
}

void CustomerBusinessBook::Activity(const std::string& customer, Timestamp at) {
  std::optional<Timestamp>& last = customers_[customer].last_activity;
  if (!last || *last < at) last = at;
}

domain::CustomerBusiness CustomerBusinessBook::Of(const std::string& customer, Timestamp now) const {
  domain::CustomerBusiness b;
  auto it = customers_.find(customer);
  if (it == customers_.end()) return b;
  const Entry& e = it->second;
  b.open_opportunities = static_cast<int32_t>(e.open_opportunities.size());
  b.won_opportunities = static_cast<int32_t>(e.won_opportunities.size());
  b.signed_contracts = static_cast<int32_t>(e.signed_contracts.size());
  b.active_contracts = static_cast<int32_t>(e.active_contracts.size());
  if (e.last_activity) {
    b.days_since_last_activity =
        static_cast<int32_t>(std::max<int64_t>(0, now.EpochDay() - e.last_activity->EpochDay()));
  }
  return b;
}

}  // namespace dealstream::commands
