#include "commands/log_directory.h"

namespace dealstream::commands {
namespace {

using domain::Id;

// The state of aggregate X's record `id`, or nullopt if it has no events.
template <typename X>
std::optional<typename X::State> LoadState(Runners& runners, const Id& id) {
  auto loaded = runners.Get<X>().LoadId(id.value);
  if (!loaded.ok() || loaded->version == 0) return std::nullopt;
  return std::move(loaded->state);
}

// FactsOf(state) for a record that exists, whether FactsOf answers a value
// or an optional.
template <typename X, typename Facts>
std::optional<Facts> FindFacts(Runners& runners, const Id& id) {
  auto state = LoadState<X>(runners, id);
  if (!state) return std::nullopt;
  return domain::FactsOf(*state);
}

template <typename X>
std::optional<typename X::State> LoadConfig(Runners& runners) {
  return LoadState<X>(runners, Id{std::string(X::kFixedId)});
}

std::string Key(std::initializer_list<std::string_view> parts) {
  std::string key;
  for (std::string_view p : parts) key.append(p).push_back('|');
  return key;
}

Id IdOf(const std::string& record) { return Id{record}; }

}  // namespace

LogDirectory::LogDirectory(const eventstore::EventLog& log, Runners& runners)
    : runners_(runners),
      trackers_{{"department", &LogDirectory::TrackDepartment},
                {"employee", &LogDirectory::TrackEmployee},
                {"customer", &LogDirectory::TrackCustomer},
                {"opportunity", &LogDirectory::TrackOpportunity},
                {"product", &LogDirectory::TrackProduct},
                {"budget", &LogDirectory::TrackBudget},
                {"sales_target", &LogDirectory::TrackSalesTarget},
                {"service_request", &LogDirectory::TrackServiceRequest}},
      log_(log),
      start_head_(log.Head().position.value) {
  eventstore::ReadFilter filter;
  for (const auto& [category, tracker] : trackers_) filter.categories.push_back(category);
  subscription_ = std::make_unique<eventstore::CatchUpSubscription>(
      log, eventstore::GlobalPosition{1}, std::move(filter),
      [this](const eventstore::RecordedEvent& e) {
        if (e.position.value > start_head_) {
          if (!tracked_at_.empty()) tracked_at_ = {};
          Track(e.stream);
          return true;
        }
        auto [seen, fresh] = tracked_at_.try_emplace(e.stream.str(), 0);
        if (!fresh && e.position.value <= seen->second) return true;  // already reflected
        seen->second = log_.Head().position.value;  // Track reads at least this far
        Track(e.stream);
        return true;
      });
}

LogDirectory::~LogDirectory() { subscription_->Stop(); }

void LogDirectory::Track(const eventstore::StreamName& stream) {
  auto it = trackers_.find(stream.category());
  if (it != trackers_.end()) (this->*(it->second))(Id{std::string(stream.id())});
}

void LogDirectory::TrackDepartment(const Id& id) {
  auto facts = FindDepartment(id);
  std::optional<std::string> parent;
  if (facts && facts->active && facts->parent_id) parent = facts->parent_id->value;
  std::lock_guard lock(mu_);
  departments_by_parent_.Set(id.value, parent);
}

void LogDirectory::TrackEmployee(const Id& id) {
  auto facts = FindEmployee(id);
  std::optional<std::string> department;
  if (facts && facts->active) department = facts->department_id.value;
  std::lock_guard lock(mu_);
  employees_by_department_.Set(id.value, department);
}

void LogDirectory::TrackCustomer(const Id& id) {
  auto facts = FindCustomer(id);
  std::optional<std::string> owner;
  if (facts && !facts->archived && !facts->merged && facts->owner_id) owner = facts->owner_id->value;
  std::lock_guard lock(mu_);
  customers_by_owner_.Set(id.value, owner);
}

void LogDirectory::TrackOpportunity(const Id& id) {
  auto facts = FindOpportunity(id);
  std::optional<std::string> owner;
  if (facts && facts->status == "open") owner = facts->owner_id.value;
  std::lock_guard lock(mu_);
  opportunities_by_owner_.Set(id.value, owner);
}

void LogDirectory::TrackProduct(const Id& id) {
  auto facts = FindProduct(id);
  std::lock_guard lock(mu_);
  products_by_sku_.Set(id.value, facts ? std::optional(facts->sku) : std::nullopt);
}

void LogDirectory::TrackBudget(const Id& id) {
  auto facts = FindFacts<domain::BudgetAggregate, domain::BudgetFacts>(runners_, id);
  std::optional<std::string> key;
  if (facts) key = Key({facts->scope, facts->scope_id.value, facts->period});
  std::lock_guard lock(mu_);
  budgets_by_scope_.Set(id.value, key);
}

void LogDirectory::TrackSalesTarget(const Id& id) {
  auto state = LoadState<domain::SalesTargetAggregate>(runners_, id);
  auto facts = state ? domain::FactsOf(*state) : std::nullopt;
  std::optional<std::string> key;
  if (facts) key = Key({facts->subject_kind, facts->subject_id.value, facts->period});
  std::lock_guard lock(mu_);
  targets_by_subject_.Set(id.value, key);
}

void LogDirectory::TrackServiceRequest(const Id& id) {
  auto state = LoadState<domain::ServiceRequestAggregate>(runners_, id);
  std::optional<std::string> assignee;
  if (state && state->status != domain::ServiceRequestStatus::kClosed && state->assignee_id) {
    assignee = state->assignee_id->value;
  }
  std::lock_guard lock(mu_);
  requests_by_assignee_.Set(id.value, assignee);
}

std::optional<domain::DepartmentFacts> LogDirectory::FindDepartment(const Id& id) const {
  auto state = LoadState<domain::DepartmentAggregate>(runners_, id);
  return state ? domain::FactsOf(*state) : std::nullopt;
}

std::optional<domain::EmployeeFacts> LogDirectory::FindEmployee(const Id& id) const {
  auto state = LoadState<domain::EmployeeAggregate>(runners_, id);
  return state ? domain::FactsOf(*state) : std::nullopt;
}

std::optional<domain::CustomerFacts> LogDirectory::FindCustomer(const Id& id) const {
  auto state = LoadState<domain::CustomerAggregate>(runners_, id);
  return state ? domain::FactsOf(*state) : std::nullopt;
}

std::optional<domain::ContactFacts> LogDirectory::FindContact(const Id& id) const {
  auto state = LoadState<domain::ContactAggregate>(runners_, id);
  return state ? domain::FactsOf(*state) : std::nullopt;
}

bool LogDirectory::WaitCaughtUp(std::chrono::milliseconds timeout) const {
  return subscription_->WaitCaughtUp(timeout);
}

std::optional<domain::OpportunityFacts> LogDirectory::FindOpportunity(const Id& id) const {
  return FindFacts<domain::OpportunityAggregate, domain::OpportunityFacts>(runners_, id);
}

std::optional<domain::ContractFacts> LogDirectory::FindContract(const Id& id) const {
  return FindFacts<domain::ContractAggregate, domain::ContractFacts>(runners_, id);
}

std::optional<domain::ProductFacts> LogDirectory::FindProduct(const Id& id) const {
  auto state = LoadState<domain::ProductAggregate>(runners_, id);
  return state ? domain::FactsOf(*state) : std::nullopt;
}

std::optional<domain::CompetitorFacts> LogDirectory::FindCompetitor(const Id& id) const {
  auto state = LoadState<domain::CompetitorAggregate>(runners_, id);
  return state ? domain::FactsOf(*state) : std::nullopt;
}

std::optional<domain::PartnerFacts> LogDirectory::FindPartner(const Id& id) const {
  auto state = LoadState<domain::PartnerAggregate>(runners_, id);
  return state ? domain::FactsOf(*state) : std::nullopt;
}

std::optional<domain::CompetingProductFacts> LogDirectory::FindCompetingProduct(
    const Id& id) const {
  auto state = LoadState<domain::CompetingProductAggregate>(runners_, id);
  return state ? domain::FactsOf(*state) : std::nullopt;
}

std::optional<domain::CampaignFacts> LogDirectory::FindCampaign(const Id& id) const {
  return FindFacts<domain::CampaignAggregate, domain::CampaignFacts>(runners_, id);
}

domain::SalesProcessFacts LogDirectory::SalesProcess() const {
  domain::SalesProcessFacts facts = domain::DefaultSalesProcess();
  if (auto s = LoadConfig<domain::SalesProcessAggregate>(runners_)) facts.stages = domain::FactsOf(*s);
  if (auto s = LoadConfig<domain::LossReasonsAggregate>(runners_)) {
    facts.loss_reasons = domain::FactsOf(*s);
  }
  if (auto s = LoadConfig<domain::ActivityTypesAggregate>(runners_)) {
    facts.activity_types = domain::FactsOf(*s);
  }
  if (auto s = LoadConfig<domain::ScoringCriteriaAggregate>(runners_)) {
    facts.scoring_criteria = domain::FactsOf(*s);
  }
  return facts;
}

std::optional<domain::CustomFieldFacts> LogDirectory::FindCustomField(const std::string& entity_type,
                                                                      const std::string& key) const {
  auto state = LoadConfig<domain::CustomFieldsAggregate>(runners_);
  if (!state) return std::nullopt;
  for (domain::CustomFieldFacts& f : domain::FactsOf(*state)) {
    if (f.entity_type == entity_type && f.key == key) return std::move(f);
  }
  return std::nullopt;
}

std::optional<Id> LogDirectory::ContactReportsTo(const Id& contact_id,
                                                 const std::optional<Id>& opportunity_id) const {
  auto state = LoadState<domain::ContactAggregate>(runners_, contact_id);
  if (!state) return std::nullopt;
  return domain::ReportsToIn(*state, opportunity_id);
}

domain::OpenWork LogDirectory::OpenWorkOf(const Id& employee_id) const {
  domain::OpenWork work;
  std::lock_guard lock(mu_);
  for (const std::string& id : customers_by_owner_.RecordsOf(employee_id.value)) {
    work.customers.push_back(IdOf(id));
  }
  for (const std::string& id : opportunities_by_owner_.RecordsOf(employee_id.value)) {
    work.opportunities.push_back(IdOf(id));
  }
  for (const std::string& id : requests_by_assignee_.RecordsOf(employee_id.value)) {
    work.service_requests.push_back(IdOf(id));
  }
  return work;
}

domain::DepartmentContents LogDirectory::ContentsOf(const Id& department_id) const {
  domain::DepartmentContents contents;
  std::lock_guard lock(mu_);
  for (const std::string& id : departments_by_parent_.RecordsOf(department_id.value)) {
    contents.sub_departments.push_back(IdOf(id));
  }
  for (const std::string& id : employees_by_department_.RecordsOf(department_id.value)) {
    contents.employees.push_back(IdOf(id));
  }
  return contents;
}

std::optional<domain::ProductFacts> LogDirectory::FindProductBySku(const std::string& sku) const {
  std::optional<std::string> id;
  {
    std::lock_guard lock(mu_);
    id = products_by_sku_.AnyRecordOf(sku);
  }
  return id ? FindProduct(IdOf(*id)) : std::nullopt;
}

std::optional<domain::BudgetFacts> LogDirectory::FindBudget(const std::string& scope,
                                                            const Id& scope_id,
                                                            const std::string& period) const {
  std::optional<std::string> id;
  {
    std::lock_guard lock(mu_);
    id = budgets_by_scope_.AnyRecordOf(Key({scope, scope_id.value, period}));
  }
  if (!id) return std::nullopt;
  return FindFacts<domain::BudgetAggregate, domain::BudgetFacts>(runners_, IdOf(*id));
}

std::optional<domain::SalesTargetFacts> LogDirectory::FindSalesTarget(
    const std::string& subject_kind, const Id& subject_id, const std::string& period) const {
  std::optional<std::string> id;
  {
    std::lock_guard lock(mu_);
    id = targets_by_subject_.AnyRecordOf(Key({subject_kind, subject_id.value, period}));
  }
  if (!id) return std::nullopt;
  auto state = LoadState<domain::SalesTargetAggregate>(runners_, IdOf(*id));
  return state ? domain::FactsOf(*state) : std::nullopt;
}

bool LogDirectory::IsWithinDepartment(const Id& department, const Id& ancestor) const {
  std::optional<Id> current = department;
  // Department trees are shallow; the bound guards against a corrupt cycle.
  for (int depth = 0; current && depth < 64; ++depth) {
    if (*current == ancestor) return true;
    auto d = FindDepartment(*current);
    current = d ? d->parent_id : std::nullopt;
  }
  return false;
}

}  // namespace dealstream::commands
