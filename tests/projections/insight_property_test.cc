// Properties of the customer value, product performance and customer 360
// read models over random histories (customers, products whose line
// changes, contacts who join and leave, deals with several products,
// quotes, competitors, wins, losses and reopenings, out-of-order business
// times):
//   1. incremental processing with snapshots and crash-restarts ends in the
//      state a full rebuild produces, and both answer every instant alike;
//   2. the views as of a random position equal the views "now" of a
//      projection that folded only the events up to that position;
//   3. revenue per customer in a period, as of random instants, equals a
//      naive reference fold of the raw events.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "codec/event_codec.h"
#include "domain/catalog/product.h"
#include "domain/contact/contact.h"
#include "domain/customer/customer.h"
#include "eventstore/memory_event_log.h"
#include "log_fixture.h"
#include "projections/crm_projection.h"
#include "projections/views_json.h"
#include "projections/worker.h"

namespace dealstream::projections {
namespace {

using domain::Id;
using domain::Money;
using eventstore::GlobalPosition;
using namespace std::chrono_literals;

constexpr int kCustomers = 4;
constexpr int kProducts = 3;
constexpr int32_t kFirstDay = 17167;  // 2017-01-01
constexpr int32_t kReferenceDay = kFirstDay + 200;

int64_t Day(int d) { return (kFirstDay + static_cast<int64_t>(d)) * 86400LL * 1000000LL; }

// What the reference fold of revenue needs of each deal event.
struct DealFact {
  std::string deal;
  std::string customer;  // set by the opening
  int64_t time = 0;
  uint64_t position = 0;
  std::optional<int64_t> amount;
  std::optional<DealStatus> status;
  bool opens = false;
};

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  void Append(eventstore::EventLog& log, int n) {
    if (!started_) Start(log);
    for (int i = 0; i < n; ++i) AppendOne(log);
  }
  const std::vector<DealFact>& facts() const { return facts_; }
  int64_t RandomTime() { return Day(static_cast<int>(rng_() % 150)); }

 private:
  struct DealSim {
    DealStatus status = DealStatus::kOpen;
    int64_t base_time = 0;
  };

  template <typename E>
  uint64_t Emit(eventstore::EventLog& log, std::string_view category, const std::string& id,
                int64_t time, const E& e) {
    eventstore::AppendRequest r{.stream = *eventstore::StreamName::Make(category, id)};
    codec::EncodedEvent encoded = codec::EncodeEventPayload(codec::StructInfoOf<E>(), &e);
    r.events.push_back(eventstore::ProposedEvent{.type = std::move(encoded.type),
                                                 .subject = id,
                                                 .time = Timestamp::FromMicros(time),
                                                 .schema_version = encoded.schema_version,
                                                 .data = std::move(encoded.data)});
    auto result = log.Append(std::move(r));
    EXPECT_TRUE(result.ok());
    return result.ok() ? result->last_position.value : 0;
  }
  template <typename E>
  void EmitDeal(eventstore::EventLog& log, const std::string& deal, int64_t time, const E& e,
                DealFact fact) {
    fact.deal = deal;
    fact.time = time;
    fact.position = Emit(log, "opportunity", deal, time, e);
    facts_.push_back(std::move(fact));
  }

  void Start(eventstore::EventLog& log) {
    started_ = true;
    for (int c = 0; c < kCustomers; ++c) {
      const std::string id = "c" + std::to_string(c);
      // One customer is registered late, so early instants do not list it.
      Emit(log, "customer", id, c == 3 ? Day(40) : Day(0),
           domain::CustomerRegistered{.customer_id = Id{id}, .name = "Customer " + id,
                                      .owner_id = Id{c % 2 == 0 ? "e0" : "e1"},
                                      .department_id = Id{"dep"}, .region = "r"});
    }
    for (int p = 0; p < kProducts; ++p) {
      const std::string id = "p" + std::to_string(p);
      Emit(log, "product", id, Day(0),
           domain::ProductRegistered{.product_id = Id{id}, .sku = id, .name = "Product " + id,
                                     .list_price = Money{(p + 1) * 10000, "USD"},
                                     .product_line = p == 2 ? "services" : "hardware"});
    }
  }

