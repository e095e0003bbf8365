// CatalogBook: what the product performance read model needs about our
// products beyond CompetitionBook (names, list prices): each product's
// product line, as a Timeline so that a product moved to another line
// counts in the line it belonged to at the query instant.
//
// Thread-safety: Apply / Load mutate; const methods may run concurrently.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "domain/catalog/product.h"
#include "projections/symbols.h"
#include "projections/timeline.h"

namespace dealstream::projections {

struct ProductLineRecord {
  uint32_t product = 0;      // Symbols::ids
  Timeline<uint32_t> line;   // Symbols::names, 0 = no product line
};

class CatalogBook {
 public:
  explicit CatalogBook(Symbols& symbols) : symbols_(symbols) {}

  void Apply(const EventMeta& meta, const domain::ProductAggregate::Event& event);

  // The product line of `product` under `vis` (Symbols::names, 0 = none).
  uint32_t LineOf(uint32_t product, const Visibility& vis) const;
  const std::vector<ProductLineRecord>& products() const { return products_; }

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  ProductLineRecord& Product(std::string_view id);

  Symbols& symbols_;
  std::vector<ProductLineRecord> products_;
  std::unordered_map<uint32_t, uint32_t> index_;  // product code -> index
};

}  // namespace dealstream::projections
