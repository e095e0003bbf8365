#include "replay/history.h"

#include <array>
#include <utility>

#include "replay/record_fold.h"

namespace dealstream::replay {
namespace {

constexpr size_t kReadChunk = 512;

// Calls fn(event) for every event of the stream in version order, stopping
// early when fn returns false.
template <typename Fn>
Status ForEachEvent(const eventstore::EventLog& log, const eventstore::StreamName& stream,
                    Fn&& fn) {
  uint64_t next = 1;
  while (true) {
    auto chunk = log.ReadStream(stream, {next}, eventstore::Direction::kForward, kReadChunk);
    if (!chunk.ok()) return chunk.error();
    for (const eventstore::RecordedEvent& e : *chunk) {
      if (!fn(e)) return Status::Ok();
      next = e.version.value + 1;
    }
    if (chunk->size() < kReadChunk) return Status::Ok();
  }
}

Status NoSuchStream(const eventstore::StreamName& stream) {
  return Status::NotFound("stream " + stream.str() + " has no events");
}

}  // namespace

Result<RecordHistory> LoadHistory(const eventstore::EventLog& log,
                                  const eventstore::StreamName& stream,
                                  const HistoryOptions& options) {
  auto folder = FolderFor(stream);
  RecordHistory history;
  history.stream = stream.str();
  history.state_mode = std::string(folder->mode());
  // Before the first event the record does not exist: every field of the
  // first state shows as added.
  nlohmann::ordered_json before = nlohmann::ordered_json::object();
  Status failure;
  Status read = ForEachEvent(log, stream, [&](const eventstore::RecordedEvent& e) {
    history.version = e.version.value;
    if (history.next_version != 0) return true;  // only counting the rest
    if (Status s = folder->Apply(e); !s.ok()) {
      failure = s;
      return false;
    }
    nlohmann::ordered_json after = folder->State();
    if (e.version.value >= options.from_version) {
      if (history.steps.size() == options.limit) {
        history.next_version = e.version.value;
        return true;
      }
      HistoryStep step{.position = e.position.value,
                       .version = e.version.value,
                       .event_id = e.id,
                       .type = e.type,
                       .time = e.time,
                       .recorded_time = e.recorded_time,
                       .actor = e.metadata.actor,
                       .command = e.metadata.command,
                       .correlation_id = e.metadata.correlation_id,
                       .causation_id = e.metadata.causation_id,
                       .data = e.data,
                       .changes = DiffJson(before, after)};
      if (options.include_states) step.state_after = after.dump();
      history.steps.push_back(std::move(step));
      history.state = after.dump();
    }
    before = std::move(after);
    return true;
  });
  if (!read.ok()) return read;
  if (!failure.ok()) return failure;
  if (history.version == 0) return NoSuchStream(stream);
  if (history.steps.empty()) history.state = before.dump();
  return history;
}

Result<RecordState> LoadStateAsOf(const eventstore::EventLog& log,
                                  const eventstore::StreamName& stream,
                                  const StateBounds& bounds) {
  auto folder = FolderFor(stream);
  RecordState result;
  result.stream = stream.str();
  result.state_mode = std::string(folder->mode());
  result.as_of = bounds.as_of;
  result.known_at = bounds.known_at;
  Status failure;
  Status read = ForEachEvent(log, stream, [&](const eventstore::RecordedEvent& e) {
    const bool counted = (!bounds.as_of || e.time <= *bounds.as_of) &&
                         (!bounds.known_at || e.recorded_time <= *bounds.known_at);
    if (!counted) {
      ++result.events_later;
      return true;
    }
    if (Status s = folder->Apply(e); !s.ok()) {
      failure = s;
      return false;
    }
    result.exists = true;
    result.version = e.version.value;
    result.position = e.position.value;
    ++result.events_counted;
    return true;
  });
  if (!read.ok()) return read;
  if (!failure.ok()) return failure;
  if (result.events_counted + result.events_later == 0) return NoSuchStream(stream);
  result.state = folder->State().dump();
  return result;
}

std::optional<std::string_view> CategoryOfCollection(std::string_view collection) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kCollections = {{
      {"budgets", "budget"},
      {"campaigns", "campaign"},
      {"care-plans", "care_plan"},
      {"competing-products", "competing_product"},
      {"competitors", "competitor"},
      {"contacts", "contact"},
      {"contracts", "contract"},
      {"customers", "customer"},
      {"departments", "department"},
      {"employees", "employee"},
      {"expenses", "expense"},
      {"knowledge-articles", "knowledge_article"},
      {"leads", "lead"},
      {"opportunities", "opportunity"},
      {"partners", "partner"},
      {"products", "product"},
      {"sales-targets", "sales_target"},
      {"service-requests", "service_request"},
  }};
  for (const auto& [name, category] : kCollections) {
    if (name == collection) return category;
  }
  return std::nullopt;
}

}  // namespace dealstream::replay
