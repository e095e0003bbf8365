// Verify a data directory (DESIGN §5, `dealstream verify`):
//   1. the log: every key against its record, positions and stream
//      versions contiguous, the hash chain, the stream index and the stored
//      head (RocksEventLog::Verify), optionally against a head exported
//      earlier (anchors the chain against truncation with a rewritten head);
//   2. every projection snapshot: equal, byte for byte, to a fresh rebuild
//      from the log up to the snapshot's checkpoint.
// Works on a stopped directory and beside a running server (read-only).
//
// VerifyServing is the running server's variant (GET /v1/admin/verify): the
// same log checks while appends continue (the log as of the call), and the
// LIVE read models, as of the position they have applied, against a fresh
// rebuild of the log up to that position.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "eventstore/event_log.h"
#include "projections/read_models.h"
#include "replay/data_dir.h"

namespace dealstream::replay {

struct ProjectionCheck {
  std::string name;
  bool has_snapshot = false;
  uint64_t checkpoint = 0;  // position of the stored snapshot
  bool ok = true;
  std::string detail;  // why not ok, or why skipped
};

struct VerifyOutcome {
  bool ok = true;
  uint64_t events_checked = 0;
  eventstore::LogHead head;
  uint64_t first_bad_position = 0;  // 0 when ok, or when only a projection differs
  std::string problem;              // the first problem found
  std::vector<ProjectionCheck> projections;
};

struct VerifyOptions {
  // A head exported earlier: the log must still contain it, unchanged.
  std::optional<eventstore::LogHead> expected_head;
  // Check the projection snapshots too. Default: true.
  bool projections = true;
  // (done, total) events, now and then.
  std::function<void(uint64_t, uint64_t)> progress;
};

// Errors only when verification itself could not run (Unavailable); a
// damaged log or projection is an outcome with ok == false.
Result<VerifyOutcome> VerifyDataDir(DataDir& dir, const VerifyOptions& options);
Result<VerifyOutcome> VerifyServing(DataDir& dir, const projections::ReadModels& models,
                                    const VerifyOptions& options);

// "POSITION:HEX" (as `verify` prints the head) -> LogHead; InvalidArgument.
Result<eventstore::LogHead> ParseHead(std::string_view text);
std::string FormatHead(const eventstore::LogHead& head);

}  // namespace dealstream::replay
