#include "api/replay_routes.h"

#include <memory>

#include "api/json_util.h"
#include "api/query_params.h"
#include "replay/forget.h"
#include "replay/log_transfer.h"
#include "replay/rebuild_job.h"
#include "replay/verify.h"

namespace dealstream::api {

// The operation objects of /openapi.json (replay_routes_doc.cc).
nlohmann::json ForgetDoc();
nlohmann::json VerifyDoc();
nlohmann::json StartRebuildDoc();
nlohmann::json RebuildProgressDoc();
nlohmann::json ExportDoc();

namespace {

constexpr uint64_t kDefaultExportPage = 1000;
constexpr uint64_t kMaxExportPage = 10000;

Response Unavailable(const RouteContext& ctx, const Status& s) {
  Response r = ctx.Problem(503, "storage_unavailable", s.message());
  r.headers.Set("Retry-After", "1");
  return r;
}

// The body of a JSON POST, or the problem to answer.
std::optional<Response> JsonBodyProblem(const RouteContext& ctx, nlohmann::json* body,
                                        std::initializer_list<std::string_view> fields) {
  auto content_type = ctx.request.headers.Get("Content-Type");
  if (!content_type || !MediaTypeIs(*content_type, "application/json")) {
    return ctx.Problem(415, "unsupported_media_type", "send Content-Type: application/json",
                       "Content-Type");
  }
  *body = ParseJson(ctx.request.body);
  if (body->is_discarded()) return ctx.Problem(400, "malformed_json", "the body is not valid JSON");
  if (!body->is_object()) return ctx.Problem(400, "malformed_json", "the body must be a JSON object");
  for (const auto& [key, value] : body->items()) {
    if (std::find(fields.begin(), fields.end(), key) == fields.end()) {
      return ctx.Problem(400, "unknown_field", "unknown field '" + key + "'", key);
    }
  }
  return std::nullopt;
}

Response Forget(const ReplayServices& s, const RouteContext& ctx) {
  QueryParams query(ctx, {});
  if (!query.ok()) return query.Problem();
  nlohmann::json body;
  if (auto problem = JsonBodyProblem(ctx, &body, {"subject"})) return *problem;
  auto subject = body.find("subject");
  if (subject == body.end() || !subject->is_string()) {
    return ctx.Problem(400, "invalid_field", "subject: required, a contact id (a string)",
                       "subject");
  }
  const std::string id = subject->get<std::string>();
  auto stream = eventstore::StreamName::Make("contact", id);
  if (!stream.ok()) {
    return ctx.Problem(400, "invalid_field",
                       "subject: a contact id is 1-64 characters of [A-Za-z0-9_.-]", "subject");
  }
  Result<replay::ForgetResult> result = Status::Unavailable("forget did not run");
  Status changed = s.change_outside_the_log(*stream, [&]() -> Status {
    result = replay::ForgetContact(s.dir.raw_log(), s.dir.vault().keys(), id, Now());
    return result.ok() ? Status::Ok() : result.error();
  });
  if (!changed.ok()) {
    switch (changed.code()) {
      case StatusCode::kInvalidArgument:
        return ctx.Problem(400, "invalid_field", changed.message(), "subject");
      case StatusCode::kNotFound:
        return ctx.Problem(404, "not_found", changed.message(), "subject");
      default:
        return Unavailable(ctx, changed);
    }
  }
  return JsonResponse(200, DumpJson({{"contact_id", result->contact_id},
                                     {"already_forgotten", result->already_forgotten},
                                     {"forgotten_at", FormatTimestamp(result->forgotten_at)},
                                     {"events", result->events},
                                     {"sealed_events", result->sealed_events}}));
}

nlohmann::json HeadJson(const eventstore::LogHead& head) {
  return {{"position", head.position.value}, {"hash", eventstore::HexOf(head.hash)},
          {"text", replay::FormatHead(head)}};
}

Response Verify(const ReplayServices& s, const RouteContext& ctx) {
  QueryParams query(ctx, {"expect_head", "projections"});
  replay::VerifyOptions options;
  if (auto text = query.String("expect_head")) {
    auto head = replay::ParseHead(*text);
    if (!head.ok()) query.Fail("expect_head", "expect_head: '" + *text + "' is not POSITION:HASH (64 hex digits)");
    else options.expected_head = *head;
  }
  const std::string projections = query.String("projections").value_or("true");
  if (projections != "true" && projections != "false") {
    query.Fail("projections", "projections must be true or false, not '" + projections + "'");
  }
  options.projections = projections == "true";
  if (!query.ok()) return query.Problem();
  auto outcome = replay::VerifyServing(s.dir, s.models, options);
  if (!outcome.ok()) return Unavailable(ctx, outcome.error());
  nlohmann::json checks = nlohmann::json::array();
  for (const replay::ProjectionCheck& p : outcome->projections) {
    checks.push_back({{"name", p.name}, {"position", p.checkpoint}, {"ok", p.ok}, {"detail", p.detail}});
  }
  nlohmann::json out = {{"ok", outcome->ok},
                        {"events_checked", outcome->events_checked},
                        {"head", HeadJson(outcome->head)},
                        {"projections", checks}};
  if (!outcome->ok) {
    if (outcome->first_bad_position != 0) out["first_bad_position"] = outcome->first_bad_position;
    out["problem"] = outcome->problem;
  }
  return JsonResponse(200, DumpJson(out));
}

nlohmann::json ProgressJson(const replay::RebuildProgress& p) {
  nlohmann::json out = {{"state", std::string(replay::RebuildStateName(p.state))},
                        {"run", p.run},
                        {"done", p.done},
                        {"total", p.total},
                        {"events_per_second", p.events_per_second},
                        {"generation", p.generation}};
  out["eta_seconds"] = p.eta_seconds ? nlohmann::json(*p.eta_seconds) : nlohmann::json();
  out["started_at"] = p.started_at ? nlohmann::json(FormatTimestamp(*p.started_at)) : nlohmann::json();
  out["finished_at"] = p.finished_at ? nlohmann::json(FormatTimestamp(*p.finished_at)) : nlohmann::json();
  if (p.state == replay::RebuildState::kFailed) out["error"] = p.error;
  return out;
}

Response StartRebuild(replay::RebuildJob& job, const RouteContext& ctx) {
  QueryParams query(ctx, {});
  if (!query.ok()) return query.Problem();
  if (Status s = job.Start(); !s.ok()) return ctx.Problem(409, "rebuild_running", s.message());
  Response r = JsonResponse(202, DumpJson(ProgressJson(job.progress())));
  r.headers.Set("Location", "/v1/admin/rebuild");
  return r;
}

Response RebuildProgress(const replay::RebuildJob& job, const RouteContext& ctx) {
  QueryParams query(ctx, {});
  if (!query.ok()) return query.Problem();
  return JsonResponse(200, DumpJson(ProgressJson(job.progress())));
}

Response Export(const ReplayServices& s, const RouteContext& ctx) {
  QueryParams query(ctx, {"format", "from", "limit", "sealed"});
  const std::optional<std::string> format = query.String("format");
  if (!format) query.Fail("format", "format: required, jsonl or csv");
  else if (*format != "jsonl" && *format != "csv") {
    query.Fail("format", "format must be jsonl or csv, not '" + *format + "'");
  }
  const uint64_t from = query.Uint("from", 1, 1, INT64_MAX);
  const uint64_t limit = query.Uint("limit", kDefaultExportPage, 1, kMaxExportPage);
  const std::string sealed = query.String("sealed").value_or("false");
  if (sealed != "true" && sealed != "false") {
    query.Fail("sealed", "sealed must be true or false, not '" + sealed + "'");
  }
  if (!query.ok()) return query.Problem();
  if (sealed == "true" && ctx.principal->role != Role::kAdmin) {
    return ctx.Problem(403, "role_not_allowed",
                       "a sealed export (the log as stored, for backups) is for admins only");
  }
  const bool csv = *format == "csv";
  // A sealed export is the whole chain, as stored; otherwise what the
  // caller may read, personal fields opened or redacted.
  const eventstore::EventLog& log =
      sealed == "true" ? static_cast<const eventstore::EventLog&>(s.dir.raw_log()) : s.dir.log();
  std::function<bool(const eventstore::RecordedEvent&)> include;
  if (sealed != "true") {
    include = [&ctx](const eventstore::RecordedEvent& e) { return ctx.scope->AllowsEvent(e); };
  }
  auto page = replay::ExportPageOf(log, csv ? replay::ExportFormat::kCsv : replay::ExportFormat::kJsonLines,
                                   from, limit, include);
  if (!page.ok()) return Unavailable(ctx, page.error());
  Response r;
  r.status = 200;
  r.headers.Set("Content-Type", csv ? "text/csv; charset=utf-8" : "application/x-ndjson");
  r.headers.Set("X-Head-Position", std::to_string(page->head.position.value));
  if (page->next != 0) {
    r.headers.Set("X-Next-Position", std::to_string(page->next));
    r.headers.Set("Link", "</v1/export?format=" + *format + "&from=" + std::to_string(page->next) +
                              "&limit=" + std::to_string(limit) + "&sealed=" + sealed +
                              ">; rel=\"next\"");
  }
  r.body = std::move(page->body);
  return r;
}

}  // namespace

RouteGroup ReplayRoutes(ReplayServices services) {
  auto s = std::make_shared<const ReplayServices>(std::move(services));
  auto job = std::make_shared<replay::RebuildJob>(s->models);
  RouteGroup group;
  group.push_back(Route{.method = "POST",
                        .pattern = "/v1/admin/forget",
                        .permission = Permission::kAdmin,
                        .handler = Sync([s](const RouteContext& ctx) { return Forget(*s, ctx); }),
                        .openapi = ForgetDoc()});
  group.push_back(Route{.method = "GET",
                        .pattern = "/v1/admin/verify",
                        .permission = Permission::kVerify,
                        .handler = Sync([s](const RouteContext& ctx) { return Verify(*s, ctx); }),
                        .openapi = VerifyDoc()});
  group.push_back(Route{.method = "POST",
                        .pattern = "/v1/admin/rebuild",
                        .permission = Permission::kAdmin,
                        .handler = Sync([job](const RouteContext& ctx) { return StartRebuild(*job, ctx); }),
                        .openapi = StartRebuildDoc()});
  group.push_back(Route{.method = "GET",
                        .pattern = "/v1/admin/rebuild",
                        .permission = Permission::kAdmin,
                        .handler = Sync([job](const RouteContext& ctx) { return RebuildProgress(*job, ctx); }),
                        .openapi = RebuildProgressDoc()});
  group.push_back(Route{.method = "GET",
                        .pattern = "/v1/export",
                        .permission = Permission::kExport,
                        .handler = Sync([s](const RouteContext& ctx) { return Export(*s, ctx); }),
                        .openapi = ExportDoc()});
  return group;
}

}  // namespace dealstream::api
