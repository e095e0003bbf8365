// Drafting, approval, signature, amendment, completion and termination.
#include "domain/contract/contract.h"

#include <gtest/gtest.h>

#include "tests/domain/contract_fixture.h"

namespace dealstream::domain::testing {
namespace {

TEST_F(ContractTest, DraftsFromAWonOpportunity) {
  EXPECT_TRUE(Emits(When({}, Draft()), {Drafted()}));
}

TEST_F(ContractTest, DraftsDirectlyWithTheCustomersOwnerOrTheActor) {
  // DESIGN §10: DraftContract {customer_id, opportunity_id?, total}.
  DraftContract direct{Id{"k2"}, Id{"acme"}, std::nullopt, Usd(100)};
  ContractDrafted expected;
  expected.contract_id = Id{"k2"};
  expected.customer_id = Id{"acme"};
  expected.owner_id = Id{"li"};
  expected.department_id = Id{"east"};
  expected.total = Usd(100);
  expected.drafted_by = Id{"wang"};
  EXPECT_TRUE(Emits(When({}, direct, "wang"), {expected}));

  directory_.customers["solo"] = {Id{"solo"}, "Solo", std::nullopt, std::nullopt, "target"};
  direct.customer_id = Id{"solo"};
  expected.customer_id = Id{"solo"};
  expected.owner_id = Id{"zhou"};
  expected.department_id = Id{"west"};
  expected.drafted_by = Id{"zhou"};
  EXPECT_TRUE(Emits(When({}, direct, "zhou"), {expected}));
}

TEST_F(ContractTest, DraftingRules) {
  auto draft = [&](auto change) {
    DraftContract c = Draft();
    change(c);
    return When({}, c);
  };
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.id.reset(); }), "id_required", "id"));
  EXPECT_TRUE(IsRefused(When({Drafted()}, Draft()), "contract_exists", ""));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.total = Usd(-1); }), "negative_amount", "total"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.customer_id = Id{"nobody"}; }), "customer_not_found",
                        "customer_id"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.customer_id = Id{"old"}; }), "customer_archived",
                        "customer_id"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.opportunity_id = Id{"nope"}; }),
                        "opportunity_not_found", "opportunity_id"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.opportunity_id = Id{"elsewhere"}; }),
                        "opportunity_customer_mismatch", "opportunity_id"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.opportunity_id = Id{"open"}; }),
                        "opportunity_not_won", "opportunity_id"));
  EXPECT_TRUE(
      IsRefused(draft([](auto& c) { c.total = Usd(499999); }), "lines_total_mismatch", "lines"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { (*c.lines)[0].quantity = 0; }), "quantity_not_positive",
                        "lines[0].quantity"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) {
                          (*c.lines)[0].unit_price = Money{100000, "EUR"};
                        }),
                        "currency_mismatch", "lines[0].unit_price"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { (*c.lines)[0].product_id = Id{"p9"}; }),
                        "product_not_found", "lines[0].product_id"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { (*c.lines)[0].description = " "; }),
                        "description_required", "lines[0].description"));
  EXPECT_TRUE(IsRefused(draft([](auto& c) { c.end_date = Day(2017, 3, 31); }), "end_before_start",
                        "end_date"));
  EXPECT_TRUE(
      IsRefused(draft([](auto& c) { c.owner_id = Id{"gone"}; }), "owner_inactive", "owner_id"));
}

TEST_F(ContractTest, ApprovalIsRequestedThenDecidedByAManagerAboveTheOwner) {
  EXPECT_TRUE(Emits(When({Drafted()}, RequestContractApproval{Id{"k1"}}), {Requested()}));
  EXPECT_TRUE(Emits(When(Pending(), ApproveContract{Id{"k1"}, std::nullopt}, "mgr"), {Approved()}));
  EXPECT_TRUE(Emits(When(Pending(), ApproveContract{Id{"k1"}, "fine"}, "boss"),
                    {ContractApproved{Id{"k1"}, Usd(500000), Id{"boss"}, "fine"}}));
  EXPECT_TRUE(Emits(When(Pending(), RejectContract{Id{"k1"}, "terms too loose"}, "mgr"),
                    {ContractRejected{Id{"k1"}, Usd(500000), Id{"mgr"}, "terms too loose"}}));
  // A rejected contract is submitted again (after amending it).
  ContractRejected rejected{Id{"k1"}, Usd(500000), Id{"mgr"}, "no"};
  EXPECT_TRUE(Emits(When({Drafted(), Requested(), rejected}, RequestContractApproval{Id{"k1"}}),
                    {Requested()}));
}

