// The catalogue: our product lines with list prices, and the competitors
// with the products they set against ours.
#include <string>

#include "demo/world.h"

namespace dealstream::demo {

namespace {

struct LineSpec {
  const char* line;
  const char* sku;
  std::vector<std::pair<const char*, int64_t>> products;  // name, list price in dollars
};

const std::vector<LineSpec> kLines = {
    {"Platform",
     "PLT",
     {{"Dealstream Platform Standard", 48000},
      {"Dealstream Platform Enterprise", 120000},
      {"Analytics Add-on", 18000}}},
    {"Hardware",
     "HW",
     {{"Edge Gateway G2", 6500}, {"Sensor Kit 40", 2400}, {"Rack Server R7", 21000}}},
    {"Services",
     "SVC",
     {{"Implementation Package", 35000},
      {"Premium Support (1 year)", 15000},
      {"Training Day", 3200}}},
};

const std::vector<std::pair<const char*, const char*>> kCompetitors = {
    {"Northstar Software", "enterprise"},  {"Cobalt Systems", "mid-market"},
    {"Helix Industrial", "manufacturing"}, {"Brightline CRM", "small business"},
    {"Quantis Group", "enterprise"},
};

}  // namespace

std::vector<Script> BuildCatalogue(World& w) {
  std::vector<Script> scripts;
  Timestamp t = Plus(w.start, 10 * kHour);
  for (const LineSpec& line : kLines) {
    int n = 0;
    for (const auto& [name, dollars] : line.products) {
      Product product{std::string("prod-") + line.sku + "-" + std::to_string(++n), name,
                      dollars * 100};
      Script s;
      s.push_back({"RegisterProduct",
                   {{"id", product.id},
                    {"sku", std::string(line.sku) + "-" + std::to_string(100 + n)},
                    {"name", product.name},
                    {"list_price", Usd(product.price_cents)},
                    {"product_line", line.line}},
                   "demo-admin",
                   t});
      // A mid-history price increase on some products.
      if (w.rng.Percent(40)) {
        product.price_cents = product.price_cents / 100 * 105;
        s.push_back({"ChangeProductPrice",
                     {{"product_id", product.id},
                      {"list_price", Usd(product.price_cents)},
                      {"reason", "annual price review"}},
                     "demo-admin",
                     w.WorkTime(Plus(w.start, 20 * kDay))});
      }
      w.products.push_back(std::move(product));
      scripts.push_back(std::move(s));
    }
  }
  int c = 0;
  for (const auto& [name, segment] : kCompetitors) {
    Competitor competitor{"comp-" + std::to_string(++c), {}};
    Script s;
    s.push_back({"RegisterCompetitor",
                 {{"id", competitor.id},
                  {"name", name},
                  {"strengths", "aggressive pricing, large installed base"},
                  {"weaknesses", "slow implementation, weak local support"},
                  {"market_segment", segment}},
                 "demo-admin",
                 Plus(t, kHour)});
    for (int k = 1; k <= 2; ++k) {
      const Product& ours = w.rng.Pick(w.products);
      const std::string product_name =
          std::string(name).substr(0, std::string(name).find(' ')) + " " + (k == 1 ? "One" : "Pro");
      s.push_back({"RegisterCompetingProduct",
                   {{"id", competitor.id + "-p" + std::to_string(k)},
                    {"competitor_id", competitor.id},
                    {"name", product_name},
                    {"price", Usd(ours.price_cents / 100 * w.rng.Between(80, 110))},
                    {"compared_to_product_id", ours.id},
                    {"specs", "comparable feature set"}},
                   "demo-admin",
                   Plus(t, kHour + k * kMinute)});
      competitor.product_names.push_back(product_name);
    }
    w.competitors.push_back(std::move(competitor));
    scripts.push_back(std::move(s));
  }
  return scripts;
}

}  // namespace dealstream::demo
