#include "projections/catalog_book.h"

#include "projections/overloaded.h"

namespace dealstream::projections {

ProductLineRecord& CatalogBook::Product(std::string_view id) {
  const uint32_t code = symbols_.ids.Intern(id);
  auto [it, inserted] = index_.emplace(code, static_cast<uint32_t>(products_.size()));
  if (inserted) {
    products_.emplace_back();
    products_.back().product = code;
  }
  return products_[it->second];
}

void CatalogBook::Apply(const EventMeta& m, const domain::ProductAggregate::Event& event) {
  std::visit(Overloaded{
                 [&](const domain::ProductRegistered& e) {
                   Product(e.product_id.value)
                       .line.Set(m, e.product_line ? symbols_.names.Intern(*e.product_line) : 0);
                 },
                 [&](const domain::ProductDetailsUpdated& e) {
                   if (!e.product_line) return;
                   const std::optional<std::string>& line = e.product_line->value;
                   Product(e.product_id.value)
                       .line.Set(m, line && !line->empty() ? symbols_.names.Intern(*line) : 0);
                 },
                 [](const auto&) {},
             },
             event);
}

uint32_t CatalogBook::LineOf(uint32_t product, const Visibility& vis) const {
  auto it = index_.find(product);
  if (it == index_.end()) return 0;
  const uint32_t* line = products_[it->second].line.AsOf(vis);
  return line == nullptr ? 0 : *line;
}

void CatalogBook::Save(BinaryWriter& w) const {
  w.U64(products_.size());
  for (const ProductLineRecord& p : products_) {
    w.U64(p.product);
    p.line.Save(w);
  }
}

Status CatalogBook::Load(BinaryReader& r) {
  products_.resize(r.Count());
  index_.clear();
  for (uint32_t i = 0; i < products_.size() && r.ok(); ++i) {
    products_[i].product = static_cast<uint32_t>(r.U64());
    products_[i].line.Load(r);
    index_.emplace(products_[i].product, i);
  }
  if (!r.ok()) return Status::Corruption("catalog book is malformed");
  return Status::Ok();
}

}  // namespace dealstream::projections
