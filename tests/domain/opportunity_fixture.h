// The fixture of the opportunity tests: DealDirectory() and history
// builders for opportunity o1.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/opportunity/opportunity.h"
#include "tests/domain/deal_directory.h"
#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain::testing {

class OpportunityTest : public ::testing::Test {
 protected:
  using A = OpportunityAggregate;

  OpportunityTest() : directory_(DealDirectory()) {}

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
