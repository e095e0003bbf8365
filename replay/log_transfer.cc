#include "replay/log_transfer.h"

#include <algorithm>
#include <string>
#include <vector>

#include "codec/cloudevents.h"
#include "replay/csv.h"

namespace dealstream::replay {
namespace {

constexpr size_t kExportChunk = 4096;
constexpr size_t kImportBatch = 2048;
constexpr char kCsvHeader[] =
    "position,stream,version,id,type,subject,time,recorded_time,schema_version,actor,command,"
    "correlation_id,causation_id,prev_hash,hash,data";

void WriteCsvRow(const eventstore::RecordedEvent& e, std::string& out) {
  const std::string cells[] = {std::to_string(e.position.value),
                               e.stream.str(),
                               std::to_string(e.version.value),
                               e.id,
                               e.type,
                               e.subject,
                               FormatTimestamp(e.time),
                               FormatTimestamp(e.recorded_time),
                               std::to_string(e.schema_version),
                               e.metadata.actor,
                               e.metadata.command,
                               e.metadata.correlation_id,
                               e.metadata.causation_id,
                               eventstore::HexOf(e.prev_hash),
                               eventstore::HexOf(e.hash),
                               e.data};
  bool first = true;
  for (const std::string& cell : cells) {
    if (!first) out += ',';
    out += CsvField(cell);
    first = false;
  }
  out += '\n';
}

}  // namespace

std::string_view ExportCsvHeader() { return kCsvHeader; }

Result<ExportPage> ExportPageOf(const eventstore::EventLog& log, ExportFormat format,
                                uint64_t from, size_t limit,
                                const std::function<bool(const eventstore::RecordedEvent&)>& include) {
  if (from == 0) return Status::InvalidArgument("from: positions start at 1");
  if (limit == 0) return Status::InvalidArgument("limit: must be at least 1");
  ExportPage page;
  page.head = log.Head();
  const uint64_t head = page.head.position.value;
  if (format == ExportFormat::kCsv) {
    page.body = kCsvHeader;
    page.body += '\n';
  }
  uint64_t next = from;
  while (next <= head && page.events < limit) {
    auto read = log.ReadAll({next}, std::min(kExportChunk, limit - page.events), {});
    if (!read.ok()) return read.error();
    if (read->events.empty()) break;
    for (const eventstore::RecordedEvent& e : read->events) {
      if (e.position.value > head || page.events == limit) break;
      next = e.position.value + 1;
      if (include && !include(e)) continue;
      if (format == ExportFormat::kCsv) {
        WriteCsvRow(e, page.body);
      } else {
        page.body += codec::ToCloudEventJson(e);
        page.body += '\n';
      }
      ++page.events;
    }
  }
  page.next = next <= head ? next : 0;
  return page;
}

Result<TransferStats> ExportLog(DataDir& dir, const ExportOptions& options, std::ostream& out) {
  if (options.from_position == 0) {
    return Status::InvalidArgument("--from: positions start at 1");
  }
  const eventstore::EventLog& log =
      options.sealed ? static_cast<const eventstore::EventLog&>(dir.raw_log()) : dir.log();
  const uint64_t head = log.Head().position.value;
  TransferStats stats;
  if (options.format == ExportFormat::kCsv) out << kCsvHeader << '\n';
  std::string buffer;
  uint64_t next = options.from_position;
  while (next <= head) {
    auto read = log.ReadAll({next}, kExportChunk, {});
    if (!read.ok()) return read.error();
    if (read->events.empty()) break;
    buffer.clear();
    for (const eventstore::RecordedEvent& e : read->events) {
      if (e.position.value > head) break;
      if (options.format == ExportFormat::kCsv) {
        WriteCsvRow(e, buffer);
      } else {
        buffer += codec::ToCloudEventJson(e);
        buffer += '\n';
      }
      ++stats.events;
      stats.head = {e.position, e.hash};
    }
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (!out) return Status::Unavailable("export: writing the output failed");
    next = read->next.value;
  }
  out.flush();
  if (!out) return Status::Unavailable("export: writing the output failed");
  return stats;
}

Result<TransferStats> ImportJsonLines(eventstore::RocksEventLog& log, std::istream& in,
                                      const std::function<void(uint64_t)>& progress) {
  if (log.Head().position.value != 0) {
    return Status::FailedPrecondition(
        "import: the target log already holds " + std::to_string(log.Head().position.value) +
        " events; an export can only be imported into an empty data directory");
  }
  TransferStats stats;
  std::vector<eventstore::RecordedEvent> batch;
  std::vector<size_t> batch_lines;
  auto flush = [&]() -> Status {
    if (batch.empty()) return Status::Ok();
    Status s = log.AppendReplicated(batch, {});
    if (!s.ok()) {
      // Name the input line of the first event of the failed batch whose
      // position the error mentions, or the batch's first line.
      size_t line = batch_lines.front();
      for (size_t i = 0; i < batch.size(); ++i) {
        if (s.message().find("position " + std::to_string(batch[i].position.value)) !=
            std::string::npos) {
          line = batch_lines[i];
          break;
        }
      }
      std::string hint;
      if (s.code() == StatusCode::kCorruption) {
        hint = " (was the export made with personal data opened? export with --sealed for a "
               "copy that imports)";
      }
      return Status(s.code(), "import: line " + std::to_string(line) + ": " + s.message() + hint);
    }
    stats.events += batch.size();
    stats.head = {batch.back().position, batch.back().hash};
    batch.clear();
    batch_lines.clear();
    if (progress) progress(stats.events);
    return Status::Ok();
  };
  std::string line;
  size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    auto event = codec::FromCloudEventJson(line);
    if (!event.ok()) {
      return Status::InvalidArgument("import: line " + std::to_string(line_number) + ": " +
                                     event.error().message);
    }
    batch.push_back(std::move(*event));
    batch_lines.push_back(line_number);
    if (batch.size() == kImportBatch) {
      if (Status s = flush(); !s.ok()) return s;
    }
  }
  if (in.bad()) return Status::Unavailable("import: reading the input failed");
  if (Status s = flush(); !s.ok()) return s;
  return stats;
}

}  // namespace dealstream::replay
