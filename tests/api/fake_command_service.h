// A CommandService for the API's tests, standing in for the real one: it
// appends real events to a real EventLog (so group commit, idempotency and
// conflicts come from the log itself) and knows three command types:
//
//   RegisterCustomer {id?, name, owner_id}  creates "customer-<id>"
//   RenameCustomer   {customer_id, name}    changes an existing customer
//   RegisterDepartment {id?, name}          creates "department-<id>", no owner
//
// Rules: the body must be a JSON object (kMalformed); "name" is a required
// non-empty string (kInvalid, field "name"); unknown fields are refused
// (kInvalid); a name of "Blocked" breaks a business rule (kRuleViolated);
// RenameCustomer of an unknown customer is kNotFound. The authorize hook
// sees the customer's owner.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "commands/command_service.h"
#include "eventstore/event_log.h"

namespace dealstream::api::testing {

class FakeCommandService final : public commands::CommandService {
 public:
  explicit FakeCommandService(eventstore::EventLog& log) : log_(log) {}

  commands::CommandOutcome Execute(const commands::CommandRequest& request) override;
  void ExecuteAsync(commands::CommandRequest request,
                    std::function<void(commands::CommandOutcome)> done) override;
  std::vector<std::string> CommandTypes() const override;

  // How many commands reached the log (for "nothing was written" checks).
  size_t appended() const;

 private:
  eventstore::EventLog& log_;
  mutable std::mutex mu_;
  std::map<std::string, std::string> owners_;  // customer id -> owner id
  size_t appended_ = 0;
};

}  // namespace dealstream::api::testing