  void AppendOne(eventstore::EventLog& log) {
    const uint32_t roll = rng_() % 20;
    if (roll == 0) {  // a product moves to another line
      const std::string id = "p" + std::to_string(rng_() % kProducts);
      const std::string line = rng_() % 2 == 0 ? "hardware" : "software";
      Emit(log, "product", id, RandomTime(),
           domain::ProductDetailsUpdated{.product_id = Id{id},
                                         .product_line = domain::TextChange{line, std::nullopt}});
      return;
    }
    if (roll <= 2) {  // a contact joins, or one leaves
      const bool leave = !contacts_.empty() && rng_() % 2 == 0;
      if (leave) {
        const std::string id = "t" + std::to_string(rng_() % contacts_.size());
        Emit(log, "contact", id, RandomTime(),
             domain::ContactLeftCompany{.contact_id = Id{id}, .customer_id = Id{contacts_[id]}});
        return;
      }
      const std::string id = "t" + std::to_string(contacts_.size());
      const std::string customer = "c" + std::to_string(rng_() % kCustomers);
      contacts_[id] = customer;
      Emit(log, "contact", id, RandomTime(),
           domain::ContactAdded{.contact_id = Id{id}, .customer_id = Id{customer},
                                .title = rng_() % 2 == 0 ? "CTO" : "Buyer",
                                .personal = {.name = "Name"}});
      return;
    }
    const bool open_new = deals_.empty() || rng_() % 4 == 0;
    const int64_t amount = (1 + rng_() % 50) * 1000 * 100 + rng_() % 3;
    if (open_new) {
      const std::string id = "d" + std::to_string(deals_.size());
      const std::string customer = "c" + std::to_string(rng_() % kCustomers);
      std::vector<Id> products;
      for (int p = 0; p < kProducts; ++p) {
        if (rng_() % 2 == 0) products.push_back(Id{"p" + std::to_string(p)});
      }
      const int64_t t = RandomTime();
      deals_[id] = {DealStatus::kOpen, t};
      EmitDeal(log, id, t,
               domain::OpportunityOpened{
                   .opportunity_id = Id{id}, .customer_id = Id{customer}, .title = "t",
                   .amount = Money{amount, "USD"},
                   .expected_close_date = domain::Date{kFirstDay + static_cast<int64_t>(rng_() % 200)},
                   .owner_id = Id{"e0"}, .department_id = Id{"dep"}, .product_ids = products,
                   .stage = "Prospecting", .probability = 10, .forecast_category = "pipeline",
                   .opened_by = Id{"e0"}},
               {.customer = customer, .amount = amount, .status = DealStatus::kOpen, .opens = true});
      return;
    }
    auto it = deals_.begin();
    std::advance(it, rng_() % deals_.size());
    const std::string id = it->first;
    DealSim& d = it->second;
    const int64_t t = d.base_time + (static_cast<int64_t>(rng_() % 60) - 10) * 86400LL * 1000000LL;
    if (d.status != DealStatus::kOpen) {
      d.status = DealStatus::kOpen;
      EmitDeal(log, id, t,
               domain::OpportunityReopened{.opportunity_id = Id{id}, .reason = "r",
                                           .stage = "Qualification", .probability = 20,
                                           .forecast_category = "pipeline",
                                           .amount = Money{amount, "USD"}},
               {.amount = amount, .status = DealStatus::kOpen});
      return;
    }
    switch (rng_() % 5) {
      case 0: {
        std::vector<domain::QuoteLine> lines;
        for (int p = 0; p < kProducts; ++p) {
          if (rng_() % 2 != 0) continue;
          const int64_t unit = (p + 1) * 10000 - static_cast<int64_t>(rng_() % 2000);
          lines.push_back({.product_id = Id{"p" + std::to_string(p)}, .quantity = 1,
                           .unit_price = Money{unit, "USD"},
                           .discount_percent = static_cast<int32_t>(rng_() % 20),
                           .line_total = Money{unit, "USD"}});
        }
        EmitDeal(log, id, t,
                 domain::OpportunityQuoteDrafted{.opportunity_id = Id{id}, .version = 1,
                                                 .lines = lines, .total = Money{0, "USD"},
                                                 .valid_until = domain::Date{kFirstDay + 300}},
                 {});
        break;
      }
      case 1:
        EmitDeal(log, id, t,
                 domain::OpportunityCompetitorRecorded{.opportunity_id = Id{id},
                                                       .competitor_id = Id{"k1"}},
                 {});
        break;
      case 2:
        EmitDeal(log, id, t,
                 domain::OpportunityAmountRevised{.opportunity_id = Id{id},
                                                  .amount = Money{amount, "USD"},
                                                  .previous_amount = Money{0, "USD"}},
                 {.amount = amount});
        break;
      case 3:
        d.status = DealStatus::kWon;
        EmitDeal(log, id, t,
                 domain::OpportunityWon{.opportunity_id = Id{id}, .customer_id = Id{"c"},
                                        .owner_id = Id{"e0"}, .amount = Money{amount, "USD"},
                                        .previous_amount = Money{amount, "USD"},
                                        .stage = "Closed Won", .probability = 100,
                                        .forecast_category = "closed"},
                 {.amount = amount, .status = DealStatus::kWon});
        break;
      default:
        d.status = DealStatus::kLost;
        EmitDeal(log, id, t,
                 domain::OpportunityLost{.opportunity_id = Id{id}, .customer_id = Id{"c"},
                                         .owner_id = Id{"e0"}, .amount = Money{amount, "USD"},
                                         .reason = "price", .stage = "Closed Lost",
                                         .probability = 0, .forecast_category = "omitted"},
                 {.amount = amount, .status = DealStatus::kLost});
        break;
    }
  }

