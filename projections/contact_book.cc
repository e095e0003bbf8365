#include "projections/contact_book.h"

#include "projections/overloaded.h"

namespace dealstream::projections {

ContactRecord& ContactBook::Contact(std::string_view id) {
  const uint32_t code = symbols_.ids.Intern(id);
  auto [it, inserted] = index_.emplace(code, static_cast<uint32_t>(contacts_.size()));
  if (inserted) {
    contacts_.emplace_back();
    contacts_.back().id = code;
  }
  return contacts_[it->second];
}

uint32_t ContactBook::Name(const std::optional<std::string>& text) {
  return text && !text->empty() ? symbols_.names.Intern(*text) : 0;
}

void ContactBook::Apply(const EventMeta& m, const domain::ContactAggregate::Event& event) {
  std::visit(Overloaded{
                 [&](const domain::ContactAdded& e) {
                   ContactRecord& c = Contact(e.contact_id.value);
                   if (c.added_position != 0) return;  // a duplicate add changes nothing
                   c.customer = symbols_.ids.Intern(e.customer_id.value);
                   c.added_time = m.time;
                   c.added_position = m.position;
                   c.title.Set(m, Name(e.title));
                   c.department.Set(m, Name(e.department));
                   c.left.Set(m, 0);
                   by_customer_[c.customer].push_back(index_[c.id]);
                 },
                 [&](const domain::ContactUpdated& e) {
                   ContactRecord& c = Contact(e.contact_id.value);
                   if (e.title) c.title.Set(m, Name(e.title->value));
                   if (e.department) c.department.Set(m, Name(e.department->value));
                 },
                 [&](const domain::ContactLeftCompany& e) {
                   Contact(e.contact_id.value).left.Set(m, 1);
                 },
                 [](const auto&) {},
             },
             event);
}

std::optional<uint32_t> ContactBook::CustomerOf(uint32_t contact) const {
  auto it = index_.find(contact);
  if (it == index_.end() || contacts_[it->second].added_position == 0) return std::nullopt;
  return contacts_[it->second].customer;
}

const std::vector<uint32_t>* ContactBook::OfCustomer(uint32_t customer) const {
  auto it = by_customer_.find(customer);
  return it == by_customer_.end() ? nullptr : &it->second;
}

void ContactBook::Save(BinaryWriter& w) const {
  w.U64(contacts_.size());
  for (const ContactRecord& c : contacts_) {
    w.U64(c.id);
    w.U64(c.customer);
    w.I64(c.added_time);
    w.U64(c.added_position);
    c.title.Save(w);
    c.department.Save(w);
    c.left.Save(w);
  }
}

Status ContactBook::Load(BinaryReader& r) {
  contacts_.resize(r.Count());
  index_.clear();
  by_customer_.clear();
  for (uint32_t i = 0; i < contacts_.size() && r.ok(); ++i) {
    ContactRecord& c = contacts_[i];
    c.id = static_cast<uint32_t>(r.U64());
    c.customer = static_cast<uint32_t>(r.U64());
    c.added_time = r.I64();
    c.added_position = r.U64();
    c.title.Load(r);
    c.department.Load(r);
    c.left.Load(r);
    index_.emplace(c.id, i);
    if (c.added_position != 0) by_customer_[c.customer].push_back(i);
  }
  if (!r.ok()) return Status::Corruption("contact book is malformed");
  return Status::Ok();
}

}  // namespace dealstream::projections
