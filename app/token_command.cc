// dealstream token create --data DIR --employee ID --role ROLE
//
// Prints only the new token on stdout. When a server is running on DIR (it
// holds the database lock), the grant goes through that server's admin API
// with the process-only credential it left in DIR/serve.json; otherwise the
// grant is appended to the log directly. Either way the grant is an event in
// "system-tokens" and every server following the log honours it.
#include <cstdio>

#include "api/http_client.h"
#include "api/json_util.h"
#include "api/token_issuer.h"
#include "app/flags.h"
#include "app/local_server.h"
#include "app/serve_kafka.h"
#include "app/subcommands.h"
#include "eventstore/rocks_event_log.h"

namespace dealstream::app {
namespace {

enum class Outcome { kDone, kFailed, kNoServer };

// Grants through a running server. kNoServer when there is none to ask.
Outcome GrantThroughServer(const std::string& data, const std::string& employee,
                           api::Role role, std::string* token) {
  std::optional<LocalServerNote> note = ReadLocalServerNote(data);
  if (!note) return Outcome::kNoServer;
  api::Request request{.method = "POST", .target = "/v1/admin/tokens"};
  request.headers.Set("Content-Type", "application/json");
  request.headers.Set("Authorization", "Bearer " + note->token);
  request.body = api::DumpJson({{"employee_id", employee}, {"role", std::string(api::RoleName(role))}});
  auto response = api::HttpCall(note->host, note->port, request, std::chrono::seconds(10));
  if (!response.ok()) return Outcome::kNoServer;  // a stale note: the server is gone
  const nlohmann::json body = api::ParseJson(response->body);
  if (response->status == 201 && body.is_object() && body["token"].is_string()) {
    *token = body["token"].get<std::string>();
    return Outcome::kDone;
  }
  std::string detail = body.is_object() && body["detail"].is_string()
                           ? body["detail"].get<std::string>()
                           : "HTTP " + std::to_string(response->status);
  std::fprintf(stderr, "token create: the server at %s:%u refused: %s\n", note->host.c_str(),
               static_cast<unsigned>(note->port), detail.c_str());
  return Outcome::kFailed;
}

}  // namespace

int RunTokenCreate(const std::vector<std::string>& args) {
  auto flags = Flags::Parse("token create", args, {{"data"}, {"employee"}, {"role"}});
  if (!flags.ok()) {
    std::fprintf(stderr, "%s\n", flags.error().message().c_str());
    return 2;
  }
  const std::string data = flags->GetOr("data", "./data");
  std::optional<api::Role> role = api::ParseRole(flags->GetOr("role", ""));
  if (!role) {
    std::fprintf(stderr,
                 "token create: --role must be admin, manager, sales, auditor, analyst or "
                 "integrator\n");
    return 2;
  }
  std::optional<std::string> employee = flags->Get("employee");
  if (!employee && *role != api::Role::kAdmin) {
    std::fprintf(stderr, "token create: --employee is required for role %s\n",
                 std::string(api::RoleName(*role)).c_str());
    return 2;
  }
  const std::string employee_id = employee.value_or("admin");

  std::string token;
  switch (GrantThroughServer(data, employee_id, *role, &token)) {
    case Outcome::kDone:
      std::printf("%s\n", token.c_str());
      return 0;
    case Outcome::kFailed:
      return 1;
    case Outcome::kNoServer:
      break;
  }
  auto log = eventstore::RocksEventLog::Open({.path = data});
  if (!log.ok()) {
    std::fprintf(stderr,
                 "token create: %s\n(if a server is running on %s, it did not answer at the "
                 "address in %s)\n",
                 log.error().ToString().c_str(), data.c_str(), LocalServerNotePath(data).c_str());
    return 2;
  }
  // A replica's tokens come from its leader through the topic.
  if (Status s = CheckNotReplica(**log, data, "token create"); !s.ok()) {
    std::fprintf(stderr, "token create: %s\n", s.message().c_str());
    return 2;
  }
  api::TokenIssuer issuer(**log, nullptr);
  auto issued = issuer.Grant({.employee_id = employee_id, .role = *role, .granted_by = "cli"});
  if (!issued.ok()) {
    std::fprintf(stderr, "token create: %s\n", issued.error().message().c_str());
    return 1;
  }
  std::printf("%s\n", issued->token.c_str());
  return 0;
}

}  // namespace dealstream::app
