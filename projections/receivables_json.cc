#include "projections/json_writer.h"
#include "projections/views_json.h"

namespace dealstream::projections {
namespace {

void WriteFigures(JsonWriter& w, const ReceivableFigures& f) {
  w.Key("contracts").Int(f.contracts);
  w.Key("total").Money(f.total);
  w.Key("invoiced").Money(f.invoiced);
  w.Key("received").Money(f.received);
  w.Key("outstanding").Money(f.outstanding);
  w.Key("overdue").Money(f.overdue);
  w.Key("unscheduled").Money(f.unscheduled);
  w.Key("written_off").Money(f.written_off);
  w.Key("aging").BeginObject();
  w.Key("current").Money(f.aging.current);
  w.Key("days_1_30").Money(f.aging.days_1_30);
  w.Key("days_31_60").Money(f.aging.days_31_60);
  w.Key("days_61_90").Money(f.aging.days_61_90);
  w.Key("over_90").Money(f.aging.over_90);
  w.EndObject();
  w.Key("deliveries").BeginObject();
  w.Key("batches").Int(f.deliveries.batches);
  w.Key("shipped").Int(f.deliveries.shipped);
  w.Key("accepted").Int(f.deliveries.accepted);
  w.Key("overdue").Int(f.deliveries.overdue);
  w.EndObject();
}

void WriteContract(JsonWriter& w, const ContractReceivable& c) {
  w.BeginObject();
  w.Key("contract_id").String(c.contract_id);
  w.Key("customer_id").String(c.customer_id);
  w.Key("owner_id").String(c.owner_id);
  w.Key("department_id").String(c.department_id);
  w.Key("status").String(c.status);
  w.Key("signed_date").OptionalString(c.signed_date);
  WriteFigures(w, c.figures);
  w.Key("instalments").BeginArray();
  for (const InstalmentRow& i : c.instalments) {
    w.BeginObject();
    w.Key("instalment_id").String(i.instalment_id);
    w.Key("due_date").String(i.due_date);
    w.Key("amount").Money(i.amount);
    w.Key("invoiced").Money(i.invoiced);
    w.Key("paid").Money(i.paid);
    w.Key("open").Money(i.open);
    w.Key("days_past_due").Int(i.days_past_due);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string ToJson(const ReceivablesView& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("position").Uint(v.position);
  w.Key("currency").String(v.currency);
  w.Key("aging_date").String(v.aging_date);
  w.Key("totals").BeginObject();
  WriteFigures(w, v.totals);
  w.EndObject();
  w.Key("customers").BeginArray();
  for (const CustomerReceivable& c : v.customers) {
    w.BeginObject();
    w.Key("customer_id").String(c.customer_id);
    w.Key("name").String(c.name);
    WriteFigures(w, c.figures);
    w.EndObject();
  }
  w.EndArray();
  w.Key("contracts").BeginArray();
  for (const ContractReceivable& c : v.contracts) WriteContract(w, c);
  w.EndArray();
  WriteOtherCurrencies(w, v.other_currencies);
  w.EndObject();
  return w.Take();
}

}  // namespace dealstream::projections
