// The world the deal-side aggregates' tests run in: an organisation
// (hq > east, west), customers with contacts, products, competitors,
// partners, a campaign and DESIGN §2.3's default sales process.
//
//   employees: li, wang (sales, east), zhou (presales, west), mgr (manager,
//     east), boss (director, hq), westmgr (manager, west), gone (left);
//   customers: acme (owner li, east), old (archived), dup (merged);
//   contacts: ann (acme), bob (another customer), cat (acme, left);
//   products: p1, p2, px (discontinued); competitors: rival, other;
//   partners: dealer, exdealer (inactive); campaign: spring (open), fall (ended);
//   opportunities: won (acme, won), open (acme, open), elsewhere (other customer, won).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/common/aggregate.h"
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

inline FakeDirectory DealDirectory() {
  FakeDirectory d;
  d.departments["hq"] = {Id{"hq"}, "HQ", std::nullopt, Id{"boss"}, true};
  d.departments["east"] = {Id{"east"}, "East", Id{"hq"}, Id{"mgr"}, true};
  d.departments["west"] = {Id{"west"}, "West", Id{"hq"}, Id{"westmgr"}, true};
  d.departments["shut"] = {Id{"shut"}, "Shut", Id{"hq"}, std::nullopt, false};
  auto hire = [&d](std::string id, std::string department, std::string role, bool active) {
    d.employees[id] = {Id{id}, id, Id{department}, role, std::nullopt, active};
  };
  hire("li", "east", "sales", true);
  hire("wang", "east", "sales", true);
  hire("zhou", "west", "presales", true);
  hire("mgr", "east", "manager", true);
  hire("boss", "hq", "director", true);
  hire("westmgr", "west", "manager", true);
  hire("gone", "east", "sales", false);
  d.customers["acme"] = {Id{"acme"}, "Acme", Id{"li"}, Id{"east"}, "potential"};
  d.customers["old"] = {Id{"old"}, "Old", Id{"li"}, Id{"east"}, "churned", true};
  d.customers["dup"] = {Id{"dup"}, "Dup", Id{"li"}, Id{"east"}, "target", false, true};
  d.contacts["ann"] = {Id{"ann"}, Id{"acme"}, false};
  d.contacts["bob"] = {Id{"bob"}, Id{"other"}, false};
  d.contacts["cat"] = {Id{"cat"}, Id{"acme"}, true};
  d.products["p1"] = {Id{"p1"}, "SKU-1", "Router", Money{100000, "USD"}};
  d.products["p2"] = {Id{"p2"}, "SKU-2", "Switch", Money{50000, "USD"}};
  d.products["px"] = {Id{"px"}, "SKU-X", "Old modem", Money{100, "USD"}};
  d.products["px"].discontinued = true;
  d.competitors["rival"] = {Id{"rival"}, "Rival Inc"};
  d.competitors["other"] = {Id{"other"}, "Other Ltd"};
  d.partners["dealer"] = {Id{"dealer"}, "Dealer", true};
  d.partners["exdealer"] = {Id{"exdealer"}, "Ex-dealer", false};
  d.sales_process = DefaultProcess();
  d.campaigns["spring"] = {Id{"spring"}, "Spring fair", false};
  d.campaigns["fall"] = {Id{"fall"}, "Fall fair", true};
  d.opportunities["won"] = {Id{"won"},  Id{"acme"}, Id{"li"},
                            Id{"east"}, "won",      Money{500000, "USD"}};
  d.opportunities["open"] = {Id{"open"}, Id{"acme"}, Id{"li"},
                             Id{"east"}, "open",     Money{500000, "USD"}};
  d.opportunities["elsewhere"] = {Id{"elsewhere"}, Id{"other"}, Id{"li"},
                                  Id{"east"},      "won",       Money{1, "USD"}};
  return d;
}

// A given/when fixture for aggregate A in the DealDirectory() world.
template <typename A>
class DealTest : public ::testing::Test {
 protected:
  DealTest() : directory_(DealDirectory()) {}

  Decision<typename A::Event> When(const std::vector<typename A::Event>& given,
                                   typename A::Command command, std::string actor = "li") {
    return GivenWhen<A>(given, command, DecideContext{TestNow(), Id{std::move(actor)}, directory_});
  }

  FakeDirectory directory_;
};

}  // namespace dealstream::domain::testing
