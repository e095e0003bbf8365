#include "projections/json_writer.h"
#include "projections/views_json.h"

namespace dealstream::projections {

std::string ToJson(const LifecycleView& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("position").Uint(v.position);
  w.Key("customers").Int(v.customers);
  w.Key("states").BeginArray();
  for (const LifecycleStateRow& r : v.states) {
    w.BeginObject();
    w.Key("state").String(r.state);
    w.Key("customers").Int(r.customers);
    w.Key("reached").Int(r.reached);
    w.Key("conversion").OptionalDouble(r.conversion);
    w.EndObject();
  }
  w.EndArray();
  w.Key("transitions").BeginArray();
  for (const LifecycleTransition& t : v.transitions) {
    w.BeginObject().Key("from").String(t.from).Key("to").String(t.to).Key("count").Int(t.count);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace dealstream::projections