  std::mt19937 rng_;
  bool started_ = false;
  std::map<std::string, DealSim> deals_;
  std::map<std::string, std::string> contacts_;  // id -> customer
  std::vector<DealFact> facts_;
};

// The three views under `vis` as JSON, without `position` (the books' own
// head, which differs between a prefix fold and the whole log).
std::string Views(const CrmBooks& books, const Visibility& vis, const std::string& period) {
  Filters filters;
  filters.period = period;
  auto scope = ResolveScope(books, vis, filters);
  if (!scope.ok()) return "error: " + scope.error().ToString();
  CustomerValueView value = BuildCustomerValue(books, *scope, kReferenceDay);
  ProductPerformanceView products = BuildProductPerformance(books, *scope);
  value.position = products.position = 0;
  std::string out = ToJson(value) + "\n" + ToJson(products);
  for (int c = 0; c < kCustomers; ++c) {
    std::optional<Customer360View> v = BuildCustomer360(books, vis, "c" + std::to_string(c));
    if (v) v->position = 0;
    out += "\n" + (v ? ToJson(*v) : std::string("none"));
  }
  return out;
}

// Revenue per customer in `months` under `vis`, by a plain fold.
std::map<std::string, int64_t> ReferenceRevenue(const std::vector<DealFact>& facts,
                                                const Visibility& vis, MonthRange months) {
  struct S {
    bool exists = false;
    std::string customer;
    int64_t amount = 0, status_time = 0;
    DealStatus status = DealStatus::kOpen;
  };
  std::map<std::string, S> deals;
  for (const DealFact& f : facts) {
    if (!vis.Sees(f.time, f.position)) continue;
    S& s = deals[f.deal];
    if (f.opens) {
      s.exists = true;
      s.customer = f.customer;
    }
    if (f.amount) s.amount = *f.amount;
    if (f.status) {
      if (*f.status != s.status || f.opens) s.status_time = f.time;
      s.status = *f.status;
    }
  }
  std::map<std::string, int64_t> revenue;
  for (const auto& [id, s] : deals) {
    if (s.exists && s.status == DealStatus::kWon && months.Contains(MonthOfTime(s.status_time))) {
      revenue[s.customer] += s.amount;
    }
  }
  return revenue;
}

std::string SnapshotOf(const CrmProjection& p) {
  std::string bytes;
  p.Save(&bytes);
  return bytes;
}

class InsightPropertyTest : public ::testing::TestWithParam<uint32_t> {};

TEST_P(InsightPropertyTest, IncrementalEqualsRebuildPrefixFoldAndReference) {
  eventstore::testing::TempDir dir;
  auto store = SnapshotStore::Open({.path = dir.path()});
  ASSERT_TRUE(store.ok());
  eventstore::MemoryEventLog log;
  Generator history(GetParam());
  std::mt19937 rng(GetParam() * 11 + 3);
  auto factory = [] { return std::make_unique<CrmProjection>(); };

  std::unique_ptr<ProjectionWorker> worker;
  for (int round = 0; round < 5; ++round) {
    if (!worker) {
      auto w = ProjectionWorker::Start(log, **store, factory,
                                       {.snapshot_every_events = 1 + rng() % 40,
                                        .snapshot_min_interval = 0ms,
                                        .snapshot_on_stop = rng() % 2 == 0});
      ASSERT_TRUE(w.ok());
      worker = std::move(*w);
    }
    history.Append(log, 30 + static_cast<int>(rng() % 50));
    ASSERT_TRUE(worker->WaitForPosition(log.Head().position, 10s));
    if (rng() % 2 == 0) worker.reset();
  }
  if (!worker) {
    auto w = ProjectionWorker::Start(log, **store, factory);
    ASSERT_TRUE(w.ok());
    worker = std::move(*w);
  }
  ASSERT_TRUE(worker->WaitForPosition(log.Head().position, 10s));

  auto all = log.ReadAll(GlobalPosition{1}, 1 << 20, {});
  ASSERT_TRUE(all.ok());
  CrmProjection rebuilt;
  for (const auto& e : all->events) rebuilt.Apply(e);
  EXPECT_EQ(rebuilt.stats().undecodable, 0u) << rebuilt.stats().last_problem;
  EXPECT_EQ(worker->Read<CrmProjection>([](const CrmProjection& p) { return SnapshotOf(p); }),
            SnapshotOf(rebuilt));

  const CrmBooks& books = rebuilt.books();
  const uint64_t head = log.Head().position.value;
  const std::vector<std::string> periods = {"2017", "2017-Q2", "2017-03"};
  for (int i = 0; i < 12; ++i) {
    const std::string& period = periods[i % periods.size()];
    // 1. Incremental and rebuilt books answer alike, under any bounds.
    Visibility vis;
    if (i % 3 != 1) vis.max_time = Timestamp::FromMicros(history.RandomTime());
    if (i % 3 != 0) vis.max_position = 1 + rng() % head;
    EXPECT_EQ(worker->Read<CrmProjection>(
                  [&](const CrmProjection& p) { return Views(p.books(), vis, period); }),
              Views(books, vis, period));

    // 2. As of a position = now, for a fold of that prefix only.
    const uint64_t prefix = 1 + rng() % head;
    CrmProjection folded;
    for (const auto& e : all->events) {
      if (e.position.value > prefix) break;
      folded.Apply(e);
    }
    EXPECT_EQ(Views(books, Visibility{.max_position = prefix}, period),
              Views(folded.books(), Visibility::Now(), period))
        << "prefix " << prefix;

    // 3. Revenue per customer against the reference fold.
    auto scope = ResolveScope(books, vis, {.period = period});
    ASSERT_TRUE(scope.ok());
    const CustomerValueView value = BuildCustomerValue(books, *scope, kReferenceDay);
    const std::map<std::string, int64_t> expected =
        ReferenceRevenue(history.facts(), vis, *ParsePeriod(period));
    for (const CustomerValueRow& row : value.customers) {
      auto it = expected.find(row.customer_id);
      EXPECT_EQ(row.revenue.minor, it == expected.end() ? 0 : it->second)
          << row.customer_id << " " << period;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, InsightPropertyTest, ::testing::Range(1u, 9u));

}  // namespace
}  // namespace dealstream::projections
