#include "projections/json_writer.h"
#include "projections/views_json.h"

namespace dealstream::projections {
namespace {

void WriteCounts(JsonWriter& w, std::string_view key, const std::vector<NamedCount>& counts) {
  w.Key(key).BeginObject();
  for (const NamedCount& c : counts) w.Key(c.name).Int(c.count);
  w.EndObject();
}

}  // namespace

std::string ToJson(const ServiceView& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("position").Uint(v.position);
  w.Key("open").Int(v.open);
  w.Key("resolved").Int(v.resolved);
  w.Key("closed").Int(v.closed);
  w.Key("overdue").Int(v.overdue);
  WriteCounts(w, "open_by_priority", v.open_by_priority);
  WriteCounts(w, "open_by_queue", v.open_by_queue);
  WriteCounts(w, "open_by_type", v.open_by_type);
  w.Key("resolutions").Int(v.resolutions);
  w.Key("average_days_to_resolve").OptionalDouble(v.average_days_to_resolve);
  w.Key("rated").Int(v.rated);
  w.Key("average_satisfaction").OptionalDouble(v.average_satisfaction);
  w.Key("assignees").BeginArray();
  for (const ServiceAssigneeRow& a : v.assignees) {
    w.BeginObject();
    w.Key("assignee_id").String(a.assignee_id);
    w.Key("open").Int(a.open);
    w.Key("resolved").Int(a.resolved);
    w.Key("average_days_to_resolve").OptionalDouble(a.average_days_to_resolve);
    w.EndObject();
  }
  w.EndArray();
  w.Key("care_overdue").Int(v.care_overdue);
  w.Key("care_due").BeginArray();
  for (const CareDue& c : v.care_due) {
    w.BeginObject();
    w.Key("care_plan_id").String(c.care_plan_id);
    w.Key("activity_id").String(c.activity_id);
    w.Key("kind").String(c.kind);
    w.Key("due_date").String(c.due_date);
    w.Key("assignee_id").String(c.assignee_id);
    w.Key("customer_id").String(c.customer_id);
    w.Key("overdue").Bool(c.overdue);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace dealstream::projections
