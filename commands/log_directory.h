// LogDirectory: the Directory of facts, answered by folding the records'
// streams (through the runners' caches), plus lookup indexes (by SKU, by
// owner, by parent department, by scope and period) kept current in two
// ways: the command service reports each record it changed right after the
// commit (so a rule such as "SKUs are unique" sees the previous command), and
// a subscription to the log fills them at start-up and catches changes
// written by anyone else.
//
// Thread-safe.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "commands/aggregates.h"
#include "commands/keyed_index.h"
#include "domain/common/directory.h"
#include "eventstore/subscription.h"

namespace dealstream::commands {

class LogDirectory final : public domain::Directory {
 public:
  // `runners` and `log` must outlive the directory.
  LogDirectory(const eventstore::EventLog& log, Runners& runners);
  ~LogDirectory() override;

  // Re-derives the indexed facts of one record after it changed.
  void Track(const eventstore::StreamName& stream);
  // True once the indexes have read the whole log once.
  bool caught_up() const { return subscription_->caught_up(); }
  // Waits up to `timeout` for caught_up(); returns it.
  bool WaitCaughtUp(std::chrono::milliseconds timeout) const;

  std::optional<domain::DepartmentFacts> FindDepartment(const domain::Id& id) const override;
  std::optional<domain::EmployeeFacts> FindEmployee(const domain::Id& id) const override;
  std::optional<domain::CustomerFacts> FindCustomer(const domain::Id& id) const override;
  std::optional<domain::ContactFacts> FindContact(const domain::Id& id) const override;
  std::optional<domain::OpportunityFacts> FindOpportunity(const domain::Id& id) const override;
  std::optional<domain::ContractFacts> FindContract(const domain::Id& id) const override;
  std::optional<domain::ProductFacts> FindProduct(const domain::Id& id) const override;
  std::optional<domain::CompetitorFacts> FindCompetitor(const domain::Id& id) const override;
  domain::SalesProcessFacts SalesProcess() const override;
  domain::OpenWork OpenWorkOf(const domain::Id& employee_id) const override;
  bool IsWithinDepartment(const domain::Id& department, const domain::Id& ancestor) const override;
  domain::DepartmentContents ContentsOf(const domain::Id& department_id) const override;
  std::optional<domain::PartnerFacts> FindPartner(const domain::Id& id) const override;
  std::optional<domain::CompetingProductFacts> FindCompetingProduct(
      const domain::Id& id) const override;
  std::optional<domain::ProductFacts> FindProductBySku(const std::string& sku) const override;
  std::optional<domain::CustomFieldFacts> FindCustomField(const std::string& entity_type,
                                                          const std::string& key) const override;
  std::optional<domain::Id> ContactReportsTo(
      const domain::Id& contact_id, const std::optional<domain::Id>& opportunity_id) const override;
  std::optional<domain::CampaignFacts> FindCampaign(const domain::Id& id) const override;
  std::optional<domain::BudgetFacts> FindBudget(const std::string& scope,
                                                const domain::Id& scope_id,
                                                const std::string& period) const override;
  std::optional<domain::SalesTargetFacts> FindSalesTarget(const std::string& subject_kind,
                                                          const domain::Id& subject_id,
                                                          const std::string& period) const override;

 private:
  void TrackDepartment(const domain::Id& id);
  void TrackEmployee(const domain::Id& id);
  void TrackCustomer(const domain::Id& id);
  void TrackOpportunity(const domain::Id& id);
  void TrackProduct(const domain::Id& id);
  void TrackBudget(const domain::Id& id);
  void TrackSalesTarget(const domain::Id& id);
  void TrackServiceRequest(const domain::Id& id);

  Runners& runners_;
  // Which index to refresh for a record of each category.
  std::map<std::string, void (LogDirectory::*)(const domain::Id&), std::less<>> trackers_;
  mutable std::mutex mu_;
  KeyedIndex departments_by_parent_;   // open departments
  KeyedIndex employees_by_department_; // active employees
  KeyedIndex customers_by_owner_;      // neither archived nor merged
  KeyedIndex opportunities_by_owner_;  // open opportunities
  KeyedIndex requests_by_assignee_;    // service requests not closed
  KeyedIndex products_by_sku_;
  KeyedIndex budgets_by_scope_;        // key: scope|scope_id|period
  KeyedIndex targets_by_subject_;      // key: kind|subject_id|period
  // The catch-up over the log stored at start: Track reads a record's latest
  // state, so it runs once per record (again only for an event newer than
  // the head it saw), not once per event. Subscription thread only; emptied
  // once past `start_head_`.
  const eventstore::EventLog& log_;
  uint64_t start_head_ = 0;
  std::unordered_map<std::string, uint64_t> tracked_at_;
  std::unique_ptr<eventstore::CatchUpSubscription> subscription_;
};

}  // namespace dealstream::commands
