#include "projections/json_writer.h"
#include "projections/views_json.h"

namespace dealstream::projections {

std::string ToJson(const PipelineAnalysisView& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("position").Uint(v.position);
  w.Key("won").Int(v.won);
  w.Key("lost").Int(v.lost);
  w.Key("win_rate").OptionalDouble(v.win_rate);
  w.Key("won_cycle_days").OptionalDouble(v.won_cycle_days);
  w.Key("lost_cycle_days").OptionalDouble(v.lost_cycle_days);
  w.Key("conversions").BeginArray();
  for (const StageConversion& c : v.conversions) {
    w.BeginObject();
    w.Key("stage").String(c.stage);
    w.Key("reached").Int(c.reached);
    w.Key("advanced").Int(c.advanced);
    w.Key("rate").OptionalDouble(c.rate);
    w.EndObject();
  }
  w.EndArray();
  w.Key("days_in_stage").BeginArray();
  for (const StageDuration& d : v.days_in_stage) {
    w.BeginObject();
    w.Key("stage").String(d.stage);
    w.Key("stays").Int(d.stays);
    w.Key("average_days").OptionalDouble(d.average_days);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace dealstream::projections
