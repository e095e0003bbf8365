// Contract execution and receivables (docs/projections.md#receivables), told
// through the real command service: instalments, invoices, payments against
// an instalment and unallocated ones, aging buckets on the as_of day.
#include "projections/receivables.h"

#include <gtest/gtest.h>

#include "command_fixture.h"

namespace dealstream::projections {
namespace {

class ReceivablesTest : public testing::CommandFixture {
 protected:
  void SetUp() override {
    CommandFixture::SetUp();
    const std::string jan1 = R"(,"occurred_at":"2017-01-01T00:00:00Z"})";
    Run("CreateDepartment", R"({"id":"hq","name":"HQ")" + jan1);
    Run("CreateDepartment", R"({"id":"east","name":"East","parent_id":"hq")" + jan1);
    Run("CreateDepartment", R"({"id":"west","name":"West","parent_id":"hq")" + jan1);
    Run("HireEmployee", R"({"id":"mgr","name":"Max","department_id":"hq","role":"manager")" + jan1);
    Run("HireEmployee", R"({"id":"ann","name":"Ann","department_id":"east","role":"sales")" + jan1);
    Run("HireEmployee", R"({"id":"cat","name":"Cat","department_id":"west","role":"sales")" + jan1);
    Run("RegisterCustomer", R"({"id":"c1","name":"One","owner_id":"ann","region":"north")" + jan1);
    Run("RegisterCustomer", R"({"id":"c2","name":"Two","owner_id":"cat","region":"south")" + jan1);

    // k1: 12,000.00 signed 01-05, three instalments of 4,000.00.
    Sign("k1", "c1", "ann", "12000.00", "2017-01-05");
    Run("ScheduleContractInstalments", R"({"contract_id":"k1","instalments":[
        {"instalment_id":"i1","due_date":"2017-01-31","amount":{"amount":"4000.00","currency":"USD"}},
        {"instalment_id":"i2","due_date":"2017-03-01","amount":{"amount":"4000.00","currency":"USD"}},
        {"instalment_id":"i3","due_date":"2017-05-01","amount":{"amount":"4000.00","currency":"USD"}}],
        "occurred_at":"2017-01-05T12:00:00Z"})");
    // k1's deliveries: b1 due 02-01 shipped 01-25 and accepted 01-28; b2 due
    // 04-01, never shipped.
    Run("ScheduleContractDeliveries", R"({"contract_id":"k1","deliveries":[
        {"batch_id":"b1","due_date":"2017-02-01","items":[{"description":"servers","quantity":2}]},
        {"batch_id":"b2","due_date":"2017-04-01","items":[{"description":"racks","quantity":1}]}],
        "occurred_at":"2017-01-05T12:00:00Z"})");
    Run("RecordDeliveryShipped", R"({"contract_id":"k1","batch_id":"b1","occurred_at":"2017-01-25T00:00:00Z"})");
    Run("RecordDeliveryAccepted", R"({"contract_id":"k1","batch_id":"b1","occurred_at":"2017-01-28T00:00:00Z"})");
    Run("RecordInvoiceIssued", R"({"contract_id":"k1","invoice_id":"inv1","instalment_id":"i1",
        "amount":{"amount":"4000.00","currency":"USD"},"occurred_at":"2017-01-20T00:00:00Z"})");
    Run("RecordPayment", R"({"contract_id":"k1","instalment_id":"i1",
        "amount":{"amount":"1500.00","currency":"USD"},"occurred_at":"2017-02-10T00:00:00Z"})");
    // k2: 6,000.00 signed 02-01, one instalment due 02-15, never paid.
    Sign("k2", "c2", "cat", "6000.00", "2017-02-01");
    Run("ScheduleContractInstalments", R"({"contract_id":"k2","instalments":[
        {"instalment_id":"j1","due_date":"2017-02-15","amount":{"amount":"6000.00","currency":"USD"}}],
        "occurred_at":"2017-02-01T12:00:00Z"})");
    // 3,000.00 against no instalment: i1's open 2,500.00 first, then i2.
    Run("RecordPayment", R"({"contract_id":"k1","amount":{"amount":"3000.00","currency":"USD"},
        "occurred_at":"2017-03-15T00:00:00Z"})");
    Run("TerminateContract", R"({"contract_id":"k2","reason":"customer insolvent",
        "occurred_at":"2017-05-01T00:00:00Z"})");
  }

  void Sign(const std::string& id, const std::string& customer, const std::string& owner,
            const std::string& total, const std::string& day) {
    const std::string at = R"(,"occurred_at":")" + day + R"(T00:00:00Z"})";
    Run("DraftContract", R"({"id":")" + id + R"(","customer_id":")" + customer +
                             R"(","owner_id":")" + owner + R"(","total":{"amount":")" + total +
                             R"(","currency":"USD"})" + at);
    Run("RequestContractApproval", R"({"contract_id":")" + id + R"(")" + at, owner);
    Run("ApproveContract", R"({"contract_id":")" + id + R"(")" + at, "mgr");
    Run("SignContract", R"({"contract_id":")" + id + R"(")" + at, owner);
  }

  ReceivablesView Query(const AsOf& at, const Filters& filters = {}) {
    auto v = Models().Receivables(at, filters, domain::Date::Of(EndOfDay("2026-01-01")));
    EXPECT_TRUE(v.ok()) << v.error().ToString();
    return v.ok() ? *v : ReceivablesView{};
  }
  static const ContractReceivable& Contract(const ReceivablesView& v, std::string_view id) {
    for (const ContractReceivable& c : v.contracts) {
      if (c.contract_id == id) return c;
    }
    ADD_FAILURE() << id;
    static const ContractReceivable kNone;
    return kNone;
  }
};

