// POST /v1/commands/{type}: hands the command to the CommandService without
// blocking a server thread (ExecuteAsync), so that many connections wait on
// the same group commit.
#include <algorithm>
#include <cctype>
#include <chrono>

#include "api/json_util.h"
#include "api/openapi_doc.h"
#include "api/query_params.h"
#include "api/route_groups.h"

namespace dealstream::api {
namespace {

using commands::CommandError;
using commands::CommandOutcome;

constexpr size_t kMaxIdempotencyKey = 255;

int StatusOf(CommandError::Kind kind) {
  switch (kind) {
    case CommandError::Kind::kMalformed: return 400;
    case CommandError::Kind::kInvalid: return 400;
    case CommandError::Kind::kUnknownCommand: return 404;
    case CommandError::Kind::kNotFound: return 404;
    case CommandError::Kind::kConflict: return 409;
    case CommandError::Kind::kAlreadyExists: return 409;
    case CommandError::Kind::kIdempotencyKeyReused: return 422;
    case CommandError::Kind::kRuleViolated: return 422;
    case CommandError::Kind::kForbidden: return 403;
    case CommandError::Kind::kUnavailable: return 503;
  }
  return 500;
}

std::string KindName(CommandError::Kind kind) {
  switch (kind) {
    case CommandError::Kind::kMalformed: return "malformed";
    case CommandError::Kind::kInvalid: return "invalid";
    case CommandError::Kind::kUnknownCommand: return "unknown_command";
    case CommandError::Kind::kNotFound: return "not_found";
    case CommandError::Kind::kConflict: return "version_conflict";
    case CommandError::Kind::kAlreadyExists: return "already_exists";
    case CommandError::Kind::kIdempotencyKeyReused: return "idempotency_key_reused";
    case CommandError::Kind::kRuleViolated: return "rule_violated";
    case CommandError::Kind::kForbidden: return "forbidden";
    case CommandError::Kind::kUnavailable: return "unavailable";
  }
  return "unknown";
}

// `If-Match: "<version>"` → the version; an error message otherwise.
Result<uint64_t> ParseIfMatch(std::string_view value) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.size() < 3 || value.front() != '"' || value.back() != '"') {
    return Status::InvalidArgument(
        "If-Match must be one quoted stream version, e.g. If-Match: \"3\"");
  }
  std::optional<uint64_t> version = ParseUint(value.substr(1, value.size() - 2));
  if (!version || *version > static_cast<uint64_t>(INT64_MAX)) {
    return Status::InvalidArgument("If-Match must hold a stream version from 0 to 2^63-1");
  }
  return *version;
}

bool IsValidIdempotencyKey(std::string_view key) {
  if (key.empty() || key.size() > kMaxIdempotencyKey) return false;
  return std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

bool IsValidCausationId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == ':' ||
           c == '-';
  });
}

Response Success(const commands::CommandOk& ok) {
  nlohmann::json body = {{"id", ok.id},
                         {"stream", ok.stream},
                         {"version", ok.version},
                         {"position", ok.position},
                         {"event_ids", ok.event_ids}};
  Response r = JsonResponse(201, DumpJson(body));
  r.headers.Set("ETag", "\"" + std::to_string(ok.version) + "\"");
  r.headers.Set("Location", "/v1/streams/" + PercentEncode(ok.stream));
  if (ok.replayed) r.headers.Set("Idempotent-Replayed", "true");
  return r;
}

Response Failure(const RouteContext& ctx, const CommandError& error) {
  const int status = StatusOf(error.kind);
  Response r = ProblemResponse({.status = status,
                                .code = error.code.empty() ? KindName(error.kind) : error.code,
                                .detail = error.message,
                                .field = error.field,
                                .instance = ctx.target.path,
                                .current_version = error.current_version});
  if (status == 503) r.headers.Set("Retry-After", "1");
  return r;
}

class CommandHandler {
 public:
  CommandHandler(commands::CommandService& service, Metrics& metrics)
      : service_(service), metrics_(metrics), types_(service.CommandTypes()) {
    std::sort(types_.begin(), types_.end());
  }

