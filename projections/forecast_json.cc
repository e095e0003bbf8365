#include "projections/json_writer.h"
#include "projections/views_json.h"

namespace dealstream::projections {

std::string ToJson(const ForecastView& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("position").Uint(v.position);
  w.Key("currency").String(v.currency);
  w.Key("granularity")
      .String(v.granularity == Granularity::kMonth     ? "month"
              : v.granularity == Granularity::kQuarter ? "quarter"
                                                       : "year");
  w.Key("rows").BeginArray();
  for (const ForecastRow& r : v.rows) {
    w.BeginObject();
    w.Key("period").String(r.period);
    w.Key("category").String(r.category);
    w.Key("count").Int(r.count);
    w.Key("amount").Money(r.amount);
    w.Key("weighted_amount").Money(r.weighted_amount);
    w.EndObject();
  }
  w.EndArray();
  w.Key("won_lost").BeginArray();
  for (const WonLostRow& r : v.won_lost) {
    w.BeginObject();
    w.Key("period").String(r.period);
    w.Key("won_count").Int(r.won_count);
    w.Key("won_amount").Money(r.won_amount);
    w.Key("lost_count").Int(r.lost_count);
    w.Key("lost_amount").Money(r.lost_amount);
    w.EndObject();
  }
  w.EndArray();
  WriteOtherCurrencies(w, v.other_currencies);
  w.EndObject();
  return w.Take();
}

}  // namespace dealstream::projections
