#include "projections/json_writer.h"
#include "projections/views_json.h"

namespace dealstream::projections {

std::string ToJson(const Customer360View& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("position").Uint(v.position);
  w.Key("customer_id").String(v.customer_id);
  w.Key("name").String(v.name);
  w.Key("status").String(v.status);
  w.Key("lifecycle").String(v.lifecycle);
  w.Key("owner_id").String(v.owner_id);
  w.Key("department_id").String(v.department_id);
  w.Key("region").String(v.region);
  w.Key("industry").String(v.industry);
  w.Key("contacts").BeginArray();
  for (const Customer360Contact& c : v.contacts) {
    w.BeginObject();
    w.Key("contact_id").String(c.contact_id);
    w.Key("title").String(c.title);
    w.Key("department").String(c.department);
    w.Key("status").String(c.status);
    w.Key("added_date").String(c.added_date);
    w.EndObject();
  }
  w.EndArray();
  w.Key("opportunities").BeginArray();
  for (const Customer360Opportunity& o : v.opportunities) {
    w.BeginObject();
    w.Key("opportunity_id").String(o.opportunity_id);
    w.Key("status").String(o.status);
    w.Key("stage").String(o.stage);
    w.Key("amount").Money(o.amount);
    w.Key("expected_close_date").String(o.expected_close_date);
    w.Key("closed_date").OptionalString(o.closed_date);
    w.Key("owner_id").String(o.owner_id);
    w.Key("product_ids").BeginArray();
    for (const std::string& p : o.product_ids) w.String(p);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("contracts").BeginArray();
  for (const Customer360Contract& c : v.contracts) {
    w.BeginObject();
    w.Key("contract_id").String(c.contract_id);
    w.Key("status").String(c.status);
    w.Key("total").Money(c.total);
    w.Key("signed_date").OptionalString(c.signed_date);
    w.Key("received").Money(c.received);
    w.Key("owner_id").String(c.owner_id);
    w.EndObject();
  }
  w.EndArray();
  w.Key("service_requests").BeginArray();
  for (const Customer360ServiceRequest& r : v.service_requests) {
    w.BeginObject();
    w.Key("request_id").String(r.request_id);
    w.Key("type").String(r.type);
    w.Key("status").String(r.status);
    w.Key("priority").String(r.priority);
    w.Key("opened_date").String(r.opened_date);
    w.EndObject();
  }
  w.EndArray();
  w.Key("activities_total").Int(v.activities_total);
  w.Key("activities").BeginArray();
  for (const Customer360Activity& a : v.activities) {
    w.BeginObject();
    w.Key("activity_id").String(a.activity_id);
    w.Key("opportunity_id").String(a.opportunity_id);
    w.Key("type").String(a.type);
    w.Key("subject").String(a.subject);
    w.Key("state").String(a.state);
    w.Key("date").String(a.date);
    w.Key("assignee_id").String(a.assignee_id);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace dealstream::projections
