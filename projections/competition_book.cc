#include "projections/competition_book.h"

#include <algorithm>

#include "projections/overloaded.h"

namespace dealstream::projections {
namespace {

// unit × (100 − discount) / 100, rounded half up to the minor unit (the
// quote's own rounding rule).
int64_t NetUnitPrice(int64_t unit_minor, int32_t discount_percent) {
  const __int128 v = static_cast<__int128>(unit_minor) * (100 - discount_percent);
  const __int128 q = v / 100, r = v % 100;
  if (r >= 50) return static_cast<int64_t>(q + 1);
  if (r <= -50) return static_cast<int64_t>(q - 1);
  return static_cast<int64_t>(q);
}

template <typename Record>
Record& Upsert(std::vector<Record>& records, std::unordered_map<uint32_t, uint32_t>& index,
               uint32_t code) {
  auto [it, inserted] = index.emplace(code, static_cast<uint32_t>(records.size()));
  if (inserted) {
    records.emplace_back();
    records.back().id = code;
  }
  return records[it->second];
}

}  // namespace

PriceValue CompetitionBook::Price(const domain::Money& m) {
  return PriceValue{.minor = m.minor, .currency = symbols_.names.Intern(m.currency)};
}
PriceValue CompetitionBook::Price(const std::optional<domain::Money>& m) {
  return m ? Price(*m) : PriceValue{};
}

CompetitorRecord& CompetitionBook::Competitor(std::string_view id) {
  return Upsert(competitors_, competitor_index_, symbols_.ids.Intern(id));
}
ProductRecord& CompetitionBook::Product(std::string_view id) {
  return Upsert(products_, product_index_, symbols_.ids.Intern(id));
}
CompetingProductRecord& CompetitionBook::CompetingProduct(std::string_view id) {
  return Upsert(competing_products_, competing_index_, symbols_.ids.Intern(id));
}

const DealCompetition* CompetitionBook::Find(uint32_t deal) const {
  auto it = deals_.find(deal);
  return it == deals_.end() ? nullptr : &it->second;
}

std::string_view CompetitionBook::CompetitorName(uint32_t id) const {
  auto it = competitor_index_.find(id);
  if (it == competitor_index_.end() || competitors_[it->second].name.empty()) {
    return symbols_.ids.Get(id);
  }
  return competitors_[it->second].name;
}

const ProductRecord* CompetitionBook::FindProduct(uint32_t id) const {
  auto it = product_index_.find(id);
  return it == product_index_.end() ? nullptr : &products_[it->second];
}

void CompetitionBook::Apply(const EventMeta& m, const domain::OpportunityEvent& event,
                            uint32_t deal) {
  auto engagement = [&](const domain::Id& competitor, const std::optional<domain::Money>& price,
                        const std::optional<std::string>& product, bool engaged) {
    deals_[deal].engagements.push_back(
        EngagementEntry{.time = m.time,
                        .position = m.position,
                        .competitor = symbols_.ids.Intern(competitor.value),
                        .product = product ? symbols_.names.Intern(*product) : 0,
                        .quoted = Price(price),
                        .engaged = static_cast<uint8_t>(engaged ? 1 : 0)});
  };
  std::visit(
      Overloaded{
          [&](const domain::OpportunityCompetitorRecorded& e) {
            engagement(e.competitor_id, e.quoted_price, e.product, true);
          },
          [&](const domain::OpportunityCompetitorUpdated& e) {
            engagement(e.competitor_id, e.quoted_price, e.product, true);
          },
          [&](const domain::OpportunityCompetitorRemoved& e) {
            engagement(e.competitor_id, std::nullopt, std::nullopt, false);
          },
          [&](const domain::OpportunityLost& e) {
            deals_[deal].losses.push_back(LossEntry{
                .time = m.time,
                .position = m.position,
                .reason = symbols_.names.Intern(e.reason),
                .winner = e.competitor_id ? symbols_.ids.Intern(e.competitor_id->value) : 0,
                .winner_price = Price(e.competitor_price)});
          },
          [&](const domain::OpportunityQuoteDrafted& e) {
            QuoteFact quote{.time = m.time, .position = m.position};
            for (const domain::QuoteLine& line : e.lines) {
              quote.lines.push_back(
                  {.product = symbols_.ids.Intern(line.product_id.value),
                   .currency = symbols_.names.Intern(line.unit_price.currency),
                   .net_unit_price = NetUnitPrice(line.unit_price.minor, line.discount_percent)});
            }
            deals_[deal].quotes.push_back(std::move(quote));
          },
          [](const auto&) {},
      },
      event);
}

void CompetitionBook::Apply(const EventMeta&, const domain::CompetitorAggregate::Event& event) {
  std::visit(Overloaded{
                 [&](const domain::CompetitorRegistered& e) {
                   Competitor(e.competitor_id.value).name = e.name;
                 },
                 [&](const domain::CompetitorProfileUpdated& e) {
                   if (e.name && e.name->value) Competitor(e.competitor_id.value).name = *e.name->value;
                 },
             },
             event);
}

void CompetitionBook::Apply(const EventMeta& m, const domain::ProductAggregate::Event& event) {
  std::visit(Overloaded{
                 [&](const domain::ProductRegistered& e) {
                   ProductRecord& p = Product(e.product_id.value);
                   p.name = e.name;
                   p.list_price.Set(m, Price(e.list_price));
                 },
                 [&](const domain::ProductDetailsUpdated& e) {
                   if (e.name && e.name->value) Product(e.product_id.value).name = *e.name->value;
                 },
                 [&](const domain::ProductPriceChanged& e) {
                   Product(e.product_id.value).list_price.Set(m, Price(e.list_price));
                 },
                 [](const auto&) {},
             },
             event);
}

void CompetitionBook::Apply(const EventMeta& m,
                            const domain::CompetingProductAggregate::Event& event) {
  std::visit(
      Overloaded{
          [&](const domain::CompetingProductRegistered& e) {
            CompetingProductRecord& p = CompetingProduct(e.competing_product_id.value);
            p.competitor = symbols_.ids.Intern(e.competitor_id.value);
            p.name = symbols_.names.Intern(e.name);
            p.compared_to.Set(
                m, e.compared_to_product_id ? symbols_.ids.Intern(e.compared_to_product_id->value) : 0);
            p.price.Set(m, Price(e.price));
          },
          [&](const domain::CompetingProductUpdated& e) {
            CompetingProductRecord& p = CompetingProduct(e.competing_product_id.value);
            if (e.name && e.name->value) p.name = symbols_.names.Intern(*e.name->value);
            if (e.compared_to_product_id) {
              const std::optional<domain::Id>& to = e.compared_to_product_id->value;
              p.compared_to.Set(m, to ? symbols_.ids.Intern(to->value) : 0);
            }
          },
          [&](const domain::CompetingProductPriceChanged& e) {
            CompetingProduct(e.competing_product_id.value).price.Set(m, Price(e.price));
          },
      },
      event);
}

void CompetitionBook::Save(BinaryWriter& w) const {
  // In deal order, so that equal books save equal bytes (verify compares them).
  std::vector<uint32_t> keys;
  keys.reserve(deals_.size());
  for (const auto& entry : deals_) keys.push_back(entry.first);
  std::sort(keys.begin(), keys.end());
  w.U64(keys.size());
  for (uint32_t deal : keys) {
    const DealCompetition& c = deals_.at(deal);
    w.U64(deal);
    w.Pods(c.engagements);
    w.Pods(c.losses);
    w.U64(c.quotes.size());
    for (const QuoteFact& q : c.quotes) {
      w.I64(q.time);
      w.U64(q.position);
      w.Pods(q.lines);
    }
  }
  w.U64(competitors_.size());
  for (const CompetitorRecord& c : competitors_) {
    w.U64(c.id);
    w.Str(c.name);
  }
  w.U64(products_.size());
  for (const ProductRecord& p : products_) {
    w.U64(p.id);
    w.Str(p.name);
    p.list_price.Save(w);
  }
  w.U64(competing_products_.size());
  for (const CompetingProductRecord& p : competing_products_) {
    w.U64(p.id);
    w.U64(p.competitor);
    w.U64(p.name);
    p.compared_to.Save(w);
    p.price.Save(w);
  }
}

Status CompetitionBook::Load(BinaryReader& r) {
  deals_.clear();
  const uint64_t deals = r.Count();
  for (uint64_t i = 0; i < deals && r.ok(); ++i) {
    DealCompetition& c = deals_[static_cast<uint32_t>(r.U64())];
    r.Pods(&c.engagements);
    r.Pods(&c.losses);
    c.quotes.resize(r.Count());
    for (QuoteFact& q : c.quotes) {
      q.time = r.I64();
      q.position = r.U64();
      r.Pods(&q.lines);
    }
  }
  competitors_.resize(r.Count());
  for (CompetitorRecord& c : competitors_) {
    c.id = static_cast<uint32_t>(r.U64());
    c.name = r.Str();
  }
  products_.resize(r.Count());
  for (ProductRecord& p : products_) {
    p.id = static_cast<uint32_t>(r.U64());
    p.name = r.Str();
    p.list_price.Load(r);
  }
  competing_products_.resize(r.Count());
  for (CompetingProductRecord& p : competing_products_) {
    p.id = static_cast<uint32_t>(r.U64());
    p.competitor = static_cast<uint32_t>(r.U64());
    p.name = static_cast<uint32_t>(r.U64());
    p.compared_to.Load(r);
    p.price.Load(r);
  }
  if (!r.ok()) return Status::Corruption("competition book is malformed");
  RebuildIndexes();
  return Status::Ok();
}

void CompetitionBook::RebuildIndexes() {
  competitor_index_.clear();
  product_index_.clear();
  competing_index_.clear();
  for (uint32_t i = 0; i < competitors_.size(); ++i) competitor_index_.emplace(competitors_[i].id, i);
  for (uint32_t i = 0; i < products_.size(); ++i) product_index_.emplace(products_[i].id, i);
  for (uint32_t i = 0; i < competing_products_.size(); ++i) {
    competing_index_.emplace(competing_products_[i].id, i);
  }
}

}  // namespace dealstream::projections
