#include "projection_workload.h"

#include <algorithm>

#include "codec/event_codec.h"
#include "domain/config/sales_process.h"
#include "domain/customer/customer.h"
#include "domain/opportunity/opportunity.h"
#include "domain/organisation/department.h"
#include "domain/organisation/employee.h"

namespace dealstream::bench {
namespace {

using domain::Id;
using domain::Money;

constexpr int64_t kDay = 86400LL * 1000000LL;
constexpr int64_t kFirstDay = 16436;  // 2015-01-01
constexpr int64_t kSpanDays = 4 * 365;

std::string Dept(uint64_t i) { return "dept-" + std::to_string(i); }
std::string Emp(uint64_t i) { return "emp-" + std::to_string(i); }
std::string Cust(uint64_t i) { return "cust-" + std::to_string(i); }

template <typename Event>
eventstore::ProposedEvent Proposed(const Event& e, const std::string& subject, int64_t time) {
  return codec::ToProposedEvent(e, subject, Timestamp::FromMicros(time),
                                {.actor = "emp-1", .command = "bench"});
}

}  // namespace

Workload::Workload(WorkloadOptions options) : options_(options), rng_(options.seed) {}

int64_t Workload::first_time() const { return kFirstDay * kDay; }
int64_t Workload::last_time() const { return (kFirstDay + kSpanDays + 120) * kDay; }

void Workload::EmitOrganisation(const WorkloadSink& sink) {
  const int64_t t = first_time() - 30 * kDay;
  for (uint32_t d = 0; d < options_.departments; ++d) {
    domain::DepartmentCreated e{.department_id = Id{Dept(d)}, .name = "Department " + std::to_string(d)};
    if (d > 0) e.parent_id = Id{Dept((d - 1) / 4)};
    sink(*eventstore::StreamName::Make("department", Dept(d)),
         {Proposed(domain::DepartmentAggregate::Event{e}, Dept(d), t)});
  }
  for (uint32_t i = 0; i < options_.employees; ++i) {
    domain::EmployeeHired e{.employee_id = Id{Emp(i)},
                            .name = "Employee " + std::to_string(i),
                            .department_id = Id{Dept(i % options_.departments)}};
    sink(*eventstore::StreamName::Make("employee", Emp(i)),
         {Proposed(domain::EmployeeAggregate::Event{e}, Emp(i), t)});
  }
}

size_t Workload::EmitDeal(const WorkloadSink& sink) {
  using Event = domain::OpportunityAggregate::Event;
  const uint64_t n = deals_++;
  const std::string id = "opp-" + std::to_string(n);
  const std::string owner = Emp(rng_() % options_.employees);
  const std::string dept = Dept(std::stoul(owner.substr(4)) % options_.departments);
  const int64_t t0 = (kFirstDay + static_cast<int64_t>(rng_() % kSpanDays)) * kDay +
                     static_cast<int64_t>(rng_() % kDay);
  if (n % options_.deals_per_customer == 0) {
    const std::string c = Cust(customers_++);
    domain::CustomerRegistered e{.customer_id = Id{c}, .name = "Customer " + c,
                                 .owner_id = Id{owner}, .department_id = Id{dept},
                                 .industry = "manufacturing",
                                 .region = "region-" + std::to_string(rng_() % 8)};
    sink(*eventstore::StreamName::Make("customer", c),
         {Proposed(domain::CustomerAggregate::Event{e}, c, t0 - kDay)});
  }
  const std::string customer = Cust(customers_ - 1);
  const auto stages = domain::DefaultSalesStages();
  Money amount{static_cast<int64_t>(1000 + rng_() % 500000) * 100, "USD"};
  std::vector<eventstore::ProposedEvent> events;
  events.push_back(Proposed(
      Event{domain::OpportunityOpened{
          .opportunity_id = Id{id}, .customer_id = Id{customer},
          .title = "Rollout " + std::to_string(n), .source = "referral", .amount = amount,
          .expected_close_date = domain::Date{t0 / kDay + 60 + static_cast<int64_t>(rng_() % 120)},
          .owner_id = Id{owner}, .department_id = Id{dept},
          .product_ids = {Id{"prod-" + std::to_string(rng_() % 50)}}, .stage = stages[0].name,
          .probability = stages[0].probability, .forecast_category = "pipeline",
          .opened_by = Id{owner}}},
      id, t0));
  size_t stage = 0;
  const int steps = static_cast<int>(std::max<uint32_t>(1, options_.stage_steps));
  for (int step = 1; step <= steps; ++step) {
    const size_t next = std::min<size_t>(stage + 1 + rng_() % 2, 7);
    const int64_t t = t0 + step * 9 * kDay;
    events.push_back(Proposed(
        Event{domain::OpportunityStageAdvanced{
            .opportunity_id = Id{id}, .stage = stages[next].name,
            .previous_stage = stages[stage].name, .probability = stages[next].probability,
            .previous_probability = stages[stage].probability,
            .forecast_category = std::string(domain::NameOf(stages[next].forecast_category)),
            .amount = amount, .reached_on = domain::Date{t / kDay}}},
        id, t));
    stage = next;
    const std::string activity = id + "-a" + std::to_string(step);
    const std::string type = step == 1 ? "call" : (step == steps ? "demo" : "visit");
    events.push_back(Proposed(Event{domain::OpportunityActivityPlanned{
                                  .opportunity_id = Id{id}, .activity_id = Id{activity},
                                  .type = type, .assignee_id = Id{owner},
                                  .planned_date = domain::Date{t / kDay}, .subject = "meeting"}},
                              id, t - 2 * kDay));
    events.push_back(Proposed(
        Event{domain::OpportunityActivityCompleted{
            .opportunity_id = Id{id}, .activity_id = Id{activity},
            .type = type, .assignee_id = Id{owner},
            .planned_date = domain::Date{t / kDay}, .completed_date = domain::Date{t / kDay},
            .outcome = "positive", .decision_maker_met = step == steps}},
        id, t + kDay));
  }
  const Money previous = amount;
  amount.minor = amount.minor * (80 + static_cast<int64_t>(rng_() % 40)) / 100;
  events.push_back(Proposed(Event{domain::OpportunityAmountRevised{
                                .opportunity_id = Id{id}, .amount = amount,
                                .previous_amount = previous, .stage = stages[stage].name,
                                .probability = stages[stage].probability}},
                            id, t0 + 32 * kDay));
  events.push_back(Proposed(Event{domain::OpportunityCloseDateRevised{
                                .opportunity_id = Id{id},
                                .expected_close_date = domain::Date{t0 / kDay + 90},
                                .previous_expected_close_date = domain::Date{t0 / kDay + 60}}},
                            id, t0 + 33 * kDay));
  const uint64_t outcome = rng_() % 100;
  const int64_t tc = t0 + (40 + static_cast<int64_t>(rng_() % 60)) * kDay;
  if (outcome < 45) {
    events.push_back(Proposed(Event{domain::OpportunityWon{
                                  .opportunity_id = Id{id}, .customer_id = Id{customer},
                                  .owner_id = Id{owner}, .department_id = Id{dept}, .amount = amount,
                                  .previous_amount = amount, .stage = "Closed Won",
                                  .previous_stage = stages[stage].name, .probability = 100,
                                  .forecast_category = "closed"}},
                              id, tc));
  } else if (outcome < 75) {
    events.push_back(Proposed(Event{domain::OpportunityLost{
                                  .opportunity_id = Id{id}, .customer_id = Id{customer},
                                  .owner_id = Id{owner}, .department_id = Id{dept}, .amount = amount,
                                  .reason = "price", .stage = "Closed Lost",
                                  .previous_stage = stages[stage].name, .probability = 0,
                                  .forecast_category = "omitted"}},
                              id, tc));
  }
  const size_t n_events = events.size();
  sink(*eventstore::StreamName::Make("opportunity", id), std::move(events));
  return n_events;
}

void Workload::EmitLongDeal(const std::string& id, size_t count, const WorkloadSink& sink) {
  using Event = domain::OpportunityAggregate::Event;
  const auto stages = domain::DefaultSalesStages();
  const int64_t t0 = first_time();
  std::vector<eventstore::ProposedEvent> events;
  events.push_back(Proposed(
      Event{domain::OpportunityOpened{
          .opportunity_id = Id{id}, .customer_id = Id{"cust-0"}, .title = "Long deal",
          .amount = Money{100000000, "USD"}, .expected_close_date = domain::Date{t0 / kDay + 900},
          .owner_id = Id{"emp-0"}, .department_id = Id{"dept-0"}, .stage = stages[0].name,
          .probability = stages[0].probability, .forecast_category = "pipeline",
          .opened_by = Id{"emp-0"}}},
      id, t0));
  for (size_t i = 1; i < count; ++i) {
    const int64_t t = t0 + static_cast<int64_t>(i) * kDay;
    const std::string activity = id + "-a" + std::to_string(i / 4);
    switch (i % 4) {
      case 0:
        events.push_back(Proposed(
            Event{domain::OpportunityAmountRevised{
                .opportunity_id = Id{id},
                .amount = Money{100000000 + static_cast<int64_t>(i) * 100, "USD"},
                .previous_amount = Money{100000000, "USD"}, .stage = stages[0].name,
                .probability = 10}},
            id, t));
        break;
      case 1:
        events.push_back(Proposed(Event{domain::OpportunityActivityPlanned{
                                      .opportunity_id = Id{id}, .activity_id = Id{activity},
                                      .type = "call", .assignee_id = Id{"emp-0"},
                                      .planned_date = domain::Date{t / kDay}, .subject = "call"}},
                                  id, t));
        break;
      case 2:
        events.push_back(Proposed(
            Event{domain::OpportunityActivityCompleted{
                .opportunity_id = Id{id}, .activity_id = Id{activity}, .type = "call",
                .assignee_id = Id{"emp-0"}, .planned_date = domain::Date{t / kDay},
                .completed_date = domain::Date{t / kDay}, .outcome = "spoke to the buyer"}},
            id, t));
        break;
      default:
        events.push_back(Proposed(Event{domain::OpportunityCommentAdded{
                                      .opportunity_id = Id{id},
                                      .comment_id = Id{id + "-c" + std::to_string(i)},
                                      .author_id = Id{"emp-0"}, .text = "follow up next week"}},
                                  id, t));
        break;
    }
    if (events.size() == 500) {
      sink(*eventstore::StreamName::Make("opportunity", id), std::move(events));
      events.clear();
    }
  }
  if (!events.empty()) sink(*eventstore::StreamName::Make("opportunity", id), std::move(events));
}

void AsyncAppender::operator()(eventstore::StreamName stream,
                               std::vector<eventstore::ProposedEvent> events) {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return in_flight_ < window_; });
  ++in_flight_;
  lock.unlock();
  log_.AppendAsync({.stream = std::move(stream), .events = std::move(events)},
                   [this](eventstore::AppendOutcome outcome) {
                     std::lock_guard l(mu_);
                     if (!outcome.ok() && error_.empty()) error_ = outcome.error().message;
                     --in_flight_;
                     cv_.notify_all();
                   });
}

bool AsyncAppender::Drain(std::string* error) {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return in_flight_ == 0; });
  if (error != nullptr) *error = error_;
  return error_.empty();
}

}  // namespace dealstream::bench
