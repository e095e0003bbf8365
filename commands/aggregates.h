// The list of every aggregate the command service runs. Adding an aggregate
// to the product is one line here.
#pragma once

#include <memory>
#include <tuple>

#include "commands/aggregate_runner.h"
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

namespace dealstream::commands {

template <typename... A>
struct AggregateList {};

using AllAggregates =
    AggregateList<domain::DepartmentAggregate, domain::EmployeeAggregate,
                  domain::SalesTargetAggregate, domain::PartnerAggregate,
                  domain::SalesProcessAggregate, domain::LossReasonsAggregate,
                  domain::ActivityTypesAggregate, domain::CustomFieldsAggregate,
                  domain::CustomerAggregate, domain::ContactAggregate,
                  domain::CompetitorAggregate, domain::CompetingProductAggregate,
                  domain::ProductAggregate, domain::OpportunityAggregate,
                  domain::ContractAggregate, domain::BudgetAggregate, domain::ExpenseAggregate,
                  domain::ServiceRequestAggregate, domain::CarePlanAggregate,
                  domain::CampaignAggregate, domain::LeadAggregate,
                  domain::KnowledgeArticleAggregate, domain::ScoringCriteriaAggregate>;

// One AggregateRunner per aggregate type, sharing the log.
template <typename List>
class RunnerSet;

template <typename... A>
class RunnerSet<AggregateList<A...>> {
 public:
  RunnerSet(const eventstore::EventLog& log, size_t cache_capacity)
      : runners_(std::make_unique<AggregateRunner<A>>(log, cache_capacity)...) {}

  template <typename X>
  AggregateRunner<X>& Get() {
    return *std::get<std::unique_ptr<AggregateRunner<X>>>(runners_);
  }

  // Calls fn.template operator()<X>(runner) for every aggregate X.
  template <typename Fn>
  void ForEach(Fn&& fn) {
    (fn.template operator()<A>(Get<A>()), ...);
  }

 private:
  std::tuple<std::unique_ptr<AggregateRunner<A>>...> runners_;
};

using Runners = RunnerSet<AllAggregates>;

}  // namespace dealstream::commands
