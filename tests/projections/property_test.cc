// Properties over random histories (out-of-order business times,
// reassignments, reopenings, restarts without a final snapshot):
//   1. incremental processing — with snapshots and crash-restarts in
//      between — ends in exactly the state a full rebuild produces, folded
//      event by event or shared between two threads as rebuilds do;
//   2. the funnel as of random instants (business time, position, both)
//      equals a naive reference fold of the raw events;
//   3. the incremental "now" cells equal the cells folded at the end of time;
//   4. the business read models (competition, receivables, expenses,
//      service) as known at a random position equal the same models built
//      now by a projection that folded only the events up to that position,
//      and incremental and rebuilt books answer every instant alike.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "codec/event_codec.h"
#include "business_history.h"
#include "crm_story.h"
#include "eventstore/memory_event_log.h"
#include "log_fixture.h"
#include "projections/crm_projection.h"
#include "projections/funnel.h"
#include "projections/projection_fold.h"
#include "projections/views_json.h"
#include "projections/worker.h"

namespace dealstream::projections {
namespace {

using domain::Id;
using domain::Money;
using eventstore::GlobalPosition;
using namespace std::chrono_literals;

const std::vector<std::string> kStages = {"Prospecting", "Qualification", "Needs Analysis",
                                          "Value Proposition", "Negotiation/Review"};
const std::vector<std::string> kOwners = {"o1", "o2", "o3"};

// What the reference fold needs of each event.
struct RawFact {
  std::string deal;
  int64_t time = 0;
  uint64_t position = 0;
  std::optional<std::string> stage;
  std::optional<int64_t> amount;
  std::optional<std::string> owner;
  std::optional<DealStatus> status;
  bool opens = false;
  int probability = 0;
};

class History {
 public:
  explicit History(uint32_t seed) : rng_(seed) {}

  // Appends `n` random events to `log`, remembering the deals' as RawFacts;
  // with `business`, about half of them are business events of other kinds
  // (competitors, quotes, contracts, expenses, service).
  void Append(eventstore::EventLog& log, int n, testing::BusinessHistory* business = nullptr) {
    for (int i = 0; i < n; ++i) {
      if (business != nullptr && rng_() % 2 == 0) {
        business->AppendOne(log, deals_.size());
      } else {
        AppendOne(log);
      }
    }
  }
  const std::vector<RawFact>& facts() const { return facts_; }
  int64_t RandomTime() { return Day(static_cast<int>(rng_() % 120)); }

 private:
  struct DealSim {
    DealStatus status = DealStatus::kOpen;
    std::string owner;
    int64_t base_time = 0;
  };
  static int64_t Day(int d) { return (17167LL + d) * 86400LL * 1000000LL; }  // from 2017-01-01

  template <typename E>
  void Emit(eventstore::EventLog& log, const std::string& deal, int64_t time, const E& e,
            RawFact fact) {
    eventstore::AppendRequest r{.stream = *eventstore::StreamName::Make("opportunity", deal)};
    codec::EncodedEvent encoded = codec::EncodeEventPayload(codec::StructInfoOf<E>(), &e);
    r.events.push_back(eventstore::ProposedEvent{.type = std::move(encoded.type),
                                                 .subject = deal,
                                                 .time = Timestamp::FromMicros(time),
                                                 .schema_version = encoded.schema_version,
                                                 .data = std::move(encoded.data)});
    auto result = log.Append(std::move(r));
    ASSERT_TRUE(result.ok());
    fact.deal = deal;
    fact.time = time;
    fact.position = result->last_position.value;
    facts_.push_back(std::move(fact));
  }

