// The execution plan (instalments, deliveries) and execution records.
#include <gtest/gtest.h>

#include "domain/contract/contract.h"
#include "tests/domain/contract_fixture.h"

namespace dealstream::domain::testing {
namespace {

std::vector<Instalment> TwoInstalments() {
  return {{Id{"i1"}, Day(2017, 4, 15), Usd(150000)}, {Id{"i2"}, Day(2017, 6, 30), Usd(350000)}};
}

TEST_F(ContractTest, SchedulesInstalmentsThatSumToTheTotal) {
  EXPECT_TRUE(Emits(When(SignedHistory(), ScheduleContractInstalments{Id{"k1"}, TwoInstalments()}),
                    {ContractInstalmentsScheduled{Id{"k1"}, TwoInstalments(), {}}}));
  // Revised later, keeping the paid instalment at least at what was paid.
  std::vector<ContractEvent> given = Executing();
  given.push_back(Paid("payment-1", "i1", 100000, 100000));
  std::vector<Instalment> revised = {{Id{"i1"}, Day(2017, 4, 15), Usd(100000)},
                                     {Id{"i3"}, Day(2017, 9, 30), Usd(400000)}};
  EXPECT_TRUE(Emits(When(given, ScheduleContractInstalments{Id{"k1"}, revised}),
                    {ContractInstalmentsScheduled{Id{"k1"}, revised, TwoInstalments()}}));
  given.push_back(ContractInstalmentsScheduled{Id{"k1"}, revised, TwoInstalments()});
  ContractState s = StateAfter<A>(given);
  ASSERT_EQ(s.instalments.size(), 2u);
  EXPECT_EQ(s.instalments[0].paid, Usd(100000));
  EXPECT_EQ(s.instalments[1].paid, Usd(0));
}

TEST_F(ContractTest, InstalmentRules) {
  auto schedule = [&](std::vector<ContractEvent> given, std::vector<Instalment> plan) {
    return When(given, ScheduleContractInstalments{Id{"k1"}, std::move(plan)});
  };
  std::vector<Instalment> plan = TwoInstalments();
  plan[1].amount = Usd(300000);
  EXPECT_TRUE(
      IsRefused(schedule(SignedHistory(), plan), "instalments_must_sum_to_total", "instalments"));
  plan = TwoInstalments();
  plan[1].instalment_id = Id{"i1"};
  EXPECT_TRUE(IsRefused(schedule(SignedHistory(), plan), "duplicate_instalment_id",
                        "instalments[1].instalment_id"));
  plan = {{Id{"i1"}, Day(2017, 4, 15), Usd(500000)}, {Id{"i2"}, Day(2017, 5, 1), Usd(0)}};
  EXPECT_TRUE(
      IsRefused(schedule(SignedHistory(), plan), "amount_not_positive", "instalments[1].amount"));
  plan = {{Id{"i1"}, Day(2017, 4, 15), Money{500000, "EUR"}}};
  EXPECT_TRUE(
      IsRefused(schedule(SignedHistory(), plan), "currency_mismatch", "instalments[0].amount"));

  std::vector<ContractEvent> paid = Executing();
  paid.push_back(Paid("payment-1", "i1", 100000, 100000));
  plan = {{Id{"i1"}, Day(2017, 4, 15), Usd(50000)}, {Id{"i2"}, Day(2017, 6, 30), Usd(450000)}};
  EXPECT_TRUE(IsRefused(schedule(paid, plan), "instalment_below_paid", "instalments[0].amount"));
  plan = {{Id{"i2"}, Day(2017, 6, 30), Usd(500000)}};
  EXPECT_TRUE(IsRefused(schedule(paid, plan), "paid_instalment_removed", "instalments"));
  // An unpaid plan may be cleared.
  EXPECT_TRUE(schedule(Executing(), {}).ok());
  EXPECT_TRUE(IsRefused(schedule({}, TwoInstalments()), "contract_not_found", "contract_id"));
}

DeliveryBatch Batch(std::string id, int64_t quantity) {
  return {Id{std::move(id)}, Day(2017, 5, 1), {{Id{"p1"}, "Router", quantity}}};
}

TEST_F(ContractTest, SchedulesAndRevisesDeliveries) {
  std::vector<DeliveryBatch> plan = {Batch("b1", 2), Batch("b2", 3)};
  EXPECT_TRUE(Emits(When(SignedHistory(), ScheduleContractDeliveries{Id{"k1"}, plan}),
                    {ContractDeliveriesScheduled{Id{"k1"}, plan, {}}}));
  std::vector<ContractEvent> shipped = Executing();
  shipped.push_back(
      ContractDeliveryShipped{Id{"k1"}, Id{"b1"}, Day(2017, 5, 1), Day(2017, 3, 15), Id{"li"}, {}});
  std::vector<DeliveryBatch> keep = {Batch("b1", 5), Batch("b9", 1)};
  EXPECT_TRUE(Emits(When(shipped, ScheduleContractDeliveries{Id{"k1"}, keep}),
                    {ContractDeliveriesScheduled{Id{"k1"}, keep, {Batch("b1", 5)}}}));
  shipped.push_back(ContractDeliveriesScheduled{Id{"k1"}, keep, {Batch("b1", 5)}});
  EXPECT_EQ(StateAfter<A>(shipped).deliveries[0].shipped_on, Day(2017, 3, 15));
}

TEST_F(ContractTest, DeliveryPlanRules) {
  auto schedule = [&](std::vector<DeliveryBatch> plan) {
    return When(SignedHistory(), ScheduleContractDeliveries{Id{"k1"}, std::move(plan)});
  };
  EXPECT_TRUE(IsRefused(schedule({Batch("b1", 1), Batch("b1", 2)}), "duplicate_batch_id",
                        "deliveries[1].batch_id"));
  EXPECT_TRUE(IsRefused(schedule({DeliveryBatch{Id{"b1"}, Day(2017, 5, 1), {}}}),
                        "delivery_items_required", "deliveries[0].items"));
  EXPECT_TRUE(IsRefused(schedule({Batch("b1", 0)}), "quantity_not_positive",
                        "deliveries[0].items[0].quantity"));
  DeliveryBatch unknown = Batch("b1", 1);
  unknown.items[0].product_id = Id{"p9"};
  EXPECT_TRUE(
      IsRefused(schedule({unknown}), "product_not_found", "deliveries[0].items[0].product_id"));
  DeliveryBatch blank = Batch("b1", 1);
  blank.items[0].description = "";
  EXPECT_TRUE(
      IsRefused(schedule({blank}), "description_required", "deliveries[0].items[0].description"));
  std::vector<ContractEvent> shipped = Executing();
  shipped.push_back(
      ContractDeliveryShipped{Id{"k1"}, Id{"b1"}, Day(2017, 5, 1), Day(2017, 3, 15), Id{"li"}, {}});
  EXPECT_TRUE(IsRefused(When(shipped, ScheduleContractDeliveries{Id{"k1"}, {Batch("b1", 4)}}),
                        "delivery_already_shipped", "deliveries"));
}

TEST_F(ContractTest, RecordsShipmentAndAcceptanceWithWhoAndWhen) {
  EXPECT_TRUE(
      Emits(When(Executing(), RecordDeliveryShipped{Id{"k1"}, Id{"b1"}, "by truck"}, "wang"),
            {ContractDeliveryShipped{Id{"k1"}, Id{"b1"}, Day(2017, 5, 1), Day(2017, 3, 15),
                                     Id{"wang"}, "by truck"}}));
  std::vector<ContractEvent> shipped = Executing();
  shipped.push_back(
      ContractDeliveryShipped{Id{"k1"}, Id{"b1"}, Day(2017, 5, 1), Day(2017, 3, 15), Id{"li"}, {}});
  EXPECT_TRUE(
      Emits(When(shipped, RecordDeliveryAccepted{Id{"k1"}, Id{"b1"}, Id{"ann"}, std::nullopt}),
            {ContractDeliveryAccepted{Id{"k1"}, Id{"b1"}, Day(2017, 3, 15), Id{"ann"}, Id{"li"},
                                      std::nullopt}}));
}

TEST_F(ContractTest, DeliveryRecordRules) {
  EXPECT_TRUE(IsRefused(When({Drafted()}, RecordDeliveryShipped{Id{"k1"}, Id{"b1"}}),
                        "contract_not_signed", "contract_id"));
  EXPECT_TRUE(IsRefused(When(Executing(), RecordDeliveryShipped{Id{"k1"}, Id{"b7"}}),
                        "delivery_not_found", "batch_id"));
  EXPECT_TRUE(IsRefused(When(Executing(), RecordDeliveryAccepted{Id{"k1"}, Id{"b1"}}),
                        "delivery_not_shipped", "batch_id"));
  std::vector<ContractEvent> shipped = Executing();
  shipped.push_back(
      ContractDeliveryShipped{Id{"k1"}, Id{"b1"}, Day(2017, 5, 1), Day(2017, 3, 15), Id{"li"}, {}});
  EXPECT_TRUE(IsRefused(When(shipped, RecordDeliveryShipped{Id{"k1"}, Id{"b1"}}),
                        "delivery_already_shipped", "batch_id"));
  EXPECT_TRUE(IsRefused(When(shipped, RecordDeliveryAccepted{Id{"k1"}, Id{"b1"}, Id{"zed"}}),
                        "contact_not_found", "accepted_by_contact_id"));
  EXPECT_TRUE(IsRefused(When(shipped, RecordDeliveryAccepted{Id{"k1"}, Id{"b1"}, Id{"bob"}}),
                        "contact_customer_mismatch", "accepted_by_contact_id"));
  shipped.push_back(
      ContractDeliveryAccepted{Id{"k1"}, Id{"b1"}, Day(2017, 3, 15), std::nullopt, Id{"li"}, {}});
  EXPECT_TRUE(IsRefused(When(shipped, RecordDeliveryAccepted{Id{"k1"}, Id{"b1"}}),
                        "delivery_already_accepted", "batch_id"));
}

TEST_F(ContractTest, InvoicesUpToTheTotal) {
  RecordInvoiceIssued c{Id{"k1"}, std::nullopt, Usd(150000), Id{"i1"}, Day(2017, 4, 15)};
  ContractInvoiceIssued first{Id{"k1"},         Id{"invoice-1"},  Usd(150000), Id{"i1"},
                              Day(2017, 3, 15), Day(2017, 4, 15), Usd(150000), Id{"li"}};
  EXPECT_TRUE(Emits(When(Executing(), c), {first}));
  std::vector<ContractEvent> given = Executing();
  given.push_back(first);
  c.amount = Usd(350001);
  EXPECT_TRUE(IsRefused(When(given, c), "invoice_exceeds_total", "amount"));
  c.amount = Usd(350000);
  c.invoice_id = Id{"invoice-1"};
  EXPECT_TRUE(IsRefused(When(given, c), "duplicate_invoice_id", "invoice_id"));
  c.invoice_id.reset();
  c.instalment_id = Id{"i7"};
  EXPECT_TRUE(IsRefused(When(given, c), "instalment_not_found", "instalment_id"));
  c.instalment_id.reset();
  c.due_date = Day(2017, 3, 1);
  EXPECT_TRUE(IsRefused(When(given, c), "due_before_issue", "due_date"));
  c.due_date.reset();
  c.amount = Usd(0);
  EXPECT_TRUE(IsRefused(When(given, c), "amount_not_positive", "amount"));
  c.amount = Money{1, "EUR"};
  EXPECT_TRUE(IsRefused(When(given, c), "currency_mismatch", "amount"));
  EXPECT_TRUE(IsRefused(
      When({Drafted(), Requested(), Approved()}, RecordInvoiceIssued{Id{"k1"}, {}, Usd(1)}),
      "contract_not_signed", "contract_id"));
}

TEST_F(ContractTest, PaymentsCarryRunningTotalsAndNeverExceedTheOutstanding) {
  // DESIGN §10: RecordPayment {contract_id, amount}.
  EXPECT_TRUE(Emits(When(Executing(), RecordPayment{Id{"k1"}, Usd(150000)}),
                    {Paid("payment-1", std::nullopt, 150000, 150000)}));
  std::vector<ContractEvent> given = Executing();
  given.push_back(Paid("payment-1", "i1", 100000, 100000));
  EXPECT_TRUE(Emits(When(given, RecordPayment{Id{"k1"}, Usd(50000), Id{"i1"}}),
                    {Paid("payment-2", "i1", 50000, 150000)}));
  EXPECT_TRUE(IsRefused(When(given, RecordPayment{Id{"k1"}, Usd(50001), Id{"i1"}}),
                        "payment_exceeds_instalment", "amount"));
  EXPECT_TRUE(IsRefused(When(given, RecordPayment{Id{"k1"}, Usd(400001)}),
                        "payment_exceeds_outstanding", "amount"));
  EXPECT_TRUE(When(given, RecordPayment{Id{"k1"}, Usd(400000)}).ok());
  EXPECT_TRUE(IsRefused(When(given, RecordPayment{Id{"k1"}, Usd(1), Id{"i9"}}),
                        "instalment_not_found", "instalment_id"));
  EXPECT_TRUE(IsRefused(When(given, RecordPayment{Id{"k1"}, Usd(1), std::nullopt, Id{"payment-1"}}),
                        "duplicate_payment_id", "payment_id"));
  EXPECT_TRUE(
      IsRefused(When(given, RecordPayment{Id{"k1"}, Usd(-1)}), "amount_not_positive", "amount"));
  EXPECT_TRUE(IsRefused(When(given, RecordPayment{Id{"k1"}, Money{1, "EUR"}}), "currency_mismatch",
                        "amount"));
  EXPECT_TRUE(IsRefused(When({Drafted(), Requested(), Approved()}, RecordPayment{Id{"k1"}, Usd(1)}),
                        "contract_not_signed", "contract_id"));

  ContractState s = StateAfter<A>(given);
  EXPECT_EQ(s.received, Usd(100000));
  EXPECT_EQ(OutstandingOf(s), Usd(400000));
  EXPECT_EQ(s.instalments[0].paid, Usd(100000));
}

TEST_F(ContractTest, AClosedContractTakesNoPlanChangesOrSignature) {
  std::vector<ContractEvent> terminated = {Drafted(), Requested(), Approved()};
  terminated.push_back(ContractTerminated{Id{"k1"}, ContractStatus::kApproved, "x", Usd(500000),
                                          Usd(0), Usd(500000)});
  EXPECT_TRUE(
      IsRefused(When(terminated, SignContract{Id{"k1"}}), "contract_closed", "contract_id"));
  EXPECT_TRUE(IsRefused(When(terminated, ScheduleContractDeliveries{Id{"k1"}, {Batch("b1", 1)}}),
                        "contract_closed", "contract_id"));
  EXPECT_TRUE(IsRefused(When(terminated, ScheduleContractInstalments{Id{"k1"}, TwoInstalments()}),
                        "contract_closed", "contract_id"));
  EXPECT_TRUE(IsRefused(When(terminated, RecordPayment{Id{"k1"}, Usd(1)}), "contract_not_signed",
                        "contract_id"));
}

}  // namespace
}  // namespace dealstream::domain::testing
