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
  std::optional<Id> merged_into;  // the survivor, once merged
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
  std::optional<std::string> product_line;
  bool discontinued = false;  // no longer sold: not for new quotes
};

struct CompetitorFacts {
  Id id;
  std::string name;
};

// One stage of the configured sales process.
struct StageFacts {
  std::string name;          // e.g. "Needs Analysis"
  int32_t probability = 0;   // default win probability, percent 0–100
  // "pipeline", "best_case", "commit", "closed" (the won stage) or
  // "omitted" (the lost stage); see domain/config/sales_process.h.
  std::string forecast_category;
  bool closed = false;       // true for the Closed Won / Closed Lost stages
};

// One criterion of the opportunity scoring questionnaire; answers are rated
// 0–10 and weighted by `weight`.
struct ScoringCriterionFacts {
  std::string name;  // e.g. "budget_secured"
  int32_t weight = 0;
};

// A marketing campaign (domain/marketing/campaign.h).
struct CampaignFacts {
  Id id;
  std::string name;
  bool ended = false;
};

// The budget of one scope for one period (domain/expense/budget.h).
struct BudgetFacts {
  Id id;
  std::string scope;  // "opportunity", "campaign", "department", "employee"
  Id scope_id;
  std::string period;  // "2017-03", "2017-Q1" or "2017"
  Money amount;
};

// Configuration in force (itself built from configuration events).
struct SalesProcessFacts {
  std::vector<StageFacts> stages;  // in process order
  std::vector<std::string> loss_reasons;
  std::vector<std::string> activity_types;
  // The opportunity scoring questionnaire: criteria and their weights.
  // Empty = the default rule set of domain/opportunity (DESIGN §2.3).
  std::vector<ScoringCriterionFacts> scoring_criteria;
};

struct PartnerFacts {
  Id id;
  std::string name;
  bool active = true;  // false once deactivated
};

struct CompetingProductFacts {
  Id id;
  Id competitor_id;
  std::string name;
  std::optional<Money> price;
};

// A custom field defined for an entity type (domain/config/custom_fields.h).
struct CustomFieldFacts {
  std::string entity_type;  // "customer", "contact", "opportunity", "contract"
  std::string key;          // e.g. "erp_account_no"
  std::string type;         // "text", "number", "date", "boolean", "choice"
  std::vector<std::string> choices;  // the allowed values of a "choice" field
};

// The active (not cancelled) sales target of one subject for one period.
struct SalesTargetFacts {
  Id id;
  std::string subject_kind;  // "employee" or "department"
  Id subject_id;
  std::string period;        // "2017-03", "2017-Q1" or "2017"
  Money amount;
};

// What still hangs off a department, which must move before it can close.
struct DepartmentContents {
  std::vector<Id> sub_departments;  // open direct children
  std::vector<Id> employees;        // active employees whose department it is
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
  virtual DepartmentContents ContentsOf(const Id& department_id) const = 0;
  virtual std::optional<PartnerFacts> FindPartner(const Id& id) const = 0;
  virtual std::optional<CompetingProductFacts> FindCompetingProduct(const Id& id) const = 0;
  // The product registered with this SKU (SKUs are unique), if any.
  virtual std::optional<ProductFacts> FindProductBySku(const std::string& sku) const = 0;
  // The definition of a custom field, unless undefined or retired.
  virtual std::optional<CustomFieldFacts> FindCustomField(const std::string& entity_type,
                                                          const std::string& key) const = 0;
  // Whom `contact_id` reports to in the decision tree of its customer
  // (opportunity_id absent) or of one opportunity.
  virtual std::optional<Id> ContactReportsTo(const Id& contact_id,
                                             const std::optional<Id>& opportunity_id) const = 0;
  virtual std::optional<CampaignFacts> FindCampaign(const Id& id) const = 0;
  // The budget set for `scope_id` (of kind `scope`) for exactly `period`.
  virtual std::optional<BudgetFacts> FindBudget(const std::string& scope, const Id& scope_id,
                                                const std::string& period) const = 0;
  virtual std::optional<SalesTargetFacts> FindSalesTarget(const std::string& subject_kind,
                                                          const Id& subject_id,
                                                          const std::string& period) const = 0;
};

}  // namespace dealstream::domain