TEST_F(ContractTest, ApprovalRules) {
  auto approve = [&](std::string actor) {
    return When(Pending(), ApproveContract{Id{"k1"}}, std::move(actor));
  };
  EXPECT_TRUE(IsRefused(approve("li"), "self_approval", ""));
  EXPECT_TRUE(IsRefused(approve("wang"), "approver_not_manager", ""));
  EXPECT_TRUE(IsRefused(approve("westmgr"), "approver_outside_department", ""));
  EXPECT_TRUE(IsRefused(When({Drafted(), Requested("mgr")}, ApproveContract{Id{"k1"}}, "mgr"),
                        "self_approval", ""));
  EXPECT_TRUE(IsRefused(When({Drafted()}, ApproveContract{Id{"k1"}}, "mgr"), "contract_not_pending",
                        "contract_id"));
  EXPECT_TRUE(
      IsRefused(When(Pending(), RejectContract{Id{"k1"}, ""}, "mgr"), "reason_required", "reason"));
  EXPECT_TRUE(IsRefused(When(Pending(), RequestContractApproval{Id{"k1"}}), "contract_not_draft",
                        "contract_id"));
  EXPECT_TRUE(
      IsRefused(When({}, RequestContractApproval{Id{"k1"}}), "contract_not_found", "contract_id"));
}

TEST_F(ContractTest, SignedOnlyAfterApproval) {
  EXPECT_TRUE(
      Emits(When({Drafted(), Requested(), Approved()}, SignContract{Id{"k1"}}), {Signed()}));
  ContractSigned earlier = Signed();
  earlier.signed_on = Day(2017, 3, 10);
  earlier.customer_signatory = "Ann Lee, CFO";
  EXPECT_TRUE(Emits(When({Drafted(), Requested(), Approved()},
                         SignContract{Id{"k1"}, Day(2017, 3, 10), "Ann Lee, CFO"}),
                    {earlier}));

  EXPECT_TRUE(
      IsRefused(When({Drafted()}, SignContract{Id{"k1"}}), "contract_not_approved", "contract_id"));
  EXPECT_TRUE(
      IsRefused(When(Pending(), SignContract{Id{"k1"}}), "contract_not_approved", "contract_id"));
  EXPECT_TRUE(IsRefused(When(SignedHistory(), SignContract{Id{"k1"}}), "contract_not_approved",
                        "contract_id"));
  EXPECT_TRUE(IsRefused(
      When({Drafted(), Requested(), Approved()}, SignContract{Id{"k1"}, Day(2017, 3, 16)}),
      "signed_in_future", "signed_date"));
}

TEST_F(ContractTest, AmendingASignedContractReplacesTotalAndInstalmentsTogether) {
  AmendContract c{Id{"k1"}, "one more router"};
  c.total = Usd(600000);
  c.lines = std::vector<ContractLine>{{Id{"p1"}, "Router", 6, Usd(100000)}};
  c.payment_terms = "net 30";
  c.instalments = std::vector<Instalment>{{Id{"i1"}, Day(2017, 4, 15), Usd(600000)}};
  std::vector<ContractEvent> given = SignedHistory();
  given.push_back(
      ContractInstalmentsScheduled{Id{"k1"}, {{Id{"i1"}, Day(2017, 4, 15), Usd(500000)}}, {}});
  ContractAmended amended{Id{"k1"},
                          "one more router",
                          Usd(600000),
                          Usd(500000),
                          {{Id{"p1"}, "Router", 6, Usd(100000)}},
                          {{Id{"p1"}, "Router", 5, Usd(100000)}},
                          TextChange{"net 30", "30% on signing, 70% on acceptance"},
                          std::nullopt,
                          false};
  EXPECT_TRUE(Emits(When(given, c), {amended, ContractInstalmentsScheduled{
                                                  Id{"k1"},
                                                  {{Id{"i1"}, Day(2017, 4, 15), Usd(600000)}},
                                                  {{Id{"i1"}, Day(2017, 4, 15), Usd(500000)}}}}));
}

TEST_F(ContractTest, AmendingAnApprovedUnsignedContractVoidsTheApproval) {
  AmendContract c{Id{"k1"}, "later end"};
  c.end_date = Day(2018, 3, 31);
  ContractAmended amended{Id{"k1"},
                          "later end",
                          Usd(500000),
                          Usd(500000),
                          Drafted().lines,
                          Drafted().lines,
                          std::nullopt,
                          DateChange{Day(2018, 3, 31), Day(2017, 12, 31)},
                          true};
  std::vector<ContractEvent> approved = {Drafted(), Requested(), Approved()};
  EXPECT_TRUE(Emits(When(approved, c), {amended}));
  approved.push_back(amended);
  ContractState s = StateAfter<A>(approved);
  EXPECT_EQ(s.status, ContractStatus::kDraft);
  EXPECT_EQ(s.end_date, Day(2018, 3, 31));
  EXPECT_TRUE(
      IsRefused(When(approved, SignContract{Id{"k1"}}), "contract_not_approved", "contract_id"));
}

