// Test helpers for CRM read models: a Story records typed domain events,
// encoded by the codec exactly as the command side stores them, and feeds
// them to a CrmProjection, so scenario tests exercise decoding, routing and
// the books together. Times are written as dates ("2017-02-07" = start of
// that day UTC) or RFC 3339.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "codec/event_codec.h"
#include "domain/config/sales_process.h"
#include "domain/opportunity/opportunity_events.h"
#include "domain/organisation/department_events.h"
#include "domain/organisation/employee_events.h"
#include "domain/organisation/sales_target_events.h"
#include "eventstore/event_log.h"
#include "projections/crm_projection.h"
#include "projections/scope.h"

namespace dealstream::domain {
inline void PrintTo(const Money& m, std::ostream* os) { *os << m.minor << " " << m.currency; }
}  // namespace dealstream::domain

namespace dealstream::projections::testing {

using domain::Id;
using domain::Money;

inline Timestamp At(std::string_view text) {
  auto t = ParseDateStart(text);
  EXPECT_TRUE(t.ok()) << text;
  return t.ok() ? *t : Timestamp();
}
// End of the day of `date`: "as of 2017-02-07" includes all of that day.
inline Timestamp EndOf(std::string_view date) {
  auto t = ParseTimestamp(date);
  EXPECT_TRUE(t.ok()) << date;
  return t.ok() ? *t : Timestamp();
}
inline domain::Date Day(std::string_view text) { return domain::Date::Of(At(text)); }
inline Money Usd(int64_t whole) { return Money{whole * 100, "USD"}; }

struct StageInfo {
  int32_t probability = 0;
  std::string category;
};
// Probability and forecast category of a stage of the default process.
inline StageInfo Stage(std::string_view name) {
  for (const domain::SalesStage& s : domain::DefaultSalesStages()) {
    if (s.name == name) return {s.probability, std::string(domain::NameOf(s.forecast_category))};
  }
  ADD_FAILURE() << "no default stage " << name;
  return {};
}

class Story {
 public:
  // Records `e` as happening at business time `when`. Recorded times are
  // strictly increasing, one second apart from an arbitrary origin, so
  // positions and recorded times correspond.
  Story() = default;
  // A story told into `log` instead of straight into the projection.
  explicit Story(eventstore::EventLog* log) : log_(log) {}

  template <typename E>
  uint64_t Add(Timestamp when, const E& e) {
    if (log_ != nullptr) return AppendToLog(when, e);
    eventstore::RecordedEvent r{.position = {++position_},
                                .stream = *eventstore::StreamName::Parse("story-1")};
    codec::EncodedEvent encoded = codec::EncodeEventPayload(codec::StructInfoOf<E>(), &e);
    r.type = std::move(encoded.type);
    r.schema_version = encoded.schema_version;
    r.time = when;
    r.recorded_time = RecordedAt(position_);
    r.data = std::move(encoded.data);
    r.metadata.actor = actor_;
    projection_.Apply(r);
    EXPECT_EQ(projection_.stats().undecodable, 0u) << projection_.stats().last_problem;
    return position_;
  }
  template <typename E>
  uint64_t Add(std::string_view when, const E& e) {
    return Add(At(when), e);
  }
  void set_actor(std::string actor) { actor_ = std::move(actor); }

  static Timestamp RecordedAt(uint64_t position) {
    return Timestamp::FromMicros(1900000000LL * 1000000 + static_cast<int64_t>(position) * 1000000);
  }

  const CrmBooks& books() const { return projection_.books(); }
  CrmProjection& projection() { return projection_; }
  uint64_t position() const { return position_; }

  // A resolved scope for `filters` under `vis`.
  Scope ScopeOf(const Visibility& vis, const Filters& filters = {}) const {
    auto s = ResolveScope(books(), vis, filters);
    EXPECT_TRUE(s.ok()) << s.error().ToString();
    return s.ok() ? *s : Scope{};
  }