TEST_F(ReceivablesTest, InstalmentsPaymentsAndAgingOnTheAsOfDay) {
  const ReceivablesView v = Query({.as_of = EndOfDay("2017-04-15")});
  EXPECT_EQ(v.aging_date, "2017-04-15");
  EXPECT_EQ(v.currency, "USD");
  ASSERT_EQ(v.contracts.size(), 2u);
  const ContractReceivable& k1 = Contract(v, "k1");
  EXPECT_EQ(k1.status, "signed");
  EXPECT_EQ(*k1.signed_date, "2017-01-05");
  EXPECT_EQ(k1.figures.total, Usd(1200000));
  EXPECT_EQ(k1.figures.invoiced, Usd(400000));
  EXPECT_EQ(k1.figures.received, Usd(450000));
  EXPECT_EQ(k1.figures.outstanding, Usd(750000));
  ASSERT_EQ(k1.instalments.size(), 3u);
  EXPECT_EQ(k1.instalments[0].paid, Usd(400000));  // 1,500 against it + 2,500 unallocated
  EXPECT_EQ(k1.instalments[0].invoiced, Usd(400000));
  EXPECT_EQ(k1.instalments[1].paid, Usd(50000));   // the remaining 500
  EXPECT_EQ(k1.instalments[1].open, Usd(350000));
  EXPECT_EQ(k1.instalments[1].days_past_due, 45);  // 03-01 → 04-15
  EXPECT_EQ(k1.instalments[2].days_past_due, 0);
  EXPECT_EQ(k1.figures.overdue, Usd(350000));
  EXPECT_EQ(k1.figures.aging.days_31_60, Usd(350000));
  EXPECT_EQ(k1.figures.aging.current, Usd(400000));
  EXPECT_EQ(k1.figures.deliveries.batches, 2);
  EXPECT_EQ(k1.figures.deliveries.shipped, 1);
  EXPECT_EQ(k1.figures.deliveries.accepted, 1);
  EXPECT_EQ(k1.figures.deliveries.overdue, 1);  // b2, due 04-01

  const ContractReceivable& k2 = Contract(v, "k2");
  EXPECT_EQ(k2.instalments[0].days_past_due, 59);  // 02-15 → 04-15
  EXPECT_EQ(k2.figures.aging.days_31_60, Usd(600000));

  EXPECT_EQ(v.totals.contracts, 2);
  EXPECT_EQ(v.totals.total, Usd(1800000));
  EXPECT_EQ(v.totals.outstanding, Usd(1350000));
  EXPECT_EQ(v.totals.overdue, Usd(950000));
  EXPECT_EQ(v.totals.aging.current, Usd(400000));
  EXPECT_EQ(v.totals.aging.days_31_60, Usd(950000));
  EXPECT_EQ(v.totals.aging.days_1_30, Usd(0));
  EXPECT_EQ(v.totals.unscheduled, Usd(0));
  ASSERT_EQ(v.customers.size(), 2u);
  EXPECT_EQ(v.customers[0].customer_id, "c1");  // most outstanding first
  EXPECT_EQ(v.customers[0].name, "One");
  EXPECT_EQ(v.customers[0].figures.outstanding, Usd(750000));
  EXPECT_EQ(v.customers[1].figures.outstanding, Usd(600000));
}

