// History builders for the contract tests: contract k1 for acme from the
// won opportunity, USD 5,000.00 (5 × p1 at 1,000.00), owned by li (east).
#pragma once

#include <vector>

#include "domain/contract/contract.h"
#include "tests/domain/deal_directory.h"

namespace dealstream::domain::testing {

class ContractTest : public DealTest<ContractAggregate> {
 protected:
  using A = ContractAggregate;

  static DraftContract Draft() {
    DraftContract c;
    c.id = Id{"k1"};
    c.customer_id = Id{"acme"};
    c.opportunity_id = Id{"won"};
    c.total = Usd(500000);
    c.title = "Routers 2017";
    c.lines = std::vector<ContractLine>{{Id{"p1"}, "Router", 5, Usd(100000)}};
    c.payment_terms = "30% on signing, 70% on acceptance";
    c.start_date = Day(2017, 4, 1);
    c.end_date = Day(2017, 12, 31);
    return c;
  }

  static ContractDrafted Drafted() {
    ContractDrafted e;
    e.contract_id = Id{"k1"};
    e.customer_id = Id{"acme"};
    e.opportunity_id = Id{"won"};
    e.owner_id = Id{"li"};
    e.department_id = Id{"east"};
    e.title = "Routers 2017";
    e.lines = {{Id{"p1"}, "Router", 5, Usd(100000)}};
    e.total = Usd(500000);
    e.payment_terms = "30% on signing, 70% on acceptance";
    e.start_date = Day(2017, 4, 1);
    e.end_date = Day(2017, 12, 31);
    e.drafted_by = Id{"li"};
    return e;
  }

  static ContractApprovalRequested Requested(std::string by = "li") {
    return {Id{"k1"}, Usd(500000), Id{std::move(by)}};
  }
  static ContractApproved Approved() { return {Id{"k1"}, Usd(500000), Id{"mgr"}, std::nullopt}; }
  static ContractSigned Signed() {
    return {Id{"k1"},    Id{"acme"},       Id{"won"},    Id{"li"}, Id{"east"},
            Usd(500000), Day(2017, 3, 15), std::nullopt, Id{"li"}};
  }

  static std::vector<A::Event> Pending() { return {Drafted(), Requested()}; }
  static std::vector<A::Event> SignedHistory() {
    return {Drafted(), Requested(), Approved(), Signed()};
  }
  // Signed, with instalments i1 (1,500.00) and i2 (3,500.00) and batch b1.
  static std::vector<A::Event> Executing() {
    std::vector<A::Event> h = SignedHistory();
    h.push_back(ContractInstalmentsScheduled{
        Id{"k1"},
        {{Id{"i1"}, Day(2017, 4, 15), Usd(150000)}, {Id{"i2"}, Day(2017, 6, 30), Usd(350000)}},
        {}});
    h.push_back(ContractDeliveriesScheduled{
        Id{"k1"}, {{Id{"b1"}, Day(2017, 5, 1), {{Id{"p1"}, "Router", 5}}}}, {}});
    return h;
  }
  static ContractPaymentReceived Paid(std::string id, std::optional<std::string> instalment,
                                      int64_t amount, int64_t received) {
    std::optional<Id> instalment_id;
    if (instalment) instalment_id = Id{*instalment};
    return {Id{"k1"},      Id{std::move(id)},      Usd(amount),
            instalment_id, Day(2017, 3, 15),       std::nullopt,
            Usd(received), Usd(500000 - received), Id{"li"}};
  }
};

}  // namespace dealstream::domain::testing
