// JSON and text renderings of history.h's structs.
#include <sstream>

#include "codec/json_dom.h"
#include "replay/history.h"

namespace dealstream::replay {
namespace {

using nlohmann::ordered_json;

// A stored JSON text as a JSON value (a string if it does not parse).
ordered_json Embed(const std::string& text) {
  auto dom = codec::ParseOrderedJsonDom(text);
  return dom.ok() ? std::move(*dom) : ordered_json(text);
}

ordered_json OrNull(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

ordered_json ChangesJson(const std::vector<FieldChange>& changes) {
  ordered_json out = ordered_json::array();
  for (const FieldChange& c : changes) {
    ordered_json change{{"field", c.field}};
    change["before"] = c.before ? Embed(*c.before) : ordered_json(nullptr);
    change["after"] = c.after ? Embed(*c.after) : ordered_json(nullptr);
    out.push_back(std::move(change));
  }
  return out;
}

std::string Dump(const ordered_json& j) {
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string Short(const std::optional<std::string>& value) {
  if (!value) return "(none)";
  constexpr size_t kMax = 60;
  if (value->size() <= kMax) return *value;
  return value->substr(0, kMax - 3) + "...";
}

}  // namespace

std::string ToJson(const RecordHistory& history) {
  ordered_json out{{"stream", history.stream},
                   {"state_mode", history.state_mode},
                   {"version", history.version}};
  ordered_json steps = ordered_json::array();
  for (const HistoryStep& s : history.steps) {
    ordered_json step{{"position", s.position},
                      {"version", s.version},
                      {"event_id", s.event_id},
                      {"type", s.type},
                      {"time", FormatTimestamp(s.time)},
                      {"recorded_time", FormatTimestamp(s.recorded_time)},
                      {"actor", OrNull(s.actor)},
                      {"command", OrNull(s.command)},
                      {"correlation_id", OrNull(s.correlation_id)},
                      {"causation_id", OrNull(s.causation_id)},
                      {"data", Embed(s.data)},
                      {"changes", ChangesJson(s.changes)}};
    if (!s.state_after.empty()) step["state_after"] = Embed(s.state_after);
    steps.push_back(std::move(step));
  }
  out["steps"] = std::move(steps);
  out["next_version"] = history.next_version == 0 ? ordered_json(nullptr)
                                                  : ordered_json(history.next_version);
  out["state"] = Embed(history.state);
  return Dump(out);
}

std::string ToTable(const RecordHistory& history) {
  std::ostringstream out;
  out << history.stream << ": " << history.version << " event"
      << (history.version == 1 ? "" : "s") << ", state from "
      << (history.state_mode == "aggregate" ? "the aggregate" : "the events' fields") << "\n";
  for (const HistoryStep& s : history.steps) {
    out << "\n#" << s.version << "  position " << s.position << "  " << s.type << "\n"
        << "    business time " << FormatTimestamp(s.time) << "   recorded "
        << FormatTimestamp(s.recorded_time) << "\n"
        << "    command " << (s.command.empty() ? "-" : s.command) << "   actor "
        << (s.actor.empty() ? "-" : s.actor) << "\n"
        << "    correlation " << (s.correlation_id.empty() ? "-" : s.correlation_id)
        << "   causation " << (s.causation_id.empty() ? "-" : s.causation_id) << "\n";
    if (s.changes.empty()) out << "    (no field changed)\n";
    for (const FieldChange& c : s.changes) {
      const char mark = !c.before ? '+' : !c.after ? '-' : '~';
      out << "    " << mark << " " << c.field << ": ";
      if (mark == '+') {
        out << Short(c.after);
      } else if (mark == '-') {
        out << Short(c.before) << " (removed)";
      } else {
        out << Short(c.before) << " -> " << Short(c.after);
      }
      out << "\n";
    }
  }
  if (history.next_version != 0) {
    out << "\n(more from version " << history.next_version << ")\n";
  }
  return out.str();
}

std::string ToJson(const RecordState& state) {
  ordered_json out{{"stream", state.stream},
                   {"state_mode", state.state_mode},
                   {"as_of", state.as_of ? ordered_json(FormatTimestamp(*state.as_of))
                                         : ordered_json(nullptr)},
                   {"known_at", state.known_at ? ordered_json(FormatTimestamp(*state.known_at))
                                               : ordered_json(nullptr)},
                   {"exists", state.exists},
                   {"version", state.version},
                   {"position", state.position},
                   {"events_counted", state.events_counted},
                   {"events_later", state.events_later},
                   {"state", Embed(state.state)}};
  return Dump(out);
}

std::string ToText(const RecordState& state) {
  std::ostringstream out;
  out << state.stream;
  if (state.as_of) out << " as of " << FormatTimestamp(*state.as_of);
  if (state.known_at) out << " known at " << FormatTimestamp(*state.known_at);
  out << "\n";
  if (!state.exists) {
    out << "did not exist yet (" << state.events_later << " later event"
        << (state.events_later == 1 ? "" : "s") << ")\n";
    return out.str();
  }
  out << "version " << state.version << " (position " << state.position << "), "
      << state.events_counted << " event" << (state.events_counted == 1 ? "" : "s")
      << " counted, " << state.events_later << " outside the bounds\n";
  out << Embed(state.state).dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
  return out.str();
}

}  // namespace dealstream::replay
