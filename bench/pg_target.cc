#include <libpq-fe.h>

#include <vector>

#include "base/uuid.h"
#include "bench/targets.h"

namespace dealstream::bench {
namespace {

// A typical PostgreSQL event table: a global position, the stream and its
// version under a unique constraint (optimistic concurrency), and the event.
// Data is `text` rather than `jsonb` so PostgreSQL pays no JSON parsing: the
// comparison gives it its best case.
constexpr char kCreateTable[] = R"sql(
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_events;
CREATE TABLE bench_events (
  position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stream_id   text        NOT NULL,
  version     bigint      NOT NULL,
  event_id    text        NOT NULL,
  type        text        NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  data        text        NOT NULL,
  UNIQUE (stream_id, version)
);)sql";

constexpr char kInsert[] =
    "INSERT INTO bench_events (stream_id, version, event_id, type, data) "
    "VALUES ($1, $2, $3, $4, $5)";

struct ConnDeleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};
using Conn = std::unique_ptr<PGconn, ConnDeleter>;
struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

Status Check(const PgResult& r, ExecStatusType want, std::string_view what) {
  if (PQresultStatus(r.get()) == want) return Status::Ok();
  return Status::Unavailable(std::string(what) + ": " + PQresultErrorMessage(r.get()));
}

class PostgresTarget final : public AppendTarget {
 public:
  PostgresTarget(std::string conninfo, size_t payload_bytes)
      : conninfo_(std::move(conninfo)), payload_bytes_(payload_bytes) {}

  std::string name() const override { return "postgres"; }

  Status Prepare(int writers) override {
    writers_.clear();
    Conn admin(PQconnectdb(conninfo_.c_str()));
    if (PQstatus(admin.get()) != CONNECTION_OK) {
      return Status::Unavailable("postgres connect: " + std::string(PQerrorMessage(admin.get())));
    }
    // synchronous_commit=on is the server default; set it anyway so that a
    // changed default cannot make PostgreSQL look faster than it is.
    if (Status s = Check(PgResult(PQexec(admin.get(), kCreateTable)), PGRES_COMMAND_OK,
                         "create table");
        !s.ok()) {
      return s;
    }
    for (int w = 0; w < writers; ++w) {
      Conn conn(PQconnectdb(conninfo_.c_str()));
      if (PQstatus(conn.get()) != CONNECTION_OK) {
        return Status::Unavailable("postgres connect: " + std::string(PQerrorMessage(conn.get())));
      }
      if (Status s = Check(PgResult(PQexec(conn.get(), "SET synchronous_commit = on")),
                           PGRES_COMMAND_OK, "set synchronous_commit");
          !s.ok()) {
        return s;
      }
      if (Status s = Check(PgResult(PQprepare(conn.get(), "append", kInsert, 5, nullptr)),
                           PGRES_COMMAND_OK, "prepare");
          !s.ok()) {
        return s;
      }
      writers_.push_back(Writer{std::move(conn), "opportunity-bench-" + std::to_string(w), 0,
                                MakePayload(w, payload_bytes_)});
    }
    return Status::Ok();
  }

  Status Append(int writer) override {
    Writer& w = writers_[static_cast<size_t>(writer)];
    const std::string version = std::to_string(w.version + 1);
    const std::string event_id = NewUuidV7(Now());
    const char* values[5] = {w.stream.c_str(), version.c_str(), event_id.c_str(),
                             "crm.opportunity.stage_advanced.v1", w.payload.c_str()};
    // Autocommit: each INSERT is its own transaction, committed (and its WAL
    // flushed, synchronous_commit=on) before PQexecPrepared returns.
    PgResult r(PQexecPrepared(w.conn.get(), "append", 5, values, nullptr, nullptr, 0));
    if (Status s = Check(r, PGRES_COMMAND_OK, "insert"); !s.ok()) return s;
    ++w.version;
    return Status::Ok();
  }

  Status Finish() override {
    writers_.clear();
    Conn admin(PQconnectdb(conninfo_.c_str()));
    if (PQstatus(admin.get()) != CONNECTION_OK) return Status::Ok();  // the server goes anyway
    return Check(PgResult(PQexec(admin.get(), "DROP TABLE IF EXISTS bench_events")),
                 PGRES_COMMAND_OK, "drop table");
  }

 private:
  struct Writer {
    Conn conn;
    std::string stream;
    uint64_t version = 0;
    std::string payload;
  };

  std::string conninfo_;
  size_t payload_bytes_;
  std::vector<Writer> writers_;
};

}  // namespace

std::unique_ptr<AppendTarget> MakePostgresTarget(const TargetConfig& config,
                                                 const std::string& conninfo) {
  return std::make_unique<PostgresTarget>(conninfo, config.payload_bytes);
}

}  // namespace dealstream::bench
