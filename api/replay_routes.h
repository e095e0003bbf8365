// The replay and audit routes (DESIGN §5), the API equivalents of the
// `dealstream` subcommands that a running server holds the directory for:
//
//   POST /v1/admin/forget {"subject": CONTACT_ID}      `forget --subject`
//       deletes the contact's personal-data key while no command of the
//       contact runs, and drops the command side's cached state of it, so
//       nothing the server holds keeps serving the plaintext
//   GET  /v1/admin/verify[?expect_head=P:HASH][&projections=false]   `verify`
//       the log (positions, versions, hash chain, head) and the live read
//       models against a fresh rebuild; 200 with "ok": true|false
//   POST /v1/admin/rebuild                              `rebuild`
//       202; builds new projection versions beside the live ones (reads
//       continue) and switches when caught up; 409 while one runs
//   GET  /v1/admin/rebuild                              its progress, rate, ETA
//   GET  /v1/export?format=jsonl|csv[&from=P][&limit=N][&sealed=true]   `export`
//       one page of CloudEvents JSON Lines or CSV; X-Next-Position names the
//       next page's `from` while the head is not reached
//
// History and as-of state are record_routes.h, projections as of any
// instant projection_routes.h.
#pragma once

#include <functional>

#include "api/router.h"
#include "base/status.h"
#include "eventstore/stream_name.h"
#include "projections/read_models.h"
#include "replay/data_dir.h"

namespace dealstream::api {

struct ReplayServices {
  // The server's data directory and read models; must outlive the routes.
  replay::DataDir& dir;
  projections::ReadModels& models;
  // Runs `change` while no command of the stream runs, then drops the
  // command side's cached state of the stream
  // (commands::LogCommandService::ChangeOutsideTheLog).
  std::function<Status(const eventstore::StreamName&, const std::function<Status()>&)>
      change_outside_the_log;
};

// The routes own the rebuild job; destroy them (the Api) before the read
// models.
RouteGroup ReplayRoutes(ReplayServices services);

}  // namespace dealstream::api
