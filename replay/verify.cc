#include "replay/verify.h"

#include <charconv>
#include <memory>
#include <vector>

#include "projections/crm_projection.h"
#include "projections/record_lists.h"
#include "projections/scope.h"
#include "projections/snapshot_store.h"
#include "projections/views_json.h"

namespace dealstream::replay {
namespace {

constexpr size_t kReadChunk = 4096;

// What the CRM read models answer as of one position, as JSON.
std::string AnswersAt(const projections::CrmBooks& books, const projections::Scope& scope) {
  std::string out;
  out += projections::ToJson(projections::BuildFunnel(books, scope));
  out += projections::ToJson(projections::BuildForecast(books, scope, projections::Granularity::kMonth));
  out += projections::ToJson(projections::BuildPipelineAnalysis(books, scope));
  out += projections::ToJson(projections::BuildEmployees(books, scope));
  out += projections::ToJson(projections::BuildLifecycle(books, scope));
  out += '\n';
  return out;
}

// The positions whose answers are compared: the checkpoint and two earlier
// ones (which exercises the time-travel data).
std::vector<uint64_t> ComparedPositions(uint64_t checkpoint) {
  return {checkpoint, checkpoint / 2, checkpoint / 4};
}

// What a CRM projection answers for every compared position. Two instances
// with the same answers are the same read models.
std::string Answers(const projections::CrmProjection& p, uint64_t checkpoint) {
  std::string out;
  for (uint64_t position : ComparedPositions(checkpoint)) {
    projections::Visibility vis;
    vis.max_position = position;
    auto scope = projections::ResolveScope(p.books(), vis, {});
    if (!scope.ok()) return "scope: " + scope.error().message();
    out += AnswersAt(p.books(), *scope);
  }
  return out;
}

// The same answers from live read models (they may have applied more).
std::string Answers(const projections::ReadModels& models, uint64_t checkpoint) {
  std::string out;
  for (uint64_t position : ComparedPositions(checkpoint)) {
    auto answers = models.Query({.position = position}, {},
                                [](const projections::CrmBooks& books,
                                   const projections::Scope& scope) { return AnswersAt(books, scope); });
    if (!answers.ok()) return "query: " + answers.error().message();
    out += *answers;
  }
  return out;
}

// A fresh projection P of `log` up to `position`; the error says why not.
template <typename P = projections::CrmProjection>
Result<std::unique_ptr<P>> FreshFold(const eventstore::EventLog& log, uint64_t position) {
  auto fresh = std::make_unique<P>();
  uint64_t next = 1;
  while (next <= position) {
    auto read = log.ReadAll({next}, kReadChunk, {});
    if (!read.ok()) return Status::Unavailable("log read failed: " + read.error().message());
    for (const eventstore::RecordedEvent& e : read->events) {
      if (e.position.value > position) break;
      fresh->Apply(e);
    }
    if (read->events.empty()) break;
    next = read->next.value;
  }
  return fresh;
}

// A stored snapshot to compare with a fresh fold of `log` up to its
// checkpoint; `newer` keeps a reopened view of the log alive.
struct Comparable {
  projections::StoredSnapshot snapshot;
  std::string where;  // "snapshot at position P (generation G)", for details
  const eventstore::EventLog* log = nullptr;
  std::unique_ptr<DataDir> newer;
};

// Loads the snapshot `check.name` and fills `check` (checkpoint, or why
// there is nothing to compare: none stored, another format, unreadable, or
// ahead of the log). nullopt when there is nothing to compare.
std::optional<Comparable> StoredForCheck(DataDir& dir, const projections::SnapshotStore& store,
                                         uint32_t format, ProjectionCheck& check) {
  auto stored = store.Load(check.name);
  if (!stored.ok()) {
    check.ok = false;
    check.detail = "snapshot unreadable: " + stored.error().message();
    return std::nullopt;
  }
  if (!stored->has_value()) {
    check.detail = "no snapshot stored (built from the log at the next start)";
    return std::nullopt;
  }
  Comparable c{.snapshot = std::move(**stored), .where = "", .log = &dir.log(), .newer = nullptr};
  const projections::StoredSnapshot& snapshot = c.snapshot;
  check.has_snapshot = true;
  check.checkpoint = snapshot.position.value;
  if (snapshot.format != format) {
    check.detail = "snapshot of format " + std::to_string(snapshot.format) + " (current " +
                   std::to_string(format) + "): rebuilt from the log at the next start";
    return std::nullopt;
  }
  c.where = "snapshot at position " + std::to_string(snapshot.position.value) +
            " (generation " + std::to_string(snapshot.generation) + ")";
  // Beside a running server the snapshot may be newer than this tool's view
  // of the log (opened a moment earlier): look again before calling it a
  // log that lost events.
  if (snapshot.position.value > c.log->Head().position.value && dir.read_only()) {
    auto reopened = DataDir::Open({.path = dir.layout().root});
    if (reopened.ok()) {
      c.newer = std::move(*reopened);
      c.log = &c.newer->log();
    }
  }
  const uint64_t head = c.log->Head().position.value;
  if (snapshot.position.value > head) {
    check.ok = false;
    check.detail = c.where + " is ahead of the log's head " + std::to_string(head) +
                   " (events were removed from the log)";
    return std::nullopt;
  }
  return c;
}

// Compares the stored CRM snapshot with a fresh fold of the log up to its
// checkpoint: equal bytes, or (snapshots may differ in padding bytes) equal
// answers of every read model.
ProjectionCheck CheckCrmProjection(DataDir& dir, const projections::SnapshotStore& store) {
  ProjectionCheck check{std::string(projections::CrmProjection::kName), false, 0, true, ""};
  std::optional<Comparable> stored =
      StoredForCheck(dir, store, projections::CrmProjection::kSnapshotFormat, check);
  if (!stored) return check;
  const projections::StoredSnapshot& snapshot = stored->snapshot;
  const std::string& where = stored->where;
  const eventstore::EventLog* log = stored->log;
  auto folded = FreshFold(*log, snapshot.position.value);
  if (!folded.ok()) {
    check.ok = false;
    check.detail = folded.error().message();
    return check;
  }
  const projections::CrmProjection& fresh = **folded;
  std::string rebuilt;
  fresh.Save(&rebuilt);
  if (rebuilt == snapshot.state) return check;
  projections::CrmProjection loaded;
  if (Status s = loaded.Load(snapshot.state); !s.ok()) {
    check.ok = false;
    check.detail = where + " does not load: " + s.message();
    return check;
  }
  if (Answers(loaded, snapshot.position.value) != Answers(fresh, snapshot.position.value)) {
    check.ok = false;
    check.detail = where + " answers differently from a fresh rebuild of the log up to that "
                           "position";
  }
  return check;
}

// Compares the stored list read model (record_lists.h) with a fresh fold of
// the log up to its checkpoint: its snapshot bytes are canonical (rows in
// creation order, trees in key order), so equal indexes write equal bytes.
ProjectionCheck CheckRecordIndex(DataDir& dir, const projections::SnapshotStore& store) {
  using projections::RecordIndexProjection;
  ProjectionCheck check{std::string(RecordIndexProjection::kName), false, 0, true, ""};
  std::optional<Comparable> stored =
      StoredForCheck(dir, store, RecordIndexProjection::kSnapshotFormat, check);
  if (!stored) return check;
  const projections::StoredSnapshot& snapshot = stored->snapshot;
  const std::string& where = stored->where;
  const eventstore::EventLog* log = stored->log;
  auto fresh = FreshFold<RecordIndexProjection>(*log, snapshot.position.value);
  if (!fresh.ok()) {
    check.ok = false;
    check.detail = fresh.error().message();
    return check;
  }
  std::string rebuilt;
  (*fresh)->Save(&rebuilt);
  if (rebuilt != snapshot.state) {
    check.ok = false;
    check.detail = where + " differs from a fresh rebuild of the log up to that position";
  }
  return check;
}

// The log: RocksEventLog::Verify, then the expected head if one is given.
// Errors only when a read failed; damage is recorded in `outcome`.
Status CheckLog(const eventstore::RocksEventLog& raw_log, const VerifyOptions& options,
                VerifyOutcome& outcome) {
  const eventstore::VerifyReport report = raw_log.Verify(options.progress);
  outcome.events_checked = report.events_checked;
  outcome.head = raw_log.Head();
  if (!report.ok) {
    outcome.ok = false;
    outcome.first_bad_position = report.first_bad_position;
    outcome.problem = report.problem;
    return Status::Ok();
  }
  if (options.expected_head) {
    const eventstore::LogHead& want = *options.expected_head;
    auto at = raw_log.ReadAll(want.position, 1, {});
    if (!at.ok()) return at.error();
    if (want.position.value == 0 || at->events.empty() ||
        at->events.front().position != want.position) {
      outcome.ok = false;
      outcome.first_bad_position = want.position.value;
      outcome.problem = "the expected head position " + std::to_string(want.position.value) +
                        " is not in the log (it ends at " +
                        std::to_string(outcome.head.position.value) + ": truncated)";
      return Status::Ok();
    }
    if (at->events.front().hash != want.hash) {
      outcome.ok = false;
      outcome.first_bad_position = want.position.value;
      outcome.problem = "the event at the expected head position has hash " +
                        eventstore::HexOf(at->events.front().hash) + ", not the expected " +
                        eventstore::HexOf(want.hash) + " (the log was rewritten)";
    }
  }
  return Status::Ok();
}

// Live read models against a fresh fold of the log up to the position they
// have applied.
ProjectionCheck CheckLiveReadModels(const eventstore::EventLog& log,
                                    const projections::ReadModels& models) {
  const projections::WorkerStats stats = models.stats();
  ProjectionCheck check{stats.name, true, stats.position, true, ""};
  const std::string where = "live read models at position " + std::to_string(stats.position) +
                            " (generation " + std::to_string(stats.generation) + ")";
  auto fresh = FreshFold(log, stats.position);
  if (!fresh.ok()) {
    check.ok = false;
    check.detail = fresh.error().message();
    return check;
  }
  if (Answers(models, stats.position) != Answers(**fresh, stats.position)) {
    check.ok = false;
    check.detail = where + " answer differently from a fresh rebuild of the log up to that "
                           "position";
  }
  return check;
}

}  // namespace

Result<VerifyOutcome> VerifyDataDir(DataDir& dir, const VerifyOptions& options) {
  VerifyOutcome outcome;
  if (Status s = CheckLog(dir.raw_log(), options, outcome); !s.ok()) return s;
  if (!outcome.ok || !options.projections) return outcome;
  auto store = projections::SnapshotStore::Open(
      {.path = dir.layout().projections(), .read_only = true});
  if (!store.ok()) return store.error();
  for (ProjectionCheck check : {CheckCrmProjection(dir, **store), CheckRecordIndex(dir, **store)}) {
    if (!check.ok && outcome.ok) {
      outcome.ok = false;
      outcome.problem = "projection " + check.name + ": " + check.detail;
    }
    outcome.projections.push_back(std::move(check));
  }
  return outcome;
}

Result<VerifyOutcome> VerifyServing(DataDir& dir, const projections::ReadModels& models,
                                    const VerifyOptions& options) {
  VerifyOutcome outcome;
  if (Status s = CheckLog(dir.raw_log(), options, outcome); !s.ok()) return s;
  if (!outcome.ok || !options.projections) return outcome;
  ProjectionCheck check = CheckLiveReadModels(dir.log(), models);
  if (!check.ok) {
    outcome.ok = false;
    outcome.problem = "projection " + check.name + ": " + check.detail;
  }
  outcome.projections.push_back(std::move(check));
  return outcome;
}

Result<eventstore::LogHead> ParseHead(std::string_view text) {
  const size_t colon = text.find(':');
  auto bad = [&] {
    return Status::InvalidArgument("--expect-head: '" + std::string(text) +
                                   "' is not POSITION:HASH (64 hex digits)");
  };
  if (colon == std::string_view::npos || text.size() - colon - 1 != 64) return bad();
  eventstore::LogHead head;
  auto [end, ec] = std::from_chars(text.data(), text.data() + colon, head.position.value);
  if (ec != std::errc() || end != text.data() + colon) return bad();
  for (size_t i = 0; i < 32; ++i) {
    unsigned value = 0;
    auto [p, e] = std::from_chars(text.data() + colon + 1 + 2 * i,
                                  text.data() + colon + 3 + 2 * i, value, 16);
    if (e != std::errc() || p != text.data() + colon + 3 + 2 * i) return bad();
    head.hash[i] = static_cast<uint8_t>(value);
  }
  return head;
}

std::string FormatHead(const eventstore::LogHead& head) {
  return std::to_string(head.position.value) + ":" + eventstore::HexOf(head.hash);
}

}  // namespace dealstream::replay
