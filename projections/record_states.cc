#include "projections/record_states.h"

#include <array>

#include "codec/json_codec.h"
#include "domain/catalog/competing_product.h"
#include "domain/catalog/competitor.h"
#include "domain/catalog/product.h"
#include "domain/contact/contact.h"
#include "domain/contract/contract.h"
#include "domain/customer/customer.h"
#include "domain/expense/budget.h"
#include "domain/expense/expense.h"
#include "domain/marketing/campaign.h"
#include "domain/marketing/lead.h"
#include "domain/opportunity/opportunity.h"
#include "domain/organisation/department.h"
#include "domain/organisation/employee.h"
#include "domain/organisation/partner.h"
#include "domain/organisation/sales_target.h"
#include "domain/service/care_plan.h"
#include "domain/service/service_request.h"

namespace dealstream::projections {
namespace {

using JsonFn = Result<std::optional<std::string>> (*)(const RecordStates&, std::string_view,
                                                      const Visibility&);

template <typename A>
Result<std::optional<std::string>> JsonOf(const RecordStates& states, std::string_view id,
                                          const Visibility& vis) {
  auto state = states.StateOf<A>(id, vis);
  if (!state.ok()) return state.error();
  if (!state->has_value()) return std::optional<std::string>();
  return std::optional<std::string>(codec::EncodeJson(**state));
}

struct View {
  std::string_view category;
  JsonFn json;
};

// Record views exist for aggregates whose State lists its fields (the
// codec renders reflected structs only).
template <typename A>
constexpr void Add(std::vector<View>& views) {
  if constexpr (domain::Reflected<typename A::State>) views.push_back({A::kCategory, &JsonOf<A>});
}

const std::vector<View>& Views() {
  static const std::vector<View> views = [] {
    std::vector<View> v;
    Add<domain::DepartmentAggregate>(v);
    Add<domain::EmployeeAggregate>(v);
    Add<domain::SalesTargetAggregate>(v);
    Add<domain::PartnerAggregate>(v);
    Add<domain::CustomerAggregate>(v);
    Add<domain::ContactAggregate>(v);
    Add<domain::OpportunityAggregate>(v);
    Add<domain::ProductAggregate>(v);
    Add<domain::CompetitorAggregate>(v);
    Add<domain::CompetingProductAggregate>(v);
    Add<domain::ContractAggregate>(v);
    Add<domain::BudgetAggregate>(v);
    Add<domain::ExpenseAggregate>(v);
    Add<domain::ServiceRequestAggregate>(v);
    Add<domain::CarePlanAggregate>(v);
    Add<domain::CampaignAggregate>(v);
    Add<domain::LeadAggregate>(v);
    return v;
  }();
  return views;
}

}  // namespace

RecordStates::RecordStates(const eventstore::EventLog& log, RecordStatesOptions options)
    : log_(log), options_(options) {}

std::shared_ptr<const void> RecordStates::Lookup(const std::string& stream) const {
  std::lock_guard lock(mu_);
  auto it = cache_.find(stream);
  if (it == cache_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.decoded;
}

void RecordStates::Store(const std::string& stream, std::shared_ptr<const void> decoded,
                         size_t events) const {
  std::lock_guard lock(mu_);
  if (events > options_.max_cached_events) return;  // would evict everything else
  auto it = cache_.find(stream);
  if (it != cache_.end()) {
    cached_events_ -= it->second.events;
    lru_.erase(it->second.lru);
    cache_.erase(it);
  }
  lru_.push_front(stream);
  cache_.emplace(stream, Slot{std::move(decoded), events, lru_.begin()});
  cached_events_ += events;
  while (cached_events_ > options_.max_cached_events && !lru_.empty()) {
    auto victim = cache_.find(lru_.back());
    cached_events_ -= victim->second.events;
    cache_.erase(victim);
    lru_.pop_back();
  }
}

Result<std::optional<std::string>> RecordStates::StateJson(std::string_view category,
                                                           std::string_view id,
                                                           const Visibility& vis) const {
  for (const View& v : Views()) {
    if (v.category == category) return v.json(*this, id, vis);
  }
  return Status::NotFound("there is no record view for category \"" + std::string(category) +
                          "\"");
}

}  // namespace dealstream::projections
