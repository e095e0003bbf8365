#include "projections/json_writer.h"
#include "projections/views_json.h"

namespace dealstream::projections {
namespace {

void WritePriceStats(JsonWriter& w, const PriceStats& s) {
  w.BeginObject();
  w.Key("count").Int(s.count);
  w.Key("average").OptionalMoney(s.average);
  w.Key("min").OptionalMoney(s.min);
  w.Key("max").OptionalMoney(s.max);
  w.EndObject();
}

void WriteCompetitor(JsonWriter& w, const CompetitorRow& c) {
  w.BeginObject();
  w.Key("competitor_id").String(c.competitor_id);
  w.Key("name").String(c.name);
  w.Key("deals").Int(c.deals);
  w.Key("open_count").Int(c.open_count);
  w.Key("open_amount").Money(c.open_amount);
  w.Key("won_count").Int(c.won_count);
  w.Key("won_amount").Money(c.won_amount);
  w.Key("lost_count").Int(c.lost_count);
  w.Key("lost_amount").Money(c.lost_amount);
  w.Key("win_rate").OptionalDouble(c.win_rate);
  w.Key("loss_reasons").BeginArray();
  for (const ReasonCount& r : c.loss_reasons) {
    w.BeginObject().Key("reason").String(r.reason).Key("count").Int(r.count).EndObject();
  }
  w.EndArray();
  w.Key("average_quoted_price").OptionalMoney(c.average_quoted_price);
  w.EndObject();
}

void WriteProduct(JsonWriter& w, const ProductPriceRow& p) {
  w.BeginObject();
  w.Key("product_id").String(p.product_id);
  w.Key("name").String(p.name);
  w.Key("list_price").OptionalMoney(p.list_price);
  w.Key("quoted");
  WritePriceStats(w, p.quoted);
  w.Key("competitors").BeginArray();
  for (const CompetingPriceRow& c : p.competitors) {
    w.BeginObject();
    w.Key("competitor_id").String(c.competitor_id);
    w.Key("competitor_name").String(c.competitor_name);
    w.Key("product").String(c.product);
    w.Key("competing_product_id").OptionalString(c.competing_product_id);
    w.Key("catalog_price").OptionalMoney(c.catalog_price);
    w.Key("deal_prices");
    WritePriceStats(w, c.deal_prices);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string ToJson(const CompetitionView& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("position").Uint(v.position);
  w.Key("currency").String(v.currency);
  w.Key("deals").Int(v.deals);
  w.Key("competitors").BeginArray();
  for (const CompetitorRow& c : v.competitors) WriteCompetitor(w, c);
  w.EndArray();
  w.Key("loss_reasons").BeginArray();
  for (const LossReasonRow& r : v.loss_reasons) {
    w.BeginObject();
    w.Key("reason").String(r.reason);
    w.Key("count").Int(r.count);
    w.Key("amount").Money(r.amount);
    w.Key("to_competitor").Int(r.to_competitor);
    w.EndObject();
  }
  w.EndArray();
  w.Key("products").BeginArray();
  for (const ProductPriceRow& p : v.products) WriteProduct(w, p);
  w.EndArray();
  WriteOtherCurrencies(w, v.other_currencies);
  w.EndObject();
  return w.Take();
}

}  // namespace dealstream::projections
