#include "projections/contract_book.h"

#include "projections/overloaded.h"

namespace dealstream::projections {
namespace {

uint8_t StatusCode(domain::ContractStatus s) { return static_cast<uint8_t>(s); }

// Plan versions (instalments or delivery batches): time, position, items.
template <typename Version, typename Items>
void SaveEntries(BinaryWriter& w, const std::vector<Version>& plans, Items Version::*items) {
  w.U64(plans.size());
  for (const Version& p : plans) {
    w.I64(p.time);
    w.U64(p.position);
    w.Pods(p.*items);
  }
}

template <typename Version, typename Items>
void LoadEntries(BinaryReader& r, std::vector<Version>* plans, Items Version::*items) {
  plans->resize(r.Count());
  for (Version& p : *plans) {
    p.time = r.I64();
    p.position = r.U64();
    r.Pods(&(p.*items));
  }
}

}  // namespace

const ContractRecord* ContractBook::Find(uint32_t id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &contracts_[it->second];
}

ContractRecord& ContractBook::Contract(std::string_view id) {
  const uint32_t code = symbols_.ids.Intern(id);
  auto [it, inserted] = index_.emplace(code, static_cast<uint32_t>(contracts_.size()));
  if (inserted) {
    contracts_.emplace_back();
    contracts_.back().id = code;
  }
  return contracts_[it->second];
}

void ContractBook::SetLines(const EventMeta& m, ContractRecord& c,
                            const std::vector<domain::ContractLine>& lines) {
  LinesVersion v{.time = m.time, .position = m.position};
  for (const domain::ContractLine& line : lines) {
    if (line.product_id) v.products.push_back(symbols_.ids.Intern(line.product_id->value));
  }
  c.lines.push_back(std::move(v));
}

void ContractBook::Apply(const EventMeta& m, const domain::ContractAggregate::Event& event) {
  auto id = [&](const domain::Id& v) { return symbols_.ids.Intern(v.value); };
  std::visit(
      Overloaded{
          [&](const domain::ContractDrafted& e) {
            ContractRecord& c = Contract(e.contract_id.value);
            c.customer = id(e.customer_id);
            c.owner = id(e.owner_id);
            c.department = e.department_id ? id(*e.department_id) : 0;
            c.currency = symbols_.names.Intern(e.total.currency);
            c.drafted_time = m.time;
            c.drafted_position = m.position;
            c.status.Set(m, StatusCode(domain::ContractStatus::kDraft));
            c.total.Set(m, e.total.minor);
            SetLines(m, c, e.lines);
          },
          [&](const domain::ContractApprovalRequested& e) {
            Contract(e.contract_id.value).status.Set(m, StatusCode(domain::ContractStatus::kPendingApproval));
          },
          [&](const domain::ContractApproved& e) {
            Contract(e.contract_id.value).status.Set(m, StatusCode(domain::ContractStatus::kApproved));
          },
          [&](const domain::ContractRejected& e) {
            Contract(e.contract_id.value).status.Set(m, StatusCode(domain::ContractStatus::kRejected));
          },
          [&](const domain::ContractSigned& e) {
            ContractRecord& c = Contract(e.contract_id.value);
            c.status.Set(m, StatusCode(domain::ContractStatus::kSigned));
            c.total.Set(m, e.total.minor);
            c.signed_day.Set(m, static_cast<int32_t>(e.signed_on.epoch_day));
          },
          [&](const domain::ContractAmended& e) {
            ContractRecord& c = Contract(e.contract_id.value);
            c.total.Set(m, e.total.minor);
            SetLines(m, c, e.lines);
            // An approved but unsigned contract goes back to draft.
            if (e.approval_voided) c.status.Set(m, StatusCode(domain::ContractStatus::kDraft));
          },
          [&](const domain::ContractCompleted& e) {
            Contract(e.contract_id.value).status.Set(m, StatusCode(domain::ContractStatus::kCompleted));
          },
          [&](const domain::ContractTerminated& e) {
            Contract(e.contract_id.value).status.Set(m, StatusCode(domain::ContractStatus::kTerminated));
          },
          [&](const domain::ContractInstalmentsScheduled& e) {
            PlanVersion plan{.time = m.time, .position = m.position};
            for (const domain::Instalment& i : e.instalments) {
              plan.instalments.push_back({.id = id(i.instalment_id),
                                          .due_day = static_cast<int32_t>(i.due_date.epoch_day),
                                          .amount = i.amount.minor});
            }
            Contract(e.contract_id.value).plans.push_back(std::move(plan));
          },
          [&](const domain::ContractDeliveriesScheduled& e) {
            DeliveryPlanVersion plan{.time = m.time, .position = m.position};
            for (const domain::DeliveryBatch& b : e.deliveries) {
              plan.batches.push_back(
                  {.id = id(b.batch_id), .due_day = static_cast<int32_t>(b.due_date.epoch_day)});
            }
            Contract(e.contract_id.value).deliveries.push_back(std::move(plan));
          },
          [&](const domain::ContractDeliveryShipped& e) {
            Contract(e.contract_id.value)
                .shipped.push_back({.time = m.time,
                                    .position = m.position,
                                    .batch = id(e.batch_id),
                                    .day = static_cast<int32_t>(e.shipped_on.epoch_day)});
          },
          [&](const domain::ContractDeliveryAccepted& e) {
            Contract(e.contract_id.value)
                .accepted.push_back({.time = m.time,
                                     .position = m.position,
                                     .batch = id(e.batch_id),
                                     .day = static_cast<int32_t>(e.accepted_on.epoch_day)});
          },
          [&](const domain::ContractInvoiceIssued& e) {
            Contract(e.contract_id.value)
                .invoices.push_back({.time = m.time,
                                     .position = m.position,
                                     .amount = e.amount.minor,
                                     .instalment = e.instalment_id ? id(*e.instalment_id) : 0,
                                     .day = static_cast<int32_t>(e.issued_on.epoch_day)});
          },
          [&](const domain::ContractPaymentReceived& e) {
            Contract(e.contract_id.value)
                .payments.push_back({.time = m.time,
                                     .position = m.position,
                                     .amount = e.amount.minor,
                                     .instalment = e.instalment_id ? id(*e.instalment_id) : 0,
                                     .day = static_cast<int32_t>(e.received_on.epoch_day)});
          },
          [](const auto&) {},
      },
      event);
}

void ContractBook::Save(BinaryWriter& w) const {
  w.U64(contracts_.size());
  for (const ContractRecord& c : contracts_) {
    w.U64(c.id);
    w.U64(c.customer);
    w.U64(c.owner);
    w.U64(c.department);
    w.U64(c.currency);
    w.I64(c.drafted_time);
    w.U64(c.drafted_position);
    c.status.Save(w);
    c.total.Save(w);
    c.signed_day.Save(w);
    SaveEntries(w, c.plans, &PlanVersion::instalments);
    w.U64(c.lines.size());
    for (const LinesVersion& l : c.lines) {
      w.I64(l.time);
      w.U64(l.position);
      w.Pods(l.products);
    }
    w.Pods(c.invoices);
    w.Pods(c.payments);
    SaveEntries(w, c.deliveries, &DeliveryPlanVersion::batches);
    w.Pods(c.shipped);
    w.Pods(c.accepted);
  }
}

Status ContractBook::Load(BinaryReader& r) {
  contracts_.resize(r.Count());
  index_.clear();
  for (uint32_t i = 0; i < contracts_.size() && r.ok(); ++i) {
    ContractRecord& c = contracts_[i];
    c.id = static_cast<uint32_t>(r.U64());
    c.customer = static_cast<uint32_t>(r.U64());
    c.owner = static_cast<uint32_t>(r.U64());
    c.department = static_cast<uint32_t>(r.U64());
    c.currency = static_cast<uint32_t>(r.U64());
    c.drafted_time = r.I64();
    c.drafted_position = r.U64();
    c.status.Load(r);
    c.total.Load(r);
    c.signed_day.Load(r);
    LoadEntries(r, &c.plans, &PlanVersion::instalments);
    c.lines.resize(r.Count());
    for (LinesVersion& l : c.lines) {
      l.time = r.I64();
      l.position = r.U64();
      r.Pods(&l.products);
    }
    r.Pods(&c.invoices);
    r.Pods(&c.payments);
    LoadEntries(r, &c.deliveries, &DeliveryPlanVersion::batches);
    r.Pods(&c.shipped);
    r.Pods(&c.accepted);
    index_.emplace(c.id, i);
  }
  if (!r.ok()) return Status::Corruption("contract book is malformed");
  return Status::Ok();
}

}  // namespace dealstream::projections