  // --- Event builders with the defaults most scenarios want. ---
  uint64_t Department(std::string_view when, std::string id, std::string name,
                      std::optional<std::string> parent = {}) {
    return Add(when, domain::DepartmentCreated{
                         .department_id = Id{std::move(id)},
                         .name = std::move(name),
                         .parent_id = parent ? std::optional<Id>(Id{*parent}) : std::nullopt});
  }
  uint64_t Hire(std::string_view when, std::string id, std::string name, std::string department) {
    return Add(when, domain::EmployeeHired{.employee_id = Id{std::move(id)},
                                           .name = std::move(name),
                                           .department_id = Id{std::move(department)}});
  }
  uint64_t Open(std::string_view when, std::string id, std::string owner, std::string department,
                Money amount, std::string_view close_date, std::string stage = "Prospecting",
                std::string customer = "c1", std::vector<std::string> products = {}) {
    const StageInfo info = Stage(stage);
    deals_[id] = {customer, owner, department};
    domain::OpportunityOpened e{.opportunity_id = Id{std::move(id)},
                                .customer_id = Id{std::move(customer)},
                                .title = "deal",
                                .amount = amount,
                                .expected_close_date = Day(close_date),
                                .owner_id = Id{std::move(owner)},
                                .department_id = Id{std::move(department)},
                                .stage = stage,
                                .probability = info.probability,
                                .forecast_category = info.category,
                                .opened_by = Id{"system"}};
    for (std::string& p : products) e.product_ids.push_back(Id{std::move(p)});
    return Add(when, e);
  }
  uint64_t Advance(std::string_view when, std::string id, std::string stage, Money amount) {
    const StageInfo info = Stage(stage);
    return Add(when, domain::OpportunityStageAdvanced{.opportunity_id = Id{std::move(id)},
                                                      .stage = stage,
                                                      .probability = info.probability,
                                                      .forecast_category = info.category,
                                                      .amount = amount,
                                                      .reached_on = Day(when)});
  }
  uint64_t MoveBack(std::string_view when, std::string id, std::string stage, Money amount) {
    const StageInfo info = Stage(stage);
    return Add(when, domain::OpportunityStageMovedBack{.opportunity_id = Id{std::move(id)},
                                                       .stage = stage,
                                                       .probability = info.probability,
                                                       .forecast_category = info.category,
                                                       .amount = amount,
                                                       .reached_on = Day(when)});
  }
  uint64_t Revise(std::string_view when, std::string id, Money amount) {
    return Add(when, domain::OpportunityAmountRevised{.opportunity_id = Id{std::move(id)},
                                                      .amount = amount,
                                                      .previous_amount = {0, amount.currency}});
  }
  uint64_t Reassign(std::string_view when, std::string id, std::string to, std::string department) {
    DealFacts& d = deals_[id];
    const std::string previous = d.owner;
    d.owner = to;
    d.department = department;
    return Add(when, domain::OpportunityReassigned{.opportunity_id = Id{std::move(id)},
                                                   .previous_owner_id = Id{previous},
                                                   .new_owner_id = Id{std::move(to)},
                                                   .department_id = Id{std::move(department)},
                                                   .reason = "handover"});
  }
  uint64_t Win(std::string_view when, std::string id, Money amount) {
    const DealFacts& d = deals_[id];
    return Add(when, domain::OpportunityWon{.opportunity_id = Id{std::move(id)},
                                            .customer_id = Id{d.customer},
                                            .owner_id = Id{d.owner},
                                            .department_id = Id{d.department},
                                            .amount = amount,
                                            .previous_amount = amount,
                                            .stage = "Closed Won",
                                            .probability = 100,
                                            .forecast_category = "closed"});
  }
  uint64_t Lose(std::string_view when, std::string id, Money amount, std::string reason = "price",
                std::optional<std::string> competitor = {}) {
    const DealFacts& d = deals_[id];
    return Add(when, domain::OpportunityLost{
                         .opportunity_id = Id{std::move(id)},
                         .customer_id = Id{d.customer},
                         .owner_id = Id{d.owner},
                         .department_id = Id{d.department},
                         .amount = amount,
                         .reason = std::move(reason),
                         .competitor_id = competitor ? std::optional<Id>(Id{*competitor}) : std::nullopt,
                         .stage = "Closed Lost",
                         .probability = 0,
                         .forecast_category = "omitted"});
  }
  uint64_t Reopen(std::string_view when, std::string id, std::string stage, Money amount) {
    const StageInfo info = Stage(stage);
    return Add(when, domain::OpportunityReopened{.opportunity_id = Id{std::move(id)},
                                                 .reason = "customer came back",
                                                 .stage = stage,
                                                 .probability = info.probability,
                                                 .forecast_category = info.category,
                                                 .amount = amount});
  }
  uint64_t Activity(std::string_view when, std::string opportunity, std::string activity,
                    std::string type, std::string assignee, bool decision_maker_met = false) {
    return Add(when, domain::OpportunityActivityCompleted{.opportunity_id = Id{std::move(opportunity)},
                                                          .activity_id = Id{std::move(activity)},
                                                          .type = std::move(type),
                                                          .assignee_id = Id{std::move(assignee)},
                                                          .planned_date = Day(when),
                                                          .completed_date = Day(when),
                                                          .outcome = "done",
                                                          .decision_maker_met = decision_maker_met});
  }
  uint64_t Target(std::string_view when, std::string id, std::string employee, std::string period,
                  std::string_view first_day, std::string_view last_day, Money amount) {
    return Add(when, domain::SalesTargetSet{.sales_target_id = Id{std::move(id)},
                                            .employee_id = Id{std::move(employee)},
                                            .period = std::move(period),
                                            .period_start = Day(first_day),
                                            .period_end = Day(last_day),
                                            .amount = amount});
  }

 private:
  template <typename E>
  uint64_t AppendToLog(Timestamp when, const E& e) {
    // "crm.<category>.<what>.v1" -> the category, one stream per category.
    std::string_view type = E::kType;
    type.remove_prefix(4);
    const std::string category(type.substr(0, type.find('.')));
    eventstore::AppendRequest request{
        .stream = *eventstore::StreamName::Make(category, "story")};
    codec::EncodedEvent encoded = codec::EncodeEventPayload(codec::StructInfoOf<E>(), &e);
    request.events.push_back(eventstore::ProposedEvent{
        .type = std::move(encoded.type), .subject = "story", .time = when,
        .schema_version = encoded.schema_version, .data = std::move(encoded.data),
        .metadata = {.actor = actor_}});
    auto result = log_->Append(std::move(request));
    EXPECT_TRUE(result.ok());
    position_ = result.ok() ? result->last_position.value : position_;
    return position_;
  }

  eventstore::EventLog* log_ = nullptr;
  struct DealFacts {
    std::string customer, owner, department;
  };
  std::map<std::string, DealFacts> deals_;
  CrmProjection projection_;
  uint64_t position_ = 0;
  std::string actor_ = "system";
};

inline Visibility AsOfTime(Timestamp t) { return Visibility{.max_time = t}; }
inline Visibility KnownAtPosition(uint64_t p) { return Visibility{.max_position = p}; }

}  // namespace dealstream::projections::testing
