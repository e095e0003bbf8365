// A directory and history builders shared by the opportunity tests: an
// organisation (hq > east, west), a customer with contacts, products, a
// competitor, partners and DESIGN §2.3's default sales process.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/opportunity/opportunity.h"
#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain::testing {

inline SalesProcessFacts DefaultProcess() {
  SalesProcessFacts p;
  p.stages = {{"Prospecting", 10, "pipeline", false},
              {"Qualification", 10, "pipeline", false},
              {"Needs Analysis", 20, "pipeline", false},
              {"Value Proposition", 50, "best_case", false},
              {"Identify Decision Makers", 60, "best_case", false},
              {"Perception Analysis", 70, "best_case", false},
              {"Proposal/Price Quote", 75, "commit", false},
              {"Negotiation/Review", 90, "commit", false},
              {"Closed Won", 100, "closed", true},
              {"Closed Lost", 0, "omitted", true}};
  p.loss_reasons = {"price", "features", "relationship", "timing", "no_decision"};
  p.activity_types = {"call", "visit", "demo", "proposal", "bid", "negotiation", "care"};
  return p;
}

class OpportunityTest : public ::testing::Test {
 protected:
  using A = OpportunityAggregate;

  OpportunityTest() {
    directory_.departments["hq"] = {Id{"hq"}, "HQ", std::nullopt, Id{"boss"}, true};
    directory_.departments["east"] = {Id{"east"}, "East", Id{"hq"}, Id{"mgr"}, true};
    directory_.departments["west"] = {Id{"west"}, "West", Id{"hq"}, Id{"westmgr"}, true};
    directory_.departments["shut"] = {Id{"shut"}, "Shut", Id{"hq"}, std::nullopt, false};
    auto hire = [&](std::string id, std::string department, std::string role, bool active) {
      directory_.employees[id] = {Id{id}, id, Id{department}, role, std::nullopt, active};
    };
    hire("li", "east", "sales", true);
    hire("wang", "east", "sales", true);
    hire("zhou", "west", "presales", true);
    hire("mgr", "east", "manager", true);
    hire("boss", "hq", "director", true);
    hire("westmgr", "west", "manager", true);
    hire("gone", "east", "sales", false);
    directory_.customers["acme"] = {Id{"acme"}, "Acme", Id{"li"}, Id{"east"}, "potential"};
    directory_.customers["old"] = {Id{"old"}, "Old", Id{"li"}, Id{"east"}, "churned", true};
    directory_.customers["dup"] = {Id{"dup"}, "Dup", Id{"li"}, Id{"east"}, "target", false, true};
    directory_.contacts["ann"] = {Id{"ann"}, Id{"acme"}, false};
    directory_.contacts["bob"] = {Id{"bob"}, Id{"other"}, false};
    directory_.contacts["cat"] = {Id{"cat"}, Id{"acme"}, true};
    directory_.products["p1"] = {Id{"p1"}, "SKU-1", "Router", Money{100000, "USD"}};
    directory_.products["p2"] = {Id{"p2"}, "SKU-2", "Switch", Money{50000, "USD"}};
    directory_.products["px"] = {Id{"px"}, "SKU-X", "Old modem", Money{100, "USD"}};
    directory_.products["px"].discontinued = true;
    directory_.competitors["rival"] = {Id{"rival"}, "Rival Inc"};
    directory_.competitors["other"] = {Id{"other"}, "Other Ltd"};
    directory_.partners["dealer"] = {Id{"dealer"}, "Dealer", true};
    directory_.partners["exdealer"] = {Id{"exdealer"}, "Ex-dealer", false};
    directory_.sales_process = DefaultProcess();
  }

  Decision<A::Event> When(const std::vector<A::Event>& given, A::Command command,
                          std::string actor = "li") {
    return GivenWhen<A>(given, command, DecideContext{TestNow(), Id{actor}, directory_});
  }

  // o1 for acme, USD 100,000.00, closing 2017-06-30, owned by li (east).
  static OpportunityOpened Opened() {
    OpportunityOpened e;
    e.opportunity_id = Id{"o1"};
    e.customer_id = Id{"acme"};
    e.title = "Core network refresh";
    e.source = "trade show";
    e.amount = Usd(10000000);
    e.expected_close_date = Day(2017, 6, 30);
    e.owner_id = Id{"li"};
    e.department_id = Id{"east"};
    e.product_ids = {Id{"p1"}};
    e.stage = "Prospecting";
    e.probability = 10;
    e.forecast_category = "pipeline";
    e.opened_by = Id{"li"};
    return e;
  }

  static OpenOpportunity Open() {
    OpenOpportunity c;
    c.id = Id{"o1"};
    c.customer_id = Id{"acme"};
    c.title = "Core network refresh";
    c.source = "trade show";
    c.amount = Usd(10000000);
    c.expected_close_date = Day(2017, 6, 30);
    c.owner_id = Id{"li"};
    c.product_ids = std::vector<Id>{Id{"p1"}};
    return c;
  }

  static OpportunityStageAdvanced AdvancedTo(std::string stage, std::string previous,
                                             int32_t probability, int32_t previous_probability,
                                             std::string category) {
    OpportunityStageAdvanced e;
    e.opportunity_id = Id{"o1"};
    e.stage = std::move(stage);
    e.previous_stage = std::move(previous);
    e.probability = probability;
    e.previous_probability = previous_probability;
    e.forecast_category = std::move(category);
    e.amount = Usd(10000000);
    e.reached_on = Day(2017, 3, 15);
    return e;
  }

  static OpportunityWon Won() {
    OpportunityWon e;
    e.opportunity_id = Id{"o1"};
    e.customer_id = Id{"acme"};
    e.owner_id = Id{"li"};
    e.department_id = Id{"east"};
    e.amount = Usd(10000000);
    e.previous_amount = Usd(10000000);
    e.stage = "Closed Won";
    e.previous_stage = "Prospecting";
    e.probability = 100;
    e.forecast_category = "closed";
    e.product_ids = {Id{"p1"}};
    return e;
  }

  FakeDirectory directory_;
};

}  // namespace dealstream::domain::testing
