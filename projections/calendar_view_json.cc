#include "projections/json_writer.h"
#include "projections/views_json.h"

namespace dealstream::projections {

std::string ToJson(const CalendarView& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("position").Uint(v.position);
  w.Key("planned").Int(v.planned);
  w.Key("overdue").Int(v.overdue);
  w.Key("employees").BeginArray();
  for (const CalendarEmployee& e : v.employees) {
    w.BeginObject();
    w.Key("employee_id").String(e.employee_id);
    w.Key("overdue").Int(e.overdue);
    w.Key("activities").BeginArray();
    for (const CalendarEntry& a : e.activities) {
      w.BeginObject();
      w.Key("activity_id").String(a.activity_id);
      w.Key("opportunity_id").String(a.opportunity_id);
      w.Key("type").String(a.type);
      w.Key("subject").String(a.subject);
      w.Key("planned_date").String(a.planned_date);
      w.Key("overdue").Bool(a.overdue);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace dealstream::projections
