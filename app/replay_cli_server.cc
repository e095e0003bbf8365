// The write-type subcommands on a directory a running server holds: forget
// and rebuild go through that server's admin API, and `import maven-crm`
// sends its commands to the server's command API, with the address and
// process-only credential it left in DIR/serve.json (local_server.h);
// `import jsonl` cannot (it writes stored events directly, into an empty
// directory) and says what to do instead.
#include <chrono>
#include <cstdio>
#include <thread>

#include "api/http_client.h"
#include "api/remote_command_service.h"
#include "api/json_util.h"
#include "app/local_server.h"
#include "app/progress.h"
#include "app/replay_cli_internal.h"
#include "commands/log_command_service.h"
#include "commands/log_directory.h"
#include "replay/data_dir.h"
#include "replay/maven/import.h"

namespace dealstream::app::replay_cli {
namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(250);

std::string Url(const LocalServerNote& note) {
  return "http://" + note.host + ":" + std::to_string(note.port);
}

Result<api::Response> Call(const LocalServerNote& note, const std::string& method,
                           const std::string& target, const std::string& body = "") {
  api::Request request{.method = method, .target = target};
  request.headers.Set("Authorization", "Bearer " + note.token);
  if (!body.empty()) {
    request.headers.Set("Content-Type", "application/json");
    request.body = body;
  }
  // A forget waits for the contact's queued commands; a generous timeout.
  return api::HttpCall(note.host, note.port, request, std::chrono::seconds(60));
}

// The problem's detail, or the status line.
std::string Detail(const api::Response& response) {
  const nlohmann::json body = api::ParseJson(response.body);
  if (body.is_object() && body["detail"].is_string()) return body["detail"].get<std::string>();
  return "HTTP " + std::to_string(response.status);
}

// Why the directory is busy and what to do, when no server can be asked.
Status Busy(const std::string& command, const std::string& data, const Status& cause) {
  return Status::FailedPrecondition(cause.message() + "\n(no running server answered at the address in " +
                                    LocalServerNotePath(data) + "; stop the process holding " + data +
                                    " and run `dealstream " + command + "` again)");
}

}  // namespace

std::optional<LocalServerNote> ReachableServer(const std::string& data) {
  std::optional<LocalServerNote> note = ReadLocalServerNote(data);
  if (!note) return std::nullopt;
  auto alive = Call(*note, "GET", "/healthz");
  if (!alive.ok() || alive->status != 200) return std::nullopt;  // a stale note
  return note;
}

int ForgetThroughServer(const std::string& data, const std::string& subject, const Status& busy) {
  std::optional<LocalServerNote> note = ReachableServer(data);
  if (!note) return Fail("forget", Busy("forget", data, busy));
  auto response = Call(*note, "POST", "/v1/admin/forget", api::DumpJson({{"subject", subject}}));
  if (!response.ok()) return Fail("forget", response.error());
  if (response->status != 200) {
    const Status refused(response->status == 400 ? StatusCode::kInvalidArgument : StatusCode::kNotFound,
                         "the server at " + Url(*note) + " refused: " + Detail(*response));
    return Fail("forget", refused);
  }
  const nlohmann::json r = api::ParseJson(response->body);
  const std::string id = r.value("contact_id", subject);
  if (r.value("already_forgotten", false)) {
    std::printf("contact %s was already forgotten at %s\n", id.c_str(),
                r.value("forgotten_at", std::string()).c_str());
  } else {
    std::printf("forgot contact %s (through the server at %s): its key is deleted; personal "
                "fields of %llu of its %llu events now read as [redacted]\n",
                id.c_str(), Url(*note).c_str(), r.value("sealed_events", 0ULL), r.value("events", 0ULL));
  }
  return 0;
}

int RebuildThroughServer(const std::string& data, const Status& busy) {
  std::optional<LocalServerNote> note = ReachableServer(data);
  if (!note) return Fail("rebuild", Busy("rebuild", data, busy));
  auto started = Call(*note, "POST", "/v1/admin/rebuild");
  if (!started.ok()) return Fail("rebuild", started.error());
  if (started->status == 409) {
    std::fprintf(stderr, "rebuild: %s; following it\n", Detail(*started).c_str());
  } else if (started->status != 202) {
    return Fail("rebuild", Status::Unavailable("the server at " + Url(*note) +
                                               " refused: " + Detail(*started)));
  }
  Progress progress("rebuild", "events");
  while (true) {
    auto polled = Call(*note, "GET", "/v1/admin/rebuild");
    if (!polled.ok()) return Fail("rebuild", polled.error());
    const nlohmann::json p = api::ParseJson(polled->body);
    if (polled->status != 200 || !p.is_object()) {
      return Fail("rebuild", Status::Unavailable("the server at " + Url(*note) +
                                                 " answered: " + Detail(*polled)));
    }
    const std::string state = p.value("state", std::string());
    const uint64_t done = p.value("done", 0ULL);
    if (state == "running") {
      progress.Update(done, p.value("total", 0ULL));
      std::this_thread::sleep_for(kPollInterval);
      continue;
    }
    if (state == "failed") {
      return Fail("rebuild", Status::Unavailable("the server's rebuild failed: " +
                                                 p.value("error", std::string("unknown"))));
    }
    progress.Finish(done);
    std::printf("rebuilt by the server at %s: generation %llu at position %llu; reads continued "
                "on the previous generation meanwhile\n",
                Url(*note).c_str(), p.value("generation", 0ULL), done);
    return 0;
  }
}

int ImportMavenThroughServer(const std::string& data, const std::string& source,
                             const Status& busy) {
  std::optional<LocalServerNote> note = ReachableServer(data);
  if (!note) return Fail("import", ImportRefusal(data, busy));
  // The sales process in force, read beside the server (read-only).
  auto dir = replay::DataDir::Open({.path = data});
  if (!dir.ok()) return Fail("import", dir.error());
  commands::LogCommandService reader((*dir)->log());
  if (const auto* directory = dynamic_cast<const commands::LogDirectory*>(&reader.directory())) {
    while (!directory->caught_up()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  api::RemoteCommandService server({.host = note->host, .port = note->port, .token = note->token});
  Progress progress("import", "commands");
  replay::maven::RunOptions options;
  options.progress = [&](uint64_t done, uint64_t total) { progress.Update(done, total); };
  auto report = replay::maven::ImportMavenThrough(server, reader.directory().SalesProcess(),
                                                  source, options);
  if (!report.ok()) return Fail("import", report.error());
  progress.Finish(report->stats.commands);
  const std::string text = replay::maven::FormatReport(*report);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::printf("imported through the server at %s; its process managers derive the customers' "
              "lifecycle from the imported events\n",
              Url(*note).c_str());
  return 0;
}

Status ImportRefusal(const std::string& data, const Status& busy) {
  std::optional<LocalServerNote> note = ReadLocalServerNote(data);
  const std::string who = note ? "the server at " + Url(*note) + " (pid " + std::to_string(note->pid) + ")"
                               : "another process";
  return Status::FailedPrecondition(
      busy.message() + "\nimport writes the log directly, so it needs the directory to itself: " +
      who + " holds " + data + ". Stop it (SIGTERM), run the import, then start the server again.");
}

}  // namespace dealstream::app::replay_cli
