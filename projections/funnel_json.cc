#include "projections/json_writer.h"
#include "projections/views_json.h"

namespace dealstream::projections {
namespace {

void Total(JsonWriter& w, std::string_view key, const FunnelTotal& t) {
  w.Key(key).BeginObject();
  w.Key("count").Int(t.count);
  w.Key("amount").Money(t.amount);
  w.Key("weighted_amount").Money(t.weighted_amount);
  w.EndObject();
}

}  // namespace

std::string ToJson(const FunnelView& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("position").Uint(v.position);
  w.Key("currency").String(v.currency);
  w.Key("stages").BeginArray();
  for (const FunnelStageRow& r : v.stages) {
    w.BeginObject();
    w.Key("stage").String(r.stage);
    w.Key("probability").Int(r.probability);
    w.Key("forecast_category").String(r.forecast_category);
    w.Key("closed").Bool(r.closed);
    w.Key("count").Int(r.count);
    w.Key("amount").Money(r.amount);
    w.Key("weighted_amount").Money(r.weighted_amount);
    w.EndObject();
  }
  w.EndArray();
  Total(w, "open", v.open);
  Total(w, "won", v.won);
  Total(w, "lost", v.lost);
  Total(w, "abandoned", v.abandoned);
  WriteOtherCurrencies(w, v.other_currencies);
  w.EndObject();
  return w.Take();
}

}  // namespace dealstream::projections