  void AppendOne(eventstore::EventLog& log) {
    const bool open_new = deals_.empty() || rng_() % 4 == 0;
    if (open_new) {
      const std::string id = "d" + std::to_string(deals_.size());
      const std::string owner = kOwners[rng_() % kOwners.size()];
      const int64_t t = RandomTime();
      const int64_t amount = (1 + rng_() % 50) * 1000 * 100;
      deals_[id] = {DealStatus::kOpen, owner, t};
      const int probability = 10;
      Emit(log, id, t,
           domain::OpportunityOpened{.opportunity_id = Id{id}, .customer_id = Id{"c"},
                                     .title = "t", .amount = Money{amount, "USD"},
                                     .expected_close_date = domain::Date{17167 + static_cast<int64_t>(rng_() % 200)},
                                     .owner_id = Id{owner}, .department_id = Id{"dep"},
                                     .stage = kStages[0], .probability = probability,
                                     .forecast_category = "pipeline", .opened_by = Id{owner}},
           {.stage = kStages[0], .amount = amount, .owner = owner,
            .status = DealStatus::kOpen, .opens = true, .probability = probability});
      return;
    }
    auto it = deals_.begin();
    std::advance(it, rng_() % deals_.size());
    const std::string id = it->first;
    DealSim& d = it->second;
    // Mostly after the opening, sometimes before it or out of order.
    const int64_t t = d.base_time + (static_cast<int64_t>(rng_() % 60) - 10) * 86400LL * 1000000LL;
    const int64_t amount = (1 + rng_() % 50) * 1000 * 100;
    if (d.status != DealStatus::kOpen) {
      d.status = DealStatus::kOpen;
      Emit(log, id, t,
           domain::OpportunityReopened{.opportunity_id = Id{id}, .reason = "r", .stage = kStages[1],
                                       .probability = 20, .forecast_category = "pipeline",
                                       .amount = Money{amount, "USD"}},
           {.stage = kStages[1], .amount = amount, .status = DealStatus::kOpen, .probability = 20});
      return;
    }
    switch (rng_() % 6) {
      case 0: {
        const size_t s = rng_() % kStages.size();
        const int p = static_cast<int>(10 + 20 * s);
        Emit(log, id, t,
             domain::OpportunityStageAdvanced{.opportunity_id = Id{id}, .stage = kStages[s],
                                              .probability = p, .forecast_category = "pipeline",
                                              .amount = Money{amount, "USD"}},
             {.stage = kStages[s], .amount = amount, .probability = p});
        break;
      }
      case 1:
        Emit(log, id, t,
             domain::OpportunityAmountRevised{.opportunity_id = Id{id}, .amount = Money{amount, "USD"},
                                              .previous_amount = Money{0, "USD"}},
             {.amount = amount});
        break;
      case 2: {
        const std::string to = kOwners[rng_() % kOwners.size()];
        Emit(log, id, t,
             domain::OpportunityReassigned{.opportunity_id = Id{id}, .previous_owner_id = Id{d.owner},
                                           .new_owner_id = Id{to}, .department_id = Id{"dep"},
                                           .reason = "r"},
             {.owner = to});
        d.owner = to;
        break;
      }
      case 3:
        d.status = DealStatus::kWon;
        Emit(log, id, t,
             domain::OpportunityWon{.opportunity_id = Id{id}, .customer_id = Id{"c"},
                                    .owner_id = Id{d.owner}, .amount = Money{amount, "USD"},
                                    .previous_amount = Money{amount, "USD"}, .stage = "Closed Won",
                                    .probability = 100, .forecast_category = "closed"},
             {.stage = "Closed Won", .amount = amount, .status = DealStatus::kWon, .probability = 100});
        break;
      case 4:
        d.status = DealStatus::kLost;
        Emit(log, id, t,
             domain::OpportunityLost{.opportunity_id = Id{id}, .customer_id = Id{"c"},
                                     .owner_id = Id{d.owner}, .amount = Money{amount, "USD"},
                                     .reason = rng_() % 2 == 0 ? "price" : "timing",
                                     .competitor_id = rng_() % 3 == 0
                                                          ? std::nullopt
                                                          : std::optional<Id>(Id{"k" + std::to_string(rng_() % 3)}),
                                     .stage = "Closed Lost", .probability = 0,
                                     .forecast_category = "omitted"},
             {.stage = "Closed Lost", .amount = amount, .status = DealStatus::kLost, .probability = 0});
        break;
      default:
        d.status = DealStatus::kAbandoned;
        Emit(log, id, t,
             domain::OpportunityAbandoned{.opportunity_id = Id{id}, .customer_id = Id{"c"},
                                          .owner_id = Id{d.owner}, .amount = Money{amount, "USD"},
                                          .reason = "gone"},
             {.status = DealStatus::kAbandoned});
        break;
    }
  }

