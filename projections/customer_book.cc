#include "projections/customer_book.h"

#include "projections/overloaded.h"

namespace dealstream::projections {

CustomerRecord& CustomerBook::Customer(std::string_view id) {
  const uint32_t code = symbols_.ids.Intern(id);
  auto [it, inserted] = index_.emplace(code, static_cast<uint32_t>(customers_.size()));
  if (inserted) {
    customers_.emplace_back();
    customers_.back().id = code;
  }
  return customers_[it->second];
}

uint32_t CustomerBook::Name(const std::optional<std::string>& text) {
  return text ? symbols_.names.Intern(*text) : 0;
}

const CustomerRecord* CustomerBook::Find(uint32_t id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &customers_[it->second];
}

uint32_t CustomerBook::RegionOf(uint32_t customer, const Visibility& vis) const {
  const CustomerRecord* c = Find(customer);
  if (c == nullptr) return 0;
  const uint32_t* region = c->region.AsOf(vis);
  return region == nullptr ? 0 : *region;
}

void CustomerBook::Apply(const EventMeta& m, const domain::CustomerAggregate::Event& event) {
  auto id = [&](const domain::Id& v) { return symbols_.ids.Intern(v.value); };
  std::visit(
      Overloaded{
          [&](const domain::CustomerRegistered& e) {
            CustomerRecord& c = Customer(e.customer_id.value);
            c.name = e.name;
            c.registered_time = m.time;
            c.registered_position = m.position;
            c.region.Set(m, Name(e.region));
            c.industry.Set(m, Name(e.industry));
            c.owner.Set(m, id(e.owner_id));
            c.department.Set(m, id(e.department_id));
            c.lifecycle.Set(m, static_cast<uint8_t>(e.lifecycle));
            c.status.Set(m, static_cast<uint8_t>(CustomerStatus::kActive));
          },
          [&](const domain::CustomerProfileUpdated& e) {
            CustomerRecord& c = Customer(e.customer_id.value);
            if (e.name && e.name->value) c.name = *e.name->value;
            if (e.region) c.region.Set(m, Name(e.region->value));
            if (e.industry) c.industry.Set(m, Name(e.industry->value));
          },
          [&](const domain::CustomerAssigned& e) {
            CustomerRecord& c = Customer(e.customer_id.value);
            c.owner.Set(m, id(e.owner_id));
            c.department.Set(m, id(e.department_id));
          },
          [&](const domain::CustomerArchived& e) {
            Customer(e.customer_id.value).status.Set(m, static_cast<uint8_t>(CustomerStatus::kArchived));
          },
          [&](const domain::CustomerRestored& e) {
            Customer(e.customer_id.value).status.Set(m, static_cast<uint8_t>(CustomerStatus::kActive));
          },
          [&](const domain::CustomerDuplicateMerged& e) {
            CustomerRecord& c = Customer(e.customer_id.value);
            c.status.Set(m, static_cast<uint8_t>(CustomerStatus::kMerged));
            c.survivor = id(e.survivor_id);
          },
          [&](const domain::CustomerLifecycleChanged& e) {
            Customer(e.customer_id.value).lifecycle.Set(m, static_cast<uint8_t>(e.to));
          },
          [](const auto&) {},
      },
      event);
}

void CustomerBook::Save(BinaryWriter& w) const {
  w.U64(customers_.size());
  for (const CustomerRecord& c : customers_) {
    w.U64(c.id);
    w.Str(c.name);
    w.I64(c.registered_time);
    w.U64(c.registered_position);
    c.region.Save(w);
    c.industry.Save(w);
    c.owner.Save(w);
    c.department.Save(w);
    c.lifecycle.Save(w);
    c.status.Save(w);
    w.U64(c.survivor);
  }
}

Status CustomerBook::Load(BinaryReader& r) {
  customers_.resize(r.Count());
  index_.clear();
  for (uint32_t i = 0; i < customers_.size() && r.ok(); ++i) {
    CustomerRecord& c = customers_[i];
    c.id = static_cast<uint32_t>(r.U64());
    c.name = r.Str();
    c.registered_time = r.I64();
    c.registered_position = r.U64();
    c.region.Load(r);
    c.industry.Load(r);
    c.owner.Load(r);
    c.department.Load(r);
    c.lifecycle.Load(r);
    c.status.Load(r);
    c.survivor = static_cast<uint32_t>(r.U64());
    index_.emplace(c.id, i);
  }
  if (!r.ok()) return Status::Corruption("customer book is malformed");
  return Status::Ok();
}

}  // namespace dealstream::projections
