// Every aggregate of the domain, one line each: registering an aggregate
// makes its commands and events known to the codec, the schema generator
// and the schema drift test.
#include "codec/registry.h"
#include "domain/catalog/competing_product.h"
#include "domain/catalog/competitor.h"
#include "domain/catalog/product.h"
#include "domain/config/activity_types.h"
#include "domain/config/custom_fields.h"
#include "domain/config/loss_reasons.h"
#include "domain/config/sales_process.h"
#include "domain/config/scoring_criteria.h"
#include "domain/contact/contact.h"
#include "domain/contract/contract.h"
#include "domain/customer/customer.h"
#include "domain/expense/budget.h"
#include "domain/expense/expense.h"
#include "domain/knowledge/knowledge_article.h"
#include "domain/marketing/campaign.h"
#include "domain/marketing/lead.h"
#include "domain/opportunity/opportunity.h"
#include "domain/organisation/department.h"
#include "domain/organisation/employee.h"
#include "domain/organisation/partner.h"
#include "domain/organisation/sales_target.h"
#include "domain/service/care_plan.h"
#include "domain/service/service_request.h"

namespace dealstream::codec {
namespace {

Registry BuildDomainRegistry() {
  using namespace dealstream::domain;  // NOLINT: the list reads better unqualified
  Registry r;
  r.RegisterAggregate<DepartmentAggregate>();
  r.RegisterAggregate<EmployeeAggregate>();
  r.RegisterAggregate<SalesTargetAggregate>();
  r.RegisterAggregate<PartnerAggregate>();
  r.RegisterAggregate<SalesProcessAggregate>();
  r.RegisterAggregate<LossReasonsAggregate>();
  r.RegisterAggregate<ActivityTypesAggregate>();
  r.RegisterAggregate<CustomFieldsAggregate>();
  r.RegisterAggregate<ScoringCriteriaAggregate>();
  r.RegisterAggregate<CustomerAggregate>();
  r.RegisterAggregate<ContactAggregate>();
  r.RegisterAggregate<OpportunityAggregate>();
  r.RegisterAggregate<ProductAggregate>();
  r.RegisterAggregate<CompetitorAggregate>();
  r.RegisterAggregate<CompetingProductAggregate>();
  r.RegisterAggregate<ContractAggregate>();
  r.RegisterAggregate<BudgetAggregate>();
  r.RegisterAggregate<ExpenseAggregate>();
  r.RegisterAggregate<ServiceRequestAggregate>();
  r.RegisterAggregate<CarePlanAggregate>();
  r.RegisterAggregate<CampaignAggregate>();
  r.RegisterAggregate<LeadAggregate>();
  r.RegisterAggregate<KnowledgeArticleAggregate>();
  return r;
}

}  // namespace

const Registry& DomainRegistry() {
  static const Registry registry = BuildDomainRegistry();
  return registry;
}

}  // namespace dealstream::codec
