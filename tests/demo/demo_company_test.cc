// The demo company, generated into a real RocksDB log through the command
// service and checked by reading the log back: every part of the domain is
// there in realistic numbers, times are sane, some instalments are overdue,
// and a seed always yields the same events.
#include "demo/demo_company.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "commands/log_command_service.h"
#include "log_fixture.h"

namespace dealstream::demo {
namespace {

using eventstore::RecordedEvent;
using eventstore::testing::OpenRocks;
using eventstore::testing::TempDir;

Timestamp Now() { return *ParseTimestamp("2025-06-30T15:00:00Z"); }

struct Generated {
  Result<DemoSummary> summary = Status::Unavailable("not run");
  std::vector<RecordedEvent> events;  // the whole log, in position order
};

Generated Generate(uint64_t seed, eventstore::Durability durability = eventstore::Durability::kOs) {
  TempDir dir;
  auto log = OpenRocks(dir.path(), durability);
  commands::LogCommandService service(*log);
  Generated g;
  g.summary = GenerateDemoCompany(service, {.seed = seed, .now = Now()});
  eventstore::GlobalPosition from{1};
  while (true) {
    auto page = log->ReadAll(from, 5000, {});
    EXPECT_TRUE(page.ok());
    if (!page.ok() || page->events.empty()) break;
    for (RecordedEvent& e : page->events) g.events.push_back(std::move(e));
    from = page->next;
  }
  return g;
}

// Generated once for the whole suite: it is the expensive part.
const Generated& Company() {
  static const Generated* generated = new Generated(Generate(7));
  return *generated;
}

int64_t Cents(const nlohmann::json& money) {
  const std::string text = money.at("amount").get<std::string>();
  const size_t dot = text.find('.');
  if (dot == std::string::npos) return std::stoll(text) * 100;
  std::string fraction = text.substr(dot + 1);
  fraction.resize(2, '0');
  return std::stoll(text.substr(0, dot)) * 100 + std::stoll(fraction);
}

TEST(DemoCompanyTest, EveryCommandIsAccepted) {
  const Generated& g = Company();
  ASSERT_TRUE(g.summary.ok()) << g.summary.error().message();
  EXPECT_GT(g.summary->commands, 20000u);
  uint64_t by_type = 0;
  for (const auto& [type, count] : g.summary->by_type) by_type += count;
  EXPECT_EQ(by_type, g.summary->commands);
  EXPECT_LE(g.summary->commands, g.events.size());
  std::printf("demo company: %llu commands, %zu events in %.2f s\n",
              static_cast<unsigned long long>(g.summary->commands), g.events.size(),
              g.summary->seconds);
}

TEST(DemoCompanyTest, HasTheMinimumOfEveryRecordType) {
  const Generated& g = Company();
  ASSERT_TRUE(g.summary.ok()) << g.summary.error().message();
  std::map<std::string, std::set<std::string>> streams;
  std::map<std::string, int> types;
  for (const RecordedEvent& e : g.events) {
    streams[std::string(e.stream.category())].insert(e.stream.str());
    ++types[e.type];
  }
  const std::map<std::string, size_t> minimum = {{"department", 7},
                                                 {"employee", 30},
                                                 {"sales_target", 150},
                                                 {"budget", 12},
                                                 {"product", 9},
                                                 {"competitor", 5},
                                                 {"competing_product", 10},
                                                 {"customer", 300},
                                                 {"contact", 600},
                                                 {"opportunity", 1000},
                                                 {"contract", 250},
                                                 {"expense", 200},
                                                 {"service_request", 150},
                                                 {"campaign", 1},
                                                 {"lead", 30},
                                                 {"config", 1}};
  for (const auto& [category, count] : minimum) {
    EXPECT_GE(streams[category].size(), count) << category;
  }
  const std::map<std::string, int> minimum_events = {
      {"crm.opportunity.stage_advanced.v1", 3000},
      {"crm.opportunity.stages_planned.v1", 300},
      {"crm.opportunity.activity_completed.v1", 2000},
      {"crm.opportunity.quote_approved.v1", 300},
      {"crm.opportunity.quote_rejected.v1", 30},
      {"crm.opportunity.competitor_recorded.v1", 400},
      {"crm.opportunity.won.v1", 250},
      {"crm.opportunity.lost.v1", 200},
      {"crm.opportunity.reopened.v1", 5},
      {"crm.contact.role_assigned.v1", 1000},
      {"crm.contract.approved.v1", 250},
      {"crm.contract.signed.v1", 250},
      {"crm.contract.instalments_scheduled.v1", 250},
      {"crm.contract.payment_received.v1", 300},
      {"crm.contract.delivery_accepted.v1", 250},
      {"crm.expense.approved.v1", 150},
      {"crm.expense.rejected.v1", 10},
      {"crm.service_request.closed.v1", 150}};
  for (const auto& [type, count] : minimum_events) EXPECT_GE(types[type], count) << type;
}

TEST(DemoCompanyTest, OpenDealsSpanEveryStageAndTimesAreOrderedAndPast) {
  const Generated& g = Company();
  ASSERT_TRUE(g.summary.ok()) << g.summary.error().message();
  std::map<std::string, std::string> stage;  // opportunity stream -> current stage
  std::map<std::string, Timestamp> last_time;
  const Timestamp earliest = Timestamp::FromMicros(Now().micros() - 549LL * 86400 * 1000000);
  for (const RecordedEvent& e : g.events) {
    EXPECT_LE(e.time, Now()) << e.stream.str() << " " << e.type;
    EXPECT_GE(e.time, earliest) << e.stream.str() << " " << e.type;
    auto [it, first] = last_time.try_emplace(e.stream.str(), e.time);
    EXPECT_LE(it->second, e.time) << e.stream.str() << " goes back in time at " << e.type;
    it->second = e.time;
    if (e.stream.category() != "opportunity") continue;
    const auto data = nlohmann::json::parse(e.data);
    if (data.contains("stage")) stage[e.stream.str()] = data["stage"].get<std::string>();
    if (e.type == "crm.opportunity.abandoned.v1") stage[e.stream.str()] = "abandoned";
  }
  std::map<std::string, int> per_stage;
  for (const auto& [stream, name] : stage) ++per_stage[name];
  for (const char* name :
       {"Prospecting", "Qualification", "Needs Analysis", "Value Proposition",
        "Identify Decision Makers", "Perception Analysis", "Proposal/Price Quote",
        "Negotiation/Review", "Closed Won", "Closed Lost", "abandoned"}) {
    EXPECT_GE(per_stage[name], 5) << name;
  }
}

TEST(DemoCompanyTest, SomeInstalmentsAreOverdueAtNow) {
  const Generated& g = Company();
  ASSERT_TRUE(g.summary.ok()) << g.summary.error().message();
  // (contract, instalment) -> (due date, amount due, amount paid)
  std::map<std::pair<std::string, std::string>, std::tuple<std::string, int64_t, int64_t>> plan;
  for (const RecordedEvent& e : g.events) {
    if (e.type == "crm.contract.instalments_scheduled.v1") {
      const auto data = nlohmann::json::parse(e.data);
      for (const auto& i : data.at("instalments")) {
        plan[{e.stream.str(), i.at("instalment_id").get<std::string>()}] = {
            i.at("due_date").get<std::string>(), Cents(i.at("amount")), 0};
      }
    } else if (e.type == "crm.contract.payment_received.v1") {
      const auto data = nlohmann::json::parse(e.data);
      std::get<2>(plan[{e.stream.str(), data.at("instalment_id").get<std::string>()}]) +=
          Cents(data.at("amount"));
    }
  }
  const std::string today = FormatDate(Now());
  uint64_t overdue = 0;
  for (const auto& [key, due] : plan) {
    const auto& [date, amount, paid] = due;
    EXPECT_LE(paid, amount);
    if (date < today && paid < amount) ++overdue;
  }
  EXPECT_GT(overdue, 20u);
  EXPECT_EQ(overdue, g.summary->overdue_instalments);
}

// (stream, version, type, business time, payload) of every event.
std::vector<std::tuple<std::string, uint64_t, std::string, int64_t, std::string>> Facts(
    const std::vector<RecordedEvent>& events) {
  std::vector<std::tuple<std::string, uint64_t, std::string, int64_t, std::string>> facts;
  for (const RecordedEvent& e : events) {
    facts.emplace_back(e.stream.str(), e.version.value, e.type, e.time.micros(), e.data);
  }
  std::sort(facts.begin(), facts.end());
  return facts;
}

TEST(DemoCompanyTest, SameSeedSameEventsOtherSeedOtherCompany) {
  const Generated& g = Company();
  ASSERT_TRUE(g.summary.ok()) << g.summary.error().message();
  // Durable this time, as `serve` runs it: the events do not depend on it.
  const Generated again = Generate(7, eventstore::Durability::kFsync);
  ASSERT_TRUE(again.summary.ok()) << again.summary.error().message();
  std::printf("demo company with fsync: %.2f s\n", again.summary->seconds);
  EXPECT_EQ(again.summary->commands, g.summary->commands);
  EXPECT_TRUE(Facts(again.events) == Facts(g.events));
  const Generated other = Generate(8);
  ASSERT_TRUE(other.summary.ok()) << other.summary.error().message();
  EXPECT_FALSE(Facts(other.events) == Facts(g.events));
}

}  // namespace
}  // namespace dealstream::demo