  std::mt19937 rng_;
  std::map<std::string, DealSim> deals_;
  std::vector<RawFact> facts_;
};

// The reference: a plain fold of the raw facts, then per-stage sums.
struct Expected {
  std::map<std::string, std::pair<int64_t, int64_t>> open_by_stage;  // count, amount
  int64_t open_count = 0, open_amount = 0, weighted_x100 = 0, won = 0, lost = 0, abandoned = 0;
};
Expected Reference(const std::vector<RawFact>& facts, const Visibility& vis,
                   std::optional<std::string> owner) {
  struct S {
    bool exists = false;
    std::string stage, owner;
    int64_t amount = 0;
    int probability = 0;
    DealStatus status = DealStatus::kOpen;
  };
  std::map<std::string, S> deals;
  for (const RawFact& f : facts) {  // facts are in position order
    if (f.position > vis.max_position || f.time > vis.max_time.micros()) continue;
    S& s = deals[f.deal];
    if (f.opens) s.exists = true;
    if (f.stage) {
      s.stage = *f.stage;
      s.probability = f.probability;
    }
    if (f.amount) s.amount = *f.amount;
    if (f.owner) s.owner = *f.owner;
    if (f.status) s.status = *f.status;
  }
  Expected e;
  for (const auto& [id, s] : deals) {
    if (!s.exists || (owner && s.owner != *owner)) continue;
    switch (s.status) {
      case DealStatus::kOpen:
        ++e.open_count;
        e.open_amount += s.amount;
        e.weighted_x100 += s.amount * s.probability;
        e.open_by_stage[s.stage].first += 1;
        e.open_by_stage[s.stage].second += s.amount;
        break;
      case DealStatus::kWon: ++e.won; break;
      case DealStatus::kLost: ++e.lost; break;
      case DealStatus::kAbandoned: ++e.abandoned; break;
    }
  }
  return e;
}

void ExpectFunnelMatches(const CrmBooks& books, const std::vector<RawFact>& facts,
                         const Visibility& vis, std::optional<std::string> owner) {
  Filters filters;
  filters.owner = owner;
  filters.currency = "USD";
  auto scope = ResolveScope(books, vis, filters);
  ASSERT_TRUE(scope.ok());
  const FunnelView v = BuildFunnel(books, *scope);
  const Expected e = Reference(facts, vis, owner);
  EXPECT_EQ(v.open.count, e.open_count);
  EXPECT_EQ(v.open.amount.minor, e.open_amount);
  EXPECT_EQ(v.open.weighted_amount.minor, WeightedMinor(e.weighted_x100));
  EXPECT_EQ(v.won.count, e.won);
  EXPECT_EQ(v.lost.count, e.lost);
  EXPECT_EQ(v.abandoned.count, e.abandoned);
  for (const FunnelStageRow& row : v.stages) {
    if (row.stage == "Closed Won") {
      EXPECT_EQ(row.count, e.won);
    }
    if (row.stage == "Closed Lost") {
      EXPECT_EQ(row.count, e.lost);
    }
    if (row.closed) continue;
    auto it = e.open_by_stage.find(row.stage);
    const int64_t count = it == e.open_by_stage.end() ? 0 : it->second.first;
    const int64_t amount = it == e.open_by_stage.end() ? 0 : it->second.second;
    EXPECT_EQ(row.count, count) << row.stage;

    EXPECT_EQ(row.amount.minor, amount) << row.stage;
  }
}

std::string SnapshotOf(const CrmProjection& p) {
  std::string bytes;
  p.Save(&bytes);
  return bytes;
}

// The business read models under `vis` and `filters`, as JSON without
// their `position` (the books' own head, which differs between a prefix
// fold and the whole log). Days past due count to 2017-03-02.
std::string BusinessModels(const CrmBooks& books, const Visibility& vis, const Filters& filters) {
  constexpr int32_t kAgingDay = 17167 + 60;
  auto scope = ResolveScope(books, vis, filters);
  if (!scope.ok()) return "error: " + scope.error().ToString();
  CompetitionView competition = BuildCompetition(books, *scope);
  ReceivablesView receivables = BuildReceivables(books, *scope, kAgingDay);
  ExpensesView expenses = BuildExpenses(books, *scope);
  ServiceView service = BuildService(books, *scope, kAgingDay);
  competition.position = receivables.position = expenses.position = service.position = 0;
  return ToJson(competition) + "\n" + ToJson(receivables) + "\n" + ToJson(expenses) + "\n" +
         ToJson(service);
}

const std::vector<Filters> kBusinessFilters = {
    {}, {.owner = "o1"}, {.period = "2017-02"}, {.owner = "o2", .period = "2017-Q1"}};

class PropertyTest : public ::testing::TestWithParam<uint32_t> {};

TEST_P(PropertyTest, IncrementalWithRestartsEqualsRebuildAndAsOfEqualsReferenceFold) {
  eventstore::testing::TempDir dir;
  auto store = SnapshotStore::Open({.path = dir.path()});
  ASSERT_TRUE(store.ok());
  eventstore::MemoryEventLog log;
  History history(GetParam());
  testing::BusinessHistory business(GetParam() * 13 + 5);
  std::mt19937 rng(GetParam() * 7 + 1);
  auto factory = [] { return std::make_unique<CrmProjection>(); };

  // Incremental: batches of appends; after each, the worker either keeps
  // running, stops cleanly (final snapshot) or "crashes" (no final snapshot).
  std::unique_ptr<ProjectionWorker> worker;
  for (int round = 0; round < 6; ++round) {
    if (!worker) {
      auto w = ProjectionWorker::Start(log, **store, factory,
                                       {.snapshot_every_events = 1 + rng() % 40,
                                        .snapshot_min_interval = 0ms,
                                        .snapshot_on_stop = rng() % 2 == 0});
      ASSERT_TRUE(w.ok());
      worker = std::move(*w);
    }
    history.Append(log, 40 + static_cast<int>(rng() % 60), &business);
    ASSERT_TRUE(worker->WaitForPosition(log.Head().position, 10s));
    if (rng() % 2 == 0) worker.reset();
  }
  if (!worker) {
    auto w = ProjectionWorker::Start(log, **store, factory);
    ASSERT_TRUE(w.ok());
    worker = std::move(*w);
  }
  ASSERT_TRUE(worker->WaitForPosition(log.Head().position, 10s));

  // Rebuild: one fresh fold over the whole log.
  CrmProjection rebuilt;
  auto all = log.ReadAll(GlobalPosition{1}, 1 << 20, {});
  ASSERT_TRUE(all.ok());
  for (const auto& e : all->events) rebuilt.Apply(e);
  const std::string incremental_bytes =
      worker->Read<CrmProjection>([](const CrmProjection& p) { return SnapshotOf(p); });
  EXPECT_EQ(incremental_bytes, SnapshotOf(rebuilt));
  EXPECT_EQ(rebuilt.stats().undecodable, 0u) << rebuilt.stats().last_problem;

  // A rebuild's shared fold — payloads decoded on both threads — in small
  // chunks (many slot reuses) ends in the same state; so does the worker's.
  CrmProjection shared;
  auto folded = FoldInto(shared, log, 1, log.Head().position.value, 1 + rng() % 50);
  ASSERT_TRUE(folded.ok()) << folded.error().ToString();
  EXPECT_EQ(SnapshotOf(shared), SnapshotOf(rebuilt));
  ASSERT_TRUE(worker->Rebuild().ok());
  EXPECT_EQ(worker->Read<CrmProjection>([](const CrmProjection& p) { return SnapshotOf(p); }),
            SnapshotOf(rebuilt));

  // As of random instants, against the reference fold.
  const CrmBooks& books = rebuilt.books();
  const uint64_t head = log.Head().position.value;
  for (int i = 0; i < 25; ++i) {
    Visibility vis;
    if (i % 3 != 1) vis.max_time = Timestamp::FromMicros(history.RandomTime() + 43200LL * 1000000);
    if (i % 3 != 0) vis.max_position = 1 + rng() % head;
    ExpectFunnelMatches(books, history.facts(), vis, std::nullopt);
    ExpectFunnelMatches(books, history.facts(), vis, kOwners[i % kOwners.size()]);
  }
  ExpectFunnelMatches(books, history.facts(), Visibility::Now(), std::nullopt);
  const Visibility end_of_time{.max_time = Timestamp::Max(), .max_position = head};
  EXPECT_TRUE(SameCells(books.opportunities.BuildCells(end_of_time), books.opportunities.now_cells()));
  EXPECT_TRUE(SameCells(books.opportunities.BuildCells(end_of_time, {}, {false, false, false}),
                        books.opportunities.now_summary()));

  // The business models: known at a position = folded up to it; and the
  // incremental books answer every instant as the rebuilt ones do.
  for (int i = 0; i < 6; ++i) {
    const uint64_t p = 1 + rng() % head;
    CrmProjection prefix;
    for (const auto& e : all->events) {
      if (e.position.value <= p) prefix.Apply(e);
    }
    const Visibility known{.max_position = p};
    Visibility as_of;
    as_of.max_time = Timestamp::FromMicros(history.RandomTime());
    if (i % 2 == 0) as_of.max_position = p;
    for (const Filters& f : kBusinessFilters) {
      SCOPED_TRACE("position " + std::to_string(p) + " owner " + f.owner.value_or("-") +
                   " period " + f.period.value_or("-"));
      EXPECT_EQ(BusinessModels(books, known, f), BusinessModels(prefix.books(), Visibility::Now(), f));
      worker->Read<CrmProjection>([&](const CrmProjection& incremental) {
        EXPECT_EQ(BusinessModels(incremental.books(), as_of, f), BusinessModels(books, as_of, f));
        return 0;
      });
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, PropertyTest, ::testing::Range(1u, 13u));

}  // namespace
}  // namespace dealstream::projections