TEST_F(ReceivablesTest, AsOfEarlierDaysAndTermination) {
  const ReceivablesView feb = Query({.as_of = EndOfDay("2017-02-20")});
  // k1: i1 has 2,500.00 open, 20 days late; k2's j1 5 days late.
  EXPECT_EQ(Contract(feb, "k1").figures.received, Usd(150000));
  EXPECT_EQ(feb.totals.aging.days_1_30, Usd(850000));
  EXPECT_EQ(feb.totals.aging.current, Usd(800000));
  EXPECT_EQ(feb.totals.outstanding, Usd(1650000));
  EXPECT_EQ(feb.totals.deliveries.shipped, 1);
  EXPECT_EQ(feb.totals.deliveries.overdue, 0);  // b2 not due yet
  const ReceivablesView jan = Query({.as_of = EndOfDay("2017-01-26")});
  EXPECT_EQ(Contract(jan, "k1").figures.deliveries.shipped, 1);
  EXPECT_EQ(Contract(jan, "k1").figures.deliveries.accepted, 0);  // accepted 01-28
  EXPECT_TRUE(Query({.as_of = EndOfDay("2017-01-04")}).contracts.empty());  // nothing signed yet

  // Now (aging on the caller's day, 2026-01-01): k2 was terminated and its
  // outstanding written off; k1's open instalments are over 90 days late.
  const ReceivablesView now = Query({});
  EXPECT_EQ(now.aging_date, "2026-01-01");
  EXPECT_EQ(Contract(now, "k2").status, "terminated");
  EXPECT_EQ(Contract(now, "k2").figures.outstanding, Usd(0));
  EXPECT_EQ(now.totals.written_off, Usd(600000));
  EXPECT_EQ(now.totals.outstanding, Usd(750000));
  EXPECT_EQ(now.totals.aging.over_90, Usd(750000));
}

TEST_F(ReceivablesTest, OwnerDepartmentSubtreeRegionAndPeriod) {
  const AsOf at{.as_of = EndOfDay("2017-04-15")};
  EXPECT_EQ(Query(at, {.owner = "ann"}).totals.outstanding, Usd(750000));
  const ReceivablesView west = Query(at, {.department = "west"});
  ASSERT_EQ(west.contracts.size(), 1u);
  EXPECT_EQ(west.contracts[0].contract_id, "k2");
  EXPECT_EQ(Query(at, {.department = "hq"}).contracts.size(), 2u);
  EXPECT_EQ(Query(at, {.region = "north"}).totals.contracts, 1);
  EXPECT_EQ(Query(at, {.period = "2017-01"}).contracts[0].contract_id, "k1");  // signed in January
  EXPECT_EQ(Query(at, {.owner = "mgr"}).totals.contracts, 0);
}

TEST_F(ReceivablesTest, RestartResumesFromTheSnapshotAndRebuildAgrees) {
  ExpectRestartResumesAndRebuildAgrees(
      [](const ReadModels& m) {
        return m.Receivables({}, {}, domain::Date::Of(EndOfDay("2017-04-15")));
      },
      "RecordPayment", R"({"contract_id":"k1","amount":{"amount":"100.00","currency":"USD"},"occurred_at":"2017-04-01T00:00:00Z"})");
}

}  // namespace
}  // namespace dealstream::projections
