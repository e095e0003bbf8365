// Directory: read-only facts about OTHER records that a decision needs
// (does the customer exist? is the approver a manager of the owner's
// department? which stages does the sales process have?).
//
// The command service implements it from the log; tests use a fake. Facts
// are plain values, so Decide stays pure. Extend this interface by adding
// methods when a new rule needs a new fact; keep each fact minimal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/common/values.h"

namespace dealstream::domain {

struct DepartmentFacts {
  Id id;
  std::string name;
  std::optional<Id> parent_id;
  std::optional<Id> manager_id;  // the employee who manages this department, if any
  bool active = true;
};

struct EmployeeFacts {
  Id id;
  std::string name;
  Id department_id;
  // Organisational role as hired, e.g. "sales", "presales", "manager",
  // "director", "service", "finance" (see the employee aggregate).
  std::string role;
  std::optional<Id> manager_id;
  bool active = true;  // false once the employee has left
};

struct CustomerFacts {
  Id id;
  std::string name;
  std::optional<Id> owner_id;
  std::optional<Id> department_id;
  std::string lifecycle;  // "target", "potential", "opportunity", "signed", "loyal", "churned"
  bool archived = false;
  bool merged = false;     // merged into another customer; no longer usable
};

struct ContactFacts {
  Id id;
  Id customer_id;
  bool left_company = false;
};

struct OpportunityFacts {
  Id id;
  Id customer_id;
  Id owner_id;
  std::optional<Id> department_id;
  std::string status;  // "open", "won", "lost", "abandoned"
  Money amount;        // expected amount, or the final amount once won
};

struct ContractFacts {
  Id id;
  Id customer_id;
  std::string status;  // "draft", "pending_approval", "approved", "signed", ...
};

struct ProductFacts {
  Id id;
  std::string sku;
  std::string name;
  Money list_price;
};

struct CompetitorFacts {
  Id id;
  std::string name;
};

// One stage of the configured sales process.
struct StageFacts {
  std::string name;          // e.g. "Needs Analysis"
  int32_t probability = 0;   // default win probability, percent 0–100
  std::string forecast_category;  // "pipeline", "best_case", "commit", "closed"
  bool closed = false;       // true for the Closed Won / Closed Lost stages
};

// Configuration in force (itself built from configuration events).
struct SalesProcessFacts {
  std::vector<StageFacts> stages;  // in process order
  std::vector<std::string> loss_reasons;
  std::vector<std::string> activity_types;
};

// Everything an employee still owns that must be handed over before they leave.
struct OpenWork {
  std::vector<Id> customers;
  std::vector<Id> opportunities;
  std::vector<Id> service_requests;
};

class Directory {
 public:
  virtual ~Directory() = default;

  virtual std::optional<DepartmentFacts> FindDepartment(const Id& id) const = 0;
  virtual std::optional<EmployeeFacts> FindEmployee(const Id& id) const = 0;
  virtual std::optional<CustomerFacts> FindCustomer(const Id& id) const = 0;
  virtual std::optional<ContactFacts> FindContact(const Id& id) const = 0;
  virtual std::optional<OpportunityFacts> FindOpportunity(const Id& id) const = 0;
  virtual std::optional<ContractFacts> FindContract(const Id& id) const = 0;
  virtual std::optional<ProductFacts> FindProduct(const Id& id) const = 0;
  virtual std::optional<CompetitorFacts> FindCompetitor(const Id& id) const = 0;
  virtual SalesProcessFacts SalesProcess() const = 0;
  virtual OpenWork OpenWorkOf(const Id& employee_id) const = 0;
  // True if `ancestor` is `department` or one of its parents.
  virtual bool IsWithinDepartment(const Id& department, const Id& ancestor) const = 0;
};

}  // namespace dealstream::domain
