#include "projections/json_writer.h"
#include "projections/views_json.h"

namespace dealstream::projections {

namespace {

void Figures(JsonWriter& w, const PerformanceFigures& f) {
  w.Key("won_count").Int(f.won_count);
  w.Key("lost_count").Int(f.lost_count);
  w.Key("win_rate").OptionalDouble(f.win_rate);
  w.Key("won_amount").Money(f.won_amount);
  w.Key("open_count").Int(f.open_count);
  w.Key("open_amount").Money(f.open_amount);
  w.Key("weighted_pipeline").Money(f.weighted_pipeline);
  w.Key("activities").BeginObject();
  for (const auto& [type, count] : f.activities) w.Key(type).Int(count);
  w.EndObject();
  w.Key("decision_maker_meetings").Int(f.decision_maker_meetings);
  w.Key("target").OptionalMoney(f.target);
  w.Key("attainment").OptionalDouble(f.attainment);
  w.Key("quotes").Int(f.quotes);
  w.Key("expenses").Money(f.expenses);
  w.Key("complaints").Int(f.complaints);
  w.Key("praise").Int(f.praise);
}

}  // namespace

std::string ToJson(const EmployeesView& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("position").Uint(v.position);
  w.Key("currency").String(v.currency);
  w.Key("employees").BeginArray();
  for (const EmployeeRow& r : v.employees) {
    w.BeginObject();
    w.Key("employee_id").String(r.employee_id);
    w.Key("name").String(r.name);
    w.Key("department_id").String(r.department_id);
    w.Key("active").Bool(r.active);
    w.Key("rank").Int(r.rank);
    Figures(w, r.figures);
    w.EndObject();
  }
  w.EndArray();
  w.Key("departments").BeginArray();
  for (const DepartmentRollup& r : v.departments) {
    w.BeginObject();
    w.Key("department_id").String(r.department_id);
    w.Key("name").String(r.name);
    w.Key("parent_id").String(r.parent_id);
    w.Key("employees").Int(r.employees);
    w.Key("rank").Int(r.rank);
    Figures(w, r.figures);
    w.EndObject();
  }
  w.EndArray();
  WriteOtherCurrencies(w, v.other_currencies);
  w.EndObject();
  return w.Take();
}

}  // namespace dealstream::projections
