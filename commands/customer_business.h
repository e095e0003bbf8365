// CustomerBusinessBook: per customer, the counts the lifecycle policy needs
// (open and won opportunities, signed and active contracts, last activity),
// kept by the process managers from the events they read. Not thread-safe.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "domain/customer/lifecycle_policy.h"

namespace dealstream::commands {

class CustomerBusinessBook {
 public:
  void OpportunityOpened(const std::string& customer, const std::string& opportunity);
  void OpportunityWon(const std::string& customer, const std::string& opportunity);
  void OpportunityClosedWithoutWin(const std::string& customer, const std::string& opportunity);
  void OpportunityReopened(const std::string& customer, const std::string& opportunity);
  void ContractSigned(const std::string& customer, const std::string& contract);
  void ContractEnded(const std::string& customer, const std::string& contract);
  void Activity(const std::string& customer, Timestamp at);

  // The counts as of `now` (for days since the last activity).
  domain::CustomerBusiness Of(const std::string& customer, Timestamp now) const;

 private:
  struct Entry {
    std::set<std::string> open_opportunities;
    std::set<std::string> won_opportunities;
    std::set<std::string> signed_contracts;
    std::set<std::string> active_contracts;
    std::optional<Timestamp> last_activity;
  };
  std::map<std::string, Entry> customers_;
};

}  // namespace dealstream::commands
