// CompetitionBook: the facts the competition read model needs beyond the
// deal timelines of OpportunityBook — competitors and our products (names,
// list prices), the competing-product catalog, and per deal the competitor
// engagements (recorded / updated / removed), the losses (reason, who won,
// at what price) and the quotes (lines with net unit prices). Every fact
// keeps its business time and position, so the read model answers as of
// any instant (time_travel.h): the value in force is that of the visible
// entry with the highest position.
//
// Deals are keyed by their OpportunityBook index.
//
// Thread-safety: Apply / Load mutate; const methods may run concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/catalog/competing_product.h"
#include "domain/catalog/competitor.h"
#include "domain/catalog/product.h"
#include "domain/opportunity/opportunity_events.h"
#include "projections/symbols.h"
#include "projections/timeline.h"

namespace dealstream::projections {

// An amount with its currency (Symbols::names code); trivially copyable
// for Timeline.
struct PriceValue {
  int64_t minor = 0;
  uint32_t currency = 0;  // 0 = no price
  uint32_t spare = 0;     // keeps the record free of padding bytes
};

struct CompetitorRecord {
  uint32_t id = 0;  // Symbols::ids
  std::string name;  // current name
};

struct ProductRecord {
  uint32_t id = 0;  // Symbols::ids
  std::string name;  // current name
  Timeline<PriceValue> list_price;
};

struct CompetingProductRecord {
  uint32_t id = 0;          // Symbols::ids
  uint32_t competitor = 0;  // Symbols::ids
  uint32_t name = 0;        // Symbols::names (current name)
  Timeline<uint32_t> compared_to;  // our product, Symbols::ids; 0 = none
  Timeline<PriceValue> price;
};

// One competitor fact on a deal: recorded or updated (engaged = 1, with the
// full picture after the event) or removed (engaged = 0).
struct EngagementEntry {
  int64_t time = 0;
  uint64_t position = 0;
  uint32_t competitor = 0;  // Symbols::ids
  uint32_t product = 0;     // Symbols::names: their product as recorded, 0 = none
  PriceValue quoted;        // currency 0 = no price recorded
  uint8_t engaged = 0;
  uint8_t spare[7] = {};
};

// One loss of a deal (a deal lost, reopened and lost again has two).
struct LossEntry {
  int64_t time = 0;
  uint64_t position = 0;
  uint32_t reason = 0;  // Symbols::names
  uint32_t winner = 0;  // Symbols::ids, 0 = not named
  PriceValue winner_price;
};

struct QuoteLineFact {
  uint32_t product = 0;  // Symbols::ids
  uint32_t currency = 0;  // Symbols::names
  int64_t net_unit_price = 0;  // unit price after the line's discount, minor units
};

// One drafted quote version of a deal.
struct QuoteFact {
  int64_t time = 0;
  uint64_t position = 0;
  std::vector<QuoteLineFact> lines;
};

struct DealCompetition {
  std::vector<EngagementEntry> engagements;  // position order
  std::vector<LossEntry> losses;             // position order
  std::vector<QuoteFact> quotes;             // position order
};

class CompetitionBook {
 public:
  explicit CompetitionBook(Symbols& symbols) : symbols_(symbols) {}

  // `deal`: the OpportunityBook index of the event's opportunity.
  void Apply(const EventMeta& meta, const domain::OpportunityEvent& event, uint32_t deal);
  void Apply(const EventMeta& meta, const domain::CompetitorAggregate::Event& event);
  void Apply(const EventMeta& meta, const domain::ProductAggregate::Event& event);
  void Apply(const EventMeta& meta, const domain::CompetingProductAggregate::Event& event);

  const std::unordered_map<uint32_t, DealCompetition>& deals() const { return deals_; }
  const DealCompetition* Find(uint32_t deal) const;
  const std::vector<CompetitorRecord>& competitors() const { return competitors_; }
  const std::vector<ProductRecord>& products() const { return products_; }
  const std::vector<CompetingProductRecord>& competing_products() const {
    return competing_products_;
  }
  // The current name of a competitor (its id when never registered).
  std::string_view CompetitorName(uint32_t id) const;
  const ProductRecord* FindProduct(uint32_t id) const;

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  CompetitorRecord& Competitor(std::string_view id);
  ProductRecord& Product(std::string_view id);
  CompetingProductRecord& CompetingProduct(std::string_view id);
  PriceValue Price(const domain::Money& m);
  PriceValue Price(const std::optional<domain::Money>& m);
  void RebuildIndexes();

  Symbols& symbols_;
  std::unordered_map<uint32_t, DealCompetition> deals_;
  std::vector<CompetitorRecord> competitors_;
  std::vector<ProductRecord> products_;
  std::vector<CompetingProductRecord> competing_products_;
  std::unordered_map<uint32_t, uint32_t> competitor_index_, product_index_, competing_index_;
};

}  // namespace dealstream::projections
