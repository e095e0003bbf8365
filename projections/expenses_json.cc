#include "projections/json_writer.h"
#include "projections/views_json.h"

namespace dealstream::projections {
namespace {

void WriteFigures(JsonWriter& w, const ExpenseFigures& f) {
  w.Key("claims").Int(f.claims);
  w.Key("actual").Money(f.actual);
  w.Key("pending").Money(f.pending);
  w.Key("rejected").Money(f.rejected);
  w.Key("by_category").BeginObject();
  for (const auto& [category, amount] : f.by_category) w.Key(category).Money(amount);
  w.EndObject();
}

}  // namespace

std::string ToJson(const ExpensesView& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("position").Uint(v.position);
  w.Key("currency").String(v.currency);
  w.Key("totals").BeginObject();
  WriteFigures(w, v.totals);
  w.EndObject();
  w.Key("budgets").BeginArray();
  for (const BudgetRow& b : v.budgets) {
    w.BeginObject();
    w.Key("budget_id").String(b.budget_id);
    w.Key("scope").String(b.scope);
    w.Key("scope_id").String(b.scope_id);
    w.Key("period").String(b.period);
    w.Key("start_date").String(b.start_date);
    w.Key("end_date").String(b.end_date);
    w.Key("budget").Money(b.budget);
    w.Key("actual").Money(b.actual);
    w.Key("pending").Money(b.pending);
    w.Key("remaining").Money(b.remaining);
    w.Key("utilisation").OptionalDouble(b.utilisation);
    w.Key("over_budget").Bool(b.over_budget);
    w.EndObject();
  }
  w.EndArray();
  w.Key("departments").BeginArray();
  for (const DepartmentExpenses& d : v.departments) {
    w.BeginObject();
    w.Key("department_id").String(d.department_id);
    w.Key("name").String(d.name);
    WriteFigures(w, d.figures);
    w.Key("budget").OptionalMoney(d.budget);
    w.EndObject();
  }
  w.EndArray();
  w.Key("periods").BeginArray();
  for (const PeriodExpenses& p : v.periods) {
    w.BeginObject();
    w.Key("period").String(p.period);
    WriteFigures(w, p.figures);
    w.EndObject();
  }
  w.EndArray();
  WriteOtherCurrencies(w, v.other_currencies);
  w.EndObject();
  return w.Take();
}

}  // namespace dealstream::projections