  void operator()(const RouteContext& ctx, Respond respond) const {
    QueryParams query(ctx, {});
    if (!query.ok()) return respond(query.Problem());
    const std::string& type = ctx.Param("type");
    if (!std::binary_search(types_.begin(), types_.end(), type)) {
      return respond(ctx.Problem(404, "unknown_command", "there is no command type '" + type + "'",
                                 "type"));
    }
    const Headers& headers = ctx.request.headers;
    std::optional<std::string_view> content_type = headers.Get("Content-Type");
    if (!content_type || !MediaTypeIs(*content_type, "application/json")) {
      Response r = ctx.Problem(415, "unsupported_media_type",
                               "commands are JSON: send Content-Type: application/json",
                               "Content-Type");
      r.headers.Set("Accept-Post", "application/json");
      return respond(std::move(r));
    }
    commands::CommandRequest request{.type = type,
                                     .body = ctx.request.body,
                                     .actor = ctx.principal->employee_id,
                                     .expected_version = std::nullopt,
                                     .idempotency_key = std::nullopt,
                                     .correlation_id = ctx.correlation_id,
                                     .causation_id = "",
                                     .authorize = nullptr};
    if (headers.Count("If-Match") > 1) {
      return respond(ctx.Problem(400, "bad_if_match", "give If-Match once", "If-Match"));
    }
    if (auto if_match = headers.Get("If-Match")) {
      auto version = ParseIfMatch(*if_match);
      if (!version.ok()) {
        return respond(ctx.Problem(400, "bad_if_match", version.error().message(), "If-Match"));
      }
      request.expected_version = *version;
    }
    if (headers.Count("Idempotency-Key") > 1) {
      return respond(
          ctx.Problem(400, "bad_idempotency_key", "give Idempotency-Key once", "Idempotency-Key"));
    }
    if (auto key = headers.Get("Idempotency-Key")) {
      if (!IsValidIdempotencyKey(*key)) {
        return respond(ctx.Problem(400, "bad_idempotency_key",
                                   "Idempotency-Key must be 1-255 visible ASCII characters",
                                   "Idempotency-Key"));
      }
      request.idempotency_key = std::string(*key);
    }
    if (headers.Count("X-Causation-Id") > 1) {
      return respond(
          ctx.Problem(400, "bad_causation_id", "give X-Causation-Id once", "X-Causation-Id"));
    }
    if (auto causation = headers.Get("X-Causation-Id")) {
      if (!IsValidCausationId(*causation)) {
        return respond(ctx.Problem(400, "bad_causation_id",
                                   "X-Causation-Id must be 1-128 characters of A-Z a-z 0-9 . _ : -",
                                   "X-Causation-Id"));
      }
      request.causation_id = std::string(*causation);
    }
    request.authorize = [scope = *ctx.scope](const commands::CommandTarget& target) {
      return scope.AuthorizeCommand(target);
    };
    const auto start = std::chrono::steady_clock::now();
    Metrics& metrics = metrics_;
    service_.ExecuteAsync(std::move(request), [&ctx, &metrics, start,
                                               respond = std::move(respond)](CommandOutcome outcome) {
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (outcome.ok()) {
        metrics.ObserveCommand(outcome->replayed ? "replayed" : "ok", seconds);
        respond(Success(*outcome));
      } else {
        metrics.ObserveCommand(KindName(outcome.error().kind), seconds);
        respond(Failure(ctx, outcome.error()));
      }
    });
  }

  const std::vector<std::string>& types() const { return types_; }

 private:
  commands::CommandService& service_;
  Metrics& metrics_;
  std::vector<std::string> types_;
};

nlohmann::json CommandDoc(const std::vector<std::string>& types) {
  using namespace doc;
  json responses = {{"201",
                     {{"description", "the command was accepted and its events are durable"},
                      {"headers",
                       {{"ETag", {{"schema", {{"type", "string"}}},
                                  {"description", "the stream's new version, quoted"}}},
                        {"Location", {{"schema", {{"type", "string"}}},
                                      {"description", "the stream the events were written to"}}},
                        {"Idempotent-Replayed",
                         {{"schema", {{"type", "string"}}},
                          {"description", "\"true\" when answered from a stored idempotency key"}}}}},
                      {"content", {{"application/json", {{"schema", Ref("CommandResult")}}}}}}}};
  AddProblems(responses, {400, 403, 404, 409, 413, 415, 422, 503});
  json type_schema = {{"type", "string"}};
  if (!types.empty()) type_schema["enum"] = types;
  return {{"summary", "Execute a command"},
          {"description",
           "Validates the command against its JSON Schema and the current state of its "
           "record, and appends the resulting events atomically. The request body schema "
           "of each type is in components/schemas/<CommandType> when published."},
          {"operationId", "executeCommand"},
          {"tags", {"commands"}},
          {"parameters",
           {PathParam("type", "the command type, e.g. OpenOpportunity", type_schema),
            HeaderParam("If-Match", "expected stream version, quoted: \"3\"",
                        {{"type", "string"}, {"pattern", "^\"[0-9]{1,19}\"$"}}),
            HeaderParam("Idempotency-Key",
                        "a retry with the same key and body answers the original result",
                        {{"type", "string"}, {"pattern", "^[!-~]{1,255}$"}}),
            HeaderParam("X-Correlation-Id", "echoed; generated when absent",
                        {{"type", "string"}, {"pattern", "^[A-Za-z0-9._:-]{1,128}$"}}),
            HeaderParam("X-Causation-Id",
                        "the event (id) that caused this command, recorded in its events' "
                        "metadata; e.g. the previous step of a chain",
                        {{"type", "string"}, {"pattern", "^[A-Za-z0-9._:-]{1,128}$"}})}},
          {"requestBody",
           {{"required", true},
            {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}}},
          {"responses", responses}};
}

}  // namespace

RouteGroup CommandRoutes(commands::CommandService& service, Metrics& metrics) {
  CommandHandler handler(service, metrics);
  nlohmann::json openapi = CommandDoc(handler.types());
  RouteGroup group;
  group.push_back(Route{.method = "POST",
                        .pattern = "/v1/commands/{type}",
                        .permission = Permission::kCommands,
                        .handler = std::move(handler),
                        .openapi = std::move(openapi)});
  return group;
}

}  // namespace dealstream::api
