#include "projections/json_writer.h"
#include "projections/views_json.h"

namespace dealstream::projections {
namespace {

void WriteFigures(JsonWriter& w, const ProductFigures& f) {
  w.Key("deals").Int(f.deals);
  w.Key("open_count").Int(f.open_count);
  w.Key("won_count").Int(f.won_count);
  w.Key("lost_count").Int(f.lost_count);
  w.Key("win_rate").OptionalDouble(f.win_rate);
  w.Key("won_revenue").Money(f.won_revenue);
  w.Key("quoted_lines").Int(f.quoted_lines);
  w.Key("quoted_net").Money(f.quoted_net);
  w.Key("quoted_list").Money(f.quoted_list);
  w.Key("discount_depth").OptionalDouble(f.discount_depth);
  w.Key("competed_deals").Int(f.competed_deals);
  w.Key("competitor_pressure").OptionalDouble(f.competitor_pressure);
}

}  // namespace

std::string ToJson(const ProductPerformanceView& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("position").Uint(v.position);
  w.Key("currency").String(v.currency);
  w.Key("products").BeginArray();
  for (const ProductRow& p : v.products) {
    w.BeginObject();
    w.Key("product_id").String(p.product_id);
    w.Key("name").String(p.name);
    w.Key("product_line").String(p.product_line);
    WriteFigures(w, p.figures);
    w.EndObject();
  }
  w.EndArray();
  w.Key("product_lines").BeginArray();
  for (const ProductLineRow& l : v.product_lines) {
    w.BeginObject();
    w.Key("product_line").String(l.product_line);
    w.Key("products").Int(l.products);
    WriteFigures(w, l.figures);
    w.EndObject();
  }
  w.EndArray();
  w.Key("unattributed").BeginObject();
  w.Key("won_count").Int(v.unattributed_won_count);
  w.Key("won_revenue").Money(v.unattributed_won_revenue);
  w.EndObject();
  WriteOtherCurrencies(w, v.other_currencies);
  w.EndObject();
  return w.Take();
}

}  // namespace dealstream::projections
