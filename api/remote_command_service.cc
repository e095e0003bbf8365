#include "api/remote_command_service.h"

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

#include "api/http_client.h"
#include "api/json_util.h"

namespace dealstream::api {
namespace {

using commands::CommandError;
using Kind = CommandError::Kind;

constexpr auto kTimeout = std::chrono::seconds(60);

// The error kind a server answer stands for (command_routes.cc maps the
// other way).
Kind KindOf(int status, const std::string& code) {
  switch (status) {
    case 400: return code == "malformed_body" ? Kind::kMalformed : Kind::kInvalid;
    case 403: return Kind::kForbidden;
    case 404: return code == "unknown_command" ? Kind::kUnknownCommand : Kind::kNotFound;
    case 409: return code == "version_conflict" ? Kind::kConflict : Kind::kAlreadyExists;
    case 422: return code == "idempotency_key_reused" ? Kind::kIdempotencyKeyReused
                                                     : Kind::kRuleViolated;
    default: return Kind::kUnavailable;
  }
}

commands::CommandOutcome FromResponse(const Response& response) {
  const nlohmann::json body = ParseJson(response.body);
  if (response.status == 201 && body.is_object()) {
    commands::CommandOk ok;
    ok.id = body.value("id", std::string());
    ok.stream = body.value("stream", std::string());
    ok.version = body.value("version", uint64_t{0});
    ok.position = body.value("position", uint64_t{0});
    if (body.contains("event_ids") && body["event_ids"].is_array()) {
      for (const nlohmann::json& id : body["event_ids"]) {
        if (id.is_string()) ok.event_ids.push_back(id.get<std::string>());
      }
    }
    ok.replayed = response.headers.Get("Idempotent-Replayed").value_or("") == "true";
    return ok;
  }
  const bool problem = body.is_object();
  const std::string code = problem ? body.value("code", std::string()) : "";
  CommandError error{KindOf(response.status, code), code,
                     problem ? body.value("field", std::string()) : "",
                     problem && body.contains("detail") && body["detail"].is_string()
                         ? body["detail"].get<std::string>()
                         : "the server answered HTTP " + std::to_string(response.status),
                     std::nullopt};
  if (problem && body.contains("current_version") && body["current_version"].is_number_unsigned()) {
    error.current_version = body["current_version"].get<uint64_t>();
  }
  return Unexpected(std::move(error));
}

}  // namespace

struct RemoteCommandService::Impl {
  explicit Impl(RemoteServer s) : server(std::move(s)) {
    const size_t n = server.workers == 0 ? 1 : server.workers;
    for (size_t i = 0; i < n; ++i) workers.emplace_back([this] { Work(); });
  }
  ~Impl() {
    {
      std::lock_guard lock(mu);
      stopping = true;
    }
    wake.notify_all();
    for (std::thread& t : workers) t.join();
  }

  commands::CommandOutcome Send(const commands::CommandRequest& request) const {
    Request http{.method = "POST", .target = "/v1/commands/" + request.type, .body = request.body};
    http.headers.Set("Authorization", "Bearer " + server.token);
    http.headers.Set("Content-Type", "application/json");
    if (request.idempotency_key) http.headers.Set("Idempotency-Key", *request.idempotency_key);
    if (request.expected_version) {
      http.headers.Set("If-Match", "\"" + std::to_string(*request.expected_version) + "\"");
    }
    if (!request.correlation_id.empty()) http.headers.Set("X-Correlation-Id", request.correlation_id);
    if (!request.causation_id.empty()) http.headers.Set("X-Causation-Id", request.causation_id);
    auto response = HttpCall(server.host, server.port, http, kTimeout);
    if (!response.ok()) {
      return Unexpected(CommandError{Kind::kUnavailable, "server_unreachable", "",
                                     response.error().message(), std::nullopt});
    }
    return FromResponse(*response);
  }

  void Work() {
    while (true) {
      std::pair<commands::CommandRequest, std::function<void(commands::CommandOutcome)>> job;
      {
        std::unique_lock lock(mu);
        wake.wait(lock, [this] { return stopping || !queue.empty(); });
        if (queue.empty()) return;  // stopping, and every queued command done
        job = std::move(queue.front());
        queue.pop_front();
      }
      job.second(Send(job.first));
    }
  }

  RemoteServer server;
  std::mutex mu;
  std::condition_variable wake;
  std::deque<std::pair<commands::CommandRequest, std::function<void(commands::CommandOutcome)>>>
      queue;
  bool stopping = false;
  std::vector<std::thread> workers;
};

RemoteCommandService::RemoteCommandService(RemoteServer server)
    : impl_(std::make_unique<Impl>(std::move(server))) {}

RemoteCommandService::~RemoteCommandService() = default;

commands::CommandOutcome RemoteCommandService::Execute(const commands::CommandRequest& request) {
  return impl_->Send(request);
}

void RemoteCommandService::ExecuteAsync(commands::CommandRequest request,
                                        std::function<void(commands::CommandOutcome)> done) {
  {
    std::lock_guard lock(impl_->mu);
    impl_->queue.emplace_back(std::move(request), std::move(done));
  }
  impl_->wake.notify_one();
}

std::vector<std::string> RemoteCommandService::CommandTypes() const {
  Request http{.method = "GET", .target = "/openapi.json"};
  http.headers.Set("Authorization", "Bearer " + impl_->server.token);
  auto response = HttpCall(impl_->server.host, impl_->server.port, http, kTimeout);
  std::vector<std::string> types;
  if (!response.ok() || response->status != 200) return types;
  const nlohmann::json doc = ParseJson(response->body);
  if (!doc.is_object() || !doc.contains("paths") || !doc["paths"].is_object()) return types;
  constexpr std::string_view kPrefix = "/v1/commands/";
  for (const auto& [path, item] : doc["paths"].items()) {
    if (path.size() > kPrefix.size() && path.compare(0, kPrefix.size(), kPrefix) == 0 &&
        path.find('{') == std::string::npos) {
      types.push_back(path.substr(kPrefix.size()));
    }
  }
  return types;
}

}  // namespace dealstream::api