TEST_F(ContractTest, AmendmentRules) {
  auto amend = [&](std::vector<ContractEvent> given, auto change) {
    AmendContract c{Id{"k1"}, "why"};
    c.total = Usd(500000);
    change(c);
    return When(given, c);
  };
  auto no_lines = [](AmendContract& c) { c.lines = std::vector<ContractLine>{}; };
  EXPECT_TRUE(
      IsRefused(amend(Pending(), [](auto&) {}), "contract_pending_approval", "contract_id"));
  EXPECT_TRUE(
      IsRefused(amend({Drafted()}, [](auto& c) { c.reason = ""; }), "reason_required", "reason"));
  EXPECT_TRUE(
      IsRefused(amend({Drafted()}, [](auto& c) { c.total.reset(); }), "nothing_to_amend", ""));
  EXPECT_TRUE(IsRefused(amend({Drafted()},
                              [](auto& c) {
                                c.total = Money{5, "EUR"};
                              }),
                        "currency_mismatch", "total"));
  EXPECT_TRUE(IsRefused(amend({Drafted()}, [](auto& c) { c.total = Usd(400000); }),
                        "lines_total_mismatch", "lines"));
  EXPECT_TRUE(IsRefused(amend({Drafted()}, [](auto& c) { c.end_date = Day(2017, 1, 1); }),
                        "end_before_start", "end_date"));
  std::vector<ContractEvent> paid = Executing();
  paid.push_back(Paid("payment-1", std::nullopt, 300000, 300000));
  EXPECT_TRUE(IsRefused(amend(paid,
                              [&](auto& c) {
                                no_lines(c);
                                c.total = Usd(200000);
                              }),
                        "total_below_received", "total"));
  std::vector<ContractEvent> invoiced = Executing();
  invoiced.push_back(ContractInvoiceIssued{Id{"k1"}, Id{"invoice-1"}, Usd(400000), std::nullopt,
                                           Day(2017, 3, 15), std::nullopt, Usd(400000), Id{"li"}});
  EXPECT_TRUE(IsRefused(amend(invoiced,
                              [&](auto& c) {
                                no_lines(c);
                                c.total = Usd(300000);
                              }),
                        "total_below_invoiced", "total"));
  EXPECT_TRUE(IsRefused(amend(Executing(),
                              [&](auto& c) {
                                no_lines(c);
                                c.total = Usd(700000);
                              }),
                        "instalments_must_sum_to_total", "instalments"));
  std::vector<ContractEvent> closed = SignedHistory();
  closed.push_back(
      ContractTerminated{Id{"k1"}, ContractStatus::kSigned, "x", Usd(500000), Usd(0), Usd(500000)});
  EXPECT_TRUE(IsRefused(amend(closed, [](auto&) {}), "contract_closed", "contract_id"));
}

TEST_F(ContractTest, CompletedWhenPaidAndDelivered) {
  std::vector<ContractEvent> done = Executing();
  done.push_back(Paid("payment-1", std::nullopt, 500000, 500000));
  done.push_back(
      ContractDeliveryShipped{Id{"k1"}, Id{"b1"}, Day(2017, 5, 1), Day(2017, 3, 15), Id{"li"}, {}});
  EXPECT_TRUE(
      IsRefused(When(done, CompleteContract{Id{"k1"}}), "deliveries_not_accepted", "contract_id"));
  done.push_back(
      ContractDeliveryAccepted{Id{"k1"}, Id{"b1"}, Day(2017, 3, 15), std::nullopt, Id{"li"}, {}});
  EXPECT_TRUE(Emits(When(done, CompleteContract{Id{"k1"}}),
                    {ContractCompleted{Id{"k1"}, Usd(500000), Usd(500000)}}));

  EXPECT_TRUE(IsRefused(When(Executing(), CompleteContract{Id{"k1"}}), "contract_not_fully_paid",
                        "contract_id"));
  EXPECT_TRUE(IsRefused(When({Drafted()}, CompleteContract{Id{"k1"}}), "contract_not_signed",
                        "contract_id"));
}

TEST_F(ContractTest, TerminatedWithReasonWritingOffTheOutstanding) {
  std::vector<ContractEvent> given = Executing();
  given.push_back(Paid("payment-1", std::nullopt, 150000, 150000));
  ContractTerminated terminated{
      Id{"k1"},   ContractStatus::kSigned, "customer insolvent", Usd(500000), Usd(150000),
      Usd(350000)};
  EXPECT_TRUE(Emits(When(given, TerminateContract{Id{"k1"}, "customer insolvent"}), {terminated}));
  EXPECT_TRUE(
      IsRefused(When(given, TerminateContract{Id{"k1"}, " "}), "reason_required", "reason"));
  given.push_back(terminated);
  EXPECT_TRUE(IsRefused(When(given, TerminateContract{Id{"k1"}, "again"}), "contract_closed",
                        "contract_id"));
  EXPECT_EQ(FactsOf(StateAfter<A>(given)).status, "terminated");
}

}  // namespace
}  // namespace dealstream::domain::testing
