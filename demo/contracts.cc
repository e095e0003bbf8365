// Contracts of won deals and their execution: approval before signature,
// instalments summing to the total, delivery batches, invoices and payments.
#include <string>

#include "demo/world.h"

namespace dealstream::demo {

void AddContract(World& w, Script& s, const WonDeal& deal) {
  const std::string id = "ctr-" + deal.opportunity_id.substr(4);  // after "opp-"
  const std::string& manager = w.ManagerOf(*deal.customer);
  ++w.contracts;
  Timestamp t = w.WorkTime(Plus(deal.won_at, w.rng.Between(1, 4) * kDay));
  const Timestamp drafted = t;
  s.push_back({"DraftContract",
               {{"id", id},
                {"customer_id", deal.customer->id},
                {"opportunity_id", deal.opportunity_id},
                {"total", Usd(deal.amount_cents)},
                {"title", "Supply and services agreement"},
                {"payment_terms", "net 30"},
                {"start_date", FormatDate(drafted)},
                {"end_date", FormatDate(Plus(drafted, 365 * kDay))}},
               deal.owner_id,
               t});
  t = Plus(t, 2 * kHour);
  s.push_back({"RequestContractApproval", {{"contract_id", id}}, deal.owner_id, t});
  t = w.WorkTime(Plus(t, w.rng.Between(1, 3) * kDay));
  s.push_back(
      {"ApproveContract", {{"contract_id", id}, {"comment", "terms within policy"}}, manager, t});
  t = w.WorkTime(Plus(t, w.rng.Between(2, 10) * kDay));
  const Timestamp signed_at = t;
  s.push_back({"SignContract",
               {{"contract_id", id},
                {"signed_date", FormatDate(signed_at)},
                {"customer_signatory", "Chief Executive"}},
               deal.owner_id,
               t});
  // The execution plan, right after signature.
  const int count = static_cast<int>(w.rng.Between(1, 4));
  const Timestamp planned = Plus(signed_at, kHour);
  std::vector<std::pair<std::string, int64_t>> due;  // instalment id, due day (epoch micros)
  nlohmann::json instalments = nlohmann::json::array();
  std::vector<int64_t> amounts;
  int64_t left = deal.amount_cents;
  for (int k = 1; k <= count; ++k) {
    const int64_t amount = k == count ? left : deal.amount_cents / count;
    left -= amount;
    amounts.push_back(amount);
    const Timestamp due_at = Plus(signed_at, (k * w.rng.Between(30, 60)) * kDay);
    due.emplace_back("i" + std::to_string(k), due_at.micros());
    instalments.push_back({{"instalment_id", due.back().first},
                           {"due_date", FormatDate(due_at)},
                           {"amount", Usd(amount)}});
  }
  s.push_back({"ScheduleContractInstalments",
               {{"contract_id", id}, {"instalments", instalments}},
               deal.owner_id,
               planned});
  nlohmann::json batches = nlohmann::json::array();
  const int batch_count = deal.items.size() > 1 ? 2 : 1;
  for (int b = 1; b <= batch_count; ++b) {
    nlohmann::json items = nlohmann::json::array();
    for (size_t i = 0; i < deal.items.size(); ++i) {
      if (static_cast<int>(i % batch_count) != b - 1) continue;
      items.push_back({{"product_id", deal.items[i].first},
                       {"description", "as quoted"},
                       {"quantity", deal.items[i].second}});
    }
    batches.push_back({{"batch_id", "b" + std::to_string(b)},
                       {"due_date", FormatDate(Plus(signed_at, b * 20 * kDay))},
                       {"items", items}});
  }
  s.push_back({"ScheduleContractDeliveries",
               {{"contract_id", id}, {"deliveries", batches}},
               deal.owner_id,
               Plus(planned, kMinute)});
  Timestamp last = planned;
  for (int b = 1; b <= batch_count; ++b) {
    const Timestamp shipped = w.WorkTime(Plus(signed_at, (b * 20 - 2) * kDay));
    const Timestamp accepted = w.WorkTime(Plus(shipped, w.rng.Between(3, 8) * kDay));
    const std::string batch = "b" + std::to_string(b);
    s.push_back({"RecordDeliveryShipped",
                 {{"contract_id", id}, {"batch_id", batch}},
                 deal.owner_id,
                 shipped});
    s.push_back({"RecordDeliveryAccepted",
                 {{"contract_id", id},
                  {"batch_id", batch},
                  {"accepted_by_contact_id", deal.customer->contacts[0]}},
                 deal.owner_id,
                 accepted});
    if (accepted > last) last = accepted;
  }
  bool all_paid = true;
  for (size_t k = 0; k < due.size(); ++k) {
    const Timestamp due_at = Timestamp::FromMicros(due[k].second);
    Timestamp invoiced = w.WorkTime(Plus(due_at, -20 * kDay));
    if (invoiced <= Plus(planned, kHour)) invoiced = Plus(planned, 2 * kHour);
    s.push_back({"RecordInvoiceIssued",
                 {{"contract_id", id},
                  {"invoice_id", "inv-" + std::to_string(k + 1)},
                  {"amount", Usd(amounts[k])},
                  {"instalment_id", due[k].first},
                  {"due_date", FormatDate(due_at)}},
                 w.finance_id,
                 invoiced});
    // Most customers pay around the due date; some pay half; some not yet.
    const int behaviour = static_cast<int>(w.rng.Between(0, 99));
    const Timestamp paid_at = w.WorkTime(Plus(due_at, w.rng.Between(-8, 12) * kDay));
    const Timestamp pay_at = paid_at <= invoiced ? Plus(invoiced, kHour) : paid_at;
    int64_t paid = 0;
    if (behaviour >= 18) {
      paid = behaviour < 26 ? amounts[k] / 2 : amounts[k];
      s.push_back({"RecordPayment",
                   {{"contract_id", id},
                    {"amount", Usd(paid)},
                    {"instalment_id", due[k].first},
                    {"payment_id", "pay-" + std::to_string(k + 1)},
                    {"reference", "wire " + id + "-" + std::to_string(k + 1)}},
                   w.finance_id,
                   pay_at});
      if (pay_at > last) last = pay_at;
    }
    const bool paid_by_now = paid == amounts[k] && pay_at <= w.now;
    if (!paid_by_now) all_paid = false;
    if (planned <= w.now && due_at < w.now && !paid_by_now) ++w.overdue_instalments;
  }
  if (all_paid) {
    s.push_back({"CompleteContract",
                 {{"contract_id", id}},
                 deal.owner_id,
                 w.WorkTime(Plus(last, 5 * kDay))});
  }
}

}  // namespace dealstream::demo
