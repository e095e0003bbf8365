// Export and import of the whole log (DESIGN §5, §10).
//
// Export formats:
//   jsonl  one CloudEvents 1.0 JSON object per line (codec/cloudevents.h),
//          in position order;
//   csv    one row per event with the columns
//            position,stream,version,id,type,subject,time,recorded_time,
//            schema_version,actor,command,correlation_id,causation_id,
//            prev_hash,hash,data
//          times RFC 3339 UTC, hashes lower-case hex, data the payload JSON.
// Personal fields are exported as readers see them (decrypted, or
// "[redacted]" once forgotten) unless `sealed` is set: then payloads are
// exported exactly as stored, which is what a backup needs — a sealed
// export imports into an identical log, and its personal data stays
// unreadable without this directory's key store.
//
// Import (jsonl only) writes the exported events unchanged into an EMPTY
// log with RocksEventLog::AppendReplicated, which checks every event
// continues the chain (next position, prev_hash, hash over its canonical
// bytes, stream versions): the copy has the same positions, ids, times and
// hashes, so its head hash equals the source's.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <ostream>
#include <string>

#include "base/result.h"
#include "eventstore/rocks_event_log.h"
#include "replay/data_dir.h"

namespace dealstream::replay {

enum class ExportFormat { kJsonLines, kCsv };

struct ExportOptions {
  ExportFormat format = ExportFormat::kJsonLines;
  // First position exported. Default: 1 (everything).
  uint64_t from_position = 1;
  // Payloads as stored, personal fields sealed. Default: false.
  bool sealed = false;
};

struct TransferStats {
  uint64_t events = 0;
  eventstore::LogHead head;  // the last event written (export: read)
};

// Writes the log from options.from_position up to the head as of the call.
// Errors: InvalidArgument (from_position 0), Unavailable (read or write).
Result<TransferStats> ExportLog(DataDir& dir, const ExportOptions& options, std::ostream& out);

// The CSV header line of the csv export (without the newline).
std::string_view ExportCsvHeader();

// One page of an export, for the HTTP API (GET /v1/export).
struct ExportPage {
  std::string body;        // lines in `format`; csv starts with the header line
  uint64_t events = 0;     // events written
  uint64_t next = 0;       // the position to ask for next; 0 once the head was reached
  eventstore::LogHead head;  // the log's head when the page was read
};

// Events of `log` from position `from` on, at most `limit` of them (events
// `include` refuses are skipped and not counted), up to the head as of the
// call. `log` is what readers see (the vaulted view) or, for a sealed
// export, the raw log. Errors: InvalidArgument (from 0, limit 0),
// Unavailable (read failed).
Result<ExportPage> ExportPageOf(const eventstore::EventLog& log, ExportFormat format,
                                uint64_t from, size_t limit,
                                const std::function<bool(const eventstore::RecordedEvent&)>& include);

// Reads JSON Lines from `in` into `log`, which must be empty. `progress`
// gets the number of events imported now and then. Errors:
// FailedPrecondition (the log is not empty), InvalidArgument (a line is not
// a CloudEvent; names the line and the attribute), Corruption (an event
// does not continue the chain; names the line and position — e.g. an
// export without `sealed` of a log holding personal data), Unavailable.
Result<TransferStats> ImportJsonLines(eventstore::RocksEventLog& log, std::istream& in,
                                      const std::function<void(uint64_t)>& progress = {});

}  // namespace dealstream::replay
