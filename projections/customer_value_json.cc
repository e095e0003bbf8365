#include "projections/json_writer.h"
#include "projections/views_json.h"

namespace dealstream::projections {

std::string ToJson(const CustomerValueView& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("position").Uint(v.position);
  w.Key("currency").String(v.currency);
  w.Key("period").BeginObject().Key("start").String(v.period_start).Key("end").String(v.period_end).EndObject();
  w.Key("previous_period")
      .BeginObject()
      .Key("start")
      .String(v.previous_start)
      .Key("end")
      .String(v.previous_end)
      .EndObject();
  w.Key("reference_date").String(v.reference_date);
  w.Key("total_revenue").Money(v.total_revenue);
  w.Key("previous_total_revenue").Money(v.previous_total_revenue);
  w.Key("segments").BeginArray();
  for (const SegmentSummary& s : v.segments) {
    w.BeginObject();
    w.Key("segment").String(s.segment);
    w.Key("customers").Int(s.customers);
    w.Key("revenue").Money(s.revenue);
    w.EndObject();
  }
  w.EndArray();
  w.Key("customers").BeginArray();
  for (const CustomerValueRow& c : v.customers) {
    w.BeginObject();
    w.Key("customer_id").String(c.customer_id);
    w.Key("name").String(c.name);
    w.Key("owner_id").String(c.owner_id);
    w.Key("rank").Int(c.rank);
    w.Key("revenue").Money(c.revenue);
    w.Key("won_count").Int(c.won_count);
    w.Key("previous_revenue").Money(c.previous_revenue);
    w.Key("previous_won_count").Int(c.previous_won_count);
    w.Key("change").Money(c.change);
    w.Key("change_ratio").OptionalDouble(c.change_ratio);
    w.Key("trend").String(c.trend);
    w.Key("share").Double(c.share);
    w.Key("cumulative_share").Double(c.cumulative_share);
    w.Key("segment").String(c.segment);
    w.Key("lost_count").Int(c.lost_count);
    w.Key("lost_amount").Money(c.lost_amount);
    w.Key("complaints").Int(c.complaints);
    w.Key("overdue_instalments").Int(c.overdue_instalments);
    w.Key("value_customer").Bool(c.value_customer);
    w.Key("changing_value").Bool(c.changing_value);
    w.Key("problem_customer").Bool(c.problem_customer);
    w.Key("problems").BeginArray();
    for (const std::string& p : c.problems) w.String(p);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  WriteOtherCurrencies(w, v.other_currencies);
  w.EndObject();
  return w.Take();
}

}  // namespace dealstream::projections
