// dealstream serve: the embedded server. Opens the log, starts the command
// service, its process managers, the token table and the HTTP API, prints
// the URL and (with --demo, or when no admin token exists yet) a fresh
// admin token, and runs
// until SIGINT or SIGTERM, then stops gracefully: no new connections,
// requests in flight finish, live streams end, the log drains and closes.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <future>
#include <optional>

#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "api/knowledge_routes.h"
#include "api/list_routes.h"
#include "api/projection_routes.h"
#include "api/record_routes.h"
#include "api/replay_routes.h"
#include "api/route_groups.h"
#include "api/server.h"
#include "api/static_routes.h"
#include "app/flags.h"
#include "app/local_server.h"
#include "app/serve_kafka.h"
#include "app/subcommands.h"
#include "commands/log_command_service.h"
#include "commands/process_managers.h"
#include "demo/demo_company.h"
#include "eventstore/rocks_event_log.h"
#include "kafka/relay.h"
#include "kafka/relay_checkpoint.h"
#include "kafka/replica_view.h"
#include "projections/knowledge_search.h"
#include "projections/read_models.h"
#include "projections/record_lists.h"
#include "projections/snapshot_store.h"
#include "replay/data_dir.h"

namespace dealstream::app {
namespace {

struct ServeConfig {
  std::string data = "./data";
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  eventstore::Durability durability = eventstore::Durability::kFsync;
  bool demo = false;
  std::string kafka_brokers;
  std::string kafka_topic = kafka::kDefaultTopic;
  std::optional<kafka::FollowTarget> follow;  // a read replica of this topic
};

// "HOST:PORT" or "[V6]:PORT".
Status ParseListen(const std::string& text, ServeConfig* config) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return Status::InvalidArgument("serve: --listen must be HOST:PORT, e.g. 127.0.0.1:8080");
  }
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoul(port) > 65535) {
    return Status::InvalidArgument("serve: --listen port must be 0-65535, not '" + port + "'");
  }
  config->host = host == "localhost" ? "127.0.0.1" : host;
  config->port = static_cast<uint16_t>(std::stoul(port));
  return Status::Ok();
}

Result<ServeConfig> ParseServe(const std::vector<std::string>& args) {
  auto flags = Flags::Parse("serve", args,
                            {{"data"}, {"listen"}, {"durability"}, {"demo", false},
                             {"kafka-brokers"}, {"kafka-topic"}, {"follow"}});
  if (!flags.ok()) return flags.error();
  ServeConfig config;
  config.data = flags->GetOr("data", config.data);
  if (auto listen = flags->Get("listen")) {
    if (Status s = ParseListen(*listen, &config); !s.ok()) return s;
  }
  const std::string durability = flags->GetOr("durability", "fsync");
  if (durability == "os") config.durability = eventstore::Durability::kOs;
  else if (durability != "fsync") {
    return Status::InvalidArgument("serve: --durability must be fsync or os, not '" + durability + "'");
  }
  config.demo = flags->Has("demo");
  config.kafka_brokers = flags->GetOr("kafka-brokers", "");
  if (flags->Has("kafka-topic") && config.kafka_brokers.empty()) {
    return Status::InvalidArgument("serve: --kafka-topic needs --kafka-brokers");
  }
  config.kafka_topic = flags->GetOr("kafka-topic", config.kafka_topic);
  if (auto follow = flags->Get("follow")) {
    auto target = kafka::ParseFollowTarget(*follow);
    if (!target.ok()) return Status::InvalidArgument("serve: --follow: " + target.error().message());
    if (!config.kafka_brokers.empty() || config.demo) {
      return Status::InvalidArgument(
          "serve: --follow makes a read-only replica; it cannot also take --kafka-brokers or "
          "--demo (those belong to the leader)");
    }
    config.follow = std::move(*target);
  }
  return config;
}

// One line per request is written by a logging thread, so that server
// threads only queue it; when the queue is full they wait (no line is lost).
void SetUpLogging() {
  spdlog::init_thread_pool(32768, 1);
  auto logger = spdlog::create_async<spdlog::sinks::stderr_sink_mt>("dealstream");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%fZ %l %v", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(logger);
  spdlog::flush_every(std::chrono::seconds(1));
}

// Blocked in every thread (threads inherit the mask), delivered to sigwait.
sigset_t BlockStopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  signal(SIGPIPE, SIG_IGN);
  return set;
}

void AddLogMetrics(api::Metrics& metrics, const eventstore::RocksEventLog& log) {
  metrics.AddCollector([&log](std::string* out) {
    const eventstore::GroupCommitStats s = log.stats();
    *out += "# HELP dealstream_group_commit_batches_total Group commits (one synced write each).\n"
            "# TYPE dealstream_group_commit_batches_total counter\n";
    api::AppendSample(out, "dealstream_group_commit_batches_total", "", static_cast<double>(s.batches));
    *out += "# HELP dealstream_group_commit_requests_total Appends written by group commits; "
            "divided by batches, the mean batch size.\n"
            "# TYPE dealstream_group_commit_requests_total counter\n";
    api::AppendSample(out, "dealstream_group_commit_requests_total", "", static_cast<double>(s.requests));
    *out += "# HELP dealstream_group_commit_events_total Events written by group commits.\n"
            "# TYPE dealstream_group_commit_events_total counter\n";
    api::AppendSample(out, "dealstream_group_commit_events_total", "", static_cast<double>(s.events));
    *out += "# HELP dealstream_group_commit_write_failures_total Group commits that failed to write.\n"
            "# TYPE dealstream_group_commit_write_failures_total counter\n";
    api::AppendSample(out, "dealstream_group_commit_write_failures_total", "",
                      static_cast<double>(s.write_failures));
    *out += "# HELP dealstream_log_head_position Global position of the newest event.\n"
            "# TYPE dealstream_log_head_position gauge\n";
    api::AppendSample(out, "dealstream_log_head_position", "",
                      static_cast<double>(log.Head().position.value));
  });
}

void AddReadModelMetrics(api::Metrics& metrics, const projections::ReadModels& models) {
  metrics.AddCollector([&models](std::string* out) {
    const projections::WorkerStats s = models.stats();
    const std::string labels = "projection=" + api::LabelValue(s.name);
    *out += "# HELP dealstream_projection_lag_events Events in the log not yet applied.\n"
            "# TYPE dealstream_projection_lag_events gauge\n";
    api::AppendSample(out, "dealstream_projection_lag_events", labels, static_cast<double>(s.lag_events));
    *out += "# HELP dealstream_projection_lag_seconds Age of the oldest event not yet applied.\n"
            "# TYPE dealstream_projection_lag_seconds gauge\n";
    api::AppendSample(out, "dealstream_projection_lag_seconds", labels,
                      static_cast<double>(s.lag_ms) / 1000.0);
    *out += "# HELP dealstream_projection_position Last event applied.\n"
            "# TYPE dealstream_projection_position gauge\n";
    api::AppendSample(out, "dealstream_projection_position", labels, static_cast<double>(s.position));
  });
}

void AddServerMetrics(api::Metrics& metrics, const api::LiveFeeds& feeds,
                      const api::Server& server) {
  metrics.AddCollector([&feeds, &server](std::string* out) {
    *out += "# HELP dealstream_live_feeds Open Server-Sent Event feeds.\n"
            "# TYPE dealstream_live_feeds gauge\n";
    api::AppendSample(out, "dealstream_live_feeds", "", static_cast<double>(feeds.open_feeds()));
    *out += "# HELP dealstream_http_connections Open HTTP connections.\n"
            "# TYPE dealstream_http_connections gauge\n";
    api::AppendSample(out, "dealstream_http_connections", "",
                      static_cast<double>(server.connections()));
  });
}

// Where local tools connect to reach a server listening on `host`.
std::string LocalHostFor(const std::string& host) {
  if (host == "0.0.0.0") return "127.0.0.1";
  if (host == "::") return "::1";
  return host;
}

}  // namespace

int RunServe(const std::vector<std::string>& args) {
  auto config = ParseServe(args);
  if (!config.ok()) {
    std::fprintf(stderr, "%s\n", config.error().message().c_str());
    return 2;
  }
  const sigset_t stop_signals = BlockStopSignals();
  SetUpLogging();

  std::error_code ec;
  std::filesystem::create_directories(config->data, ec);
  // The raw log is what is stored (stats, the Kafka relay); everything else
  // reads and writes through the vaulted view, which seals personal fields
  // on append and opens (or redacts, once forgotten) them on read.
  auto dir = replay::DataDir::Open(
      {.path = config->data, .read_only = false, .durability = config->durability});
  if (!dir.ok()) {
    std::fprintf(stderr, "serve: %s\n", dir.error().ToString().c_str());
    return 2;
  }
  // On a follower every service reads the copy through a view that refuses
  // appends: only the follower itself writes the copy.
  std::optional<kafka::ReplicaView> replica_view;
  if (config->follow) replica_view.emplace((*dir)->log(), ReadOnlyDetail(*config->follow));
  eventstore::EventLog& log = replica_view ? static_cast<eventstore::EventLog&>(*replica_view)
                                           : (*dir)->log();
  eventstore::RocksEventLog& raw_log = (*dir)->raw_log();
  if (!config->follow) {
    if (Status s = CheckNotReplica(raw_log, config->data, "serve without --follow"); !s.ok()) {
      std::fprintf(stderr, "serve: %s\n", s.message().c_str());
      return 2;
    }
  }
  commands::LogCommandService command_service(log);
  // --demo on an empty data directory: the demo company, before serving.
  const bool generate_demo = config->demo && log.Head().position.value == 0;
  if (generate_demo) {
    auto company = demo::GenerateDemoCompany(command_service, {.now = Now()});
    if (!company.ok()) {
      std::fprintf(stderr, "serve: --demo: %s\n", company.error().ToString().c_str());
      return 2;
    }
    spdlog::info("--demo: generated the demo company: {} commands in {:.1f} s", company->commands,
                 company->seconds);
  }
  // The follow-ups the domain asks for (customer lifecycle, lead conversion,
  // merges), issued through the command service; stopped before it goes.
  // A read replica issues none: its leader does.
  std::unique_ptr<commands::ProcessManagers> process_managers;
  if (!config->follow) {
    process_managers = std::make_unique<commands::ProcessManagers>(
        log, command_service, command_service.directory(),
        commands::ProcessManagerOptions{
            .checkpoint_path =
                (std::filesystem::path(config->data) / "process_managers.checkpoint").string(),
            .lifecycle = {}});
  }
  // The read side: every projection, and the ownership facts data scopes use.
  auto store = projections::SnapshotStore::Open({.path = (*dir)->layout().projections()});
  if (!store.ok()) {
    std::fprintf(stderr, "serve: projections store: %s\n", store.error().ToString().c_str());
    return 2;
  }
  // Each loads its snapshot (the bulk of a restart, DESIGN P8): on two
  // threads at once rather than one after the other.
  auto lists_started = std::async(std::launch::async,
                                  [&] { return projections::RecordLists::Start(log, **store); });
  auto models = projections::ReadModels::Start(log, **store);
  auto lists = lists_started.get();
  if (!models.ok()) {
    std::fprintf(stderr, "serve: read models: %s\n", models.error().ToString().c_str());
    return 2;
  }
  if (!lists.ok()) {
    std::fprintf(stderr, "serve: record lists: %s\n", lists.error().ToString().c_str());
    return 2;
  }
  projections::KnowledgeSearch knowledge(log);
  api::Metrics metrics;
  api::TokenTable tokens(log);
  api::TokenIssuer issuer(log, &tokens);
  api::LiveFeeds feeds(log, {});
  std::unique_ptr<kafka::Relay> relay;
  if (!config->kafka_brokers.empty()) {
    auto started = kafka::Relay::Start(
        {.brokers = config->kafka_brokers,
         .topic = config->kafka_topic,
         .checkpoint_path = kafka::RelayCheckpointPath(config->data, config->kafka_topic)},
        raw_log);
    if (!started.ok()) {
      std::fprintf(stderr, "serve: kafka relay: %s\n", started.error().ToString().c_str());
      return 2;
    }
    relay = std::move(*started);
    AddRelayMetrics(metrics, *relay);
  }
  // A read replica: the follower is the copy's only writer. The API refuses
  // every write, no admin token is granted (tokens arrive with the leader's
  // "system-tokens" events) and no process managers run.
  std::unique_ptr<kafka::Follower> follower;
  if (config->follow) {
    auto started = kafka::Follower::Start(
        {.brokers = config->follow->brokers, .topic = config->follow->topic}, raw_log);
    if (!started.ok()) {
      std::fprintf(stderr, "serve: --follow: %s\n", started.error().ToString().c_str());
      return 2;
    }
    follower = std::move(*started);
    AddFollowerMetrics(metrics, *follower);
  }

  std::unique_ptr<api::Server> server;
  api::Api api(tokens, &(*models)->scope_resolver(), metrics);
  std::vector<api::ReadinessCheck> checks = {
      {"token table caught up", [&tokens] { return tokens.caught_up(); }},
      {"read models caught up", [&models] { return (*models)->stats().caught_up; }},
      {"record lists caught up", [&lists] { return (*lists)->stats().caught_up; }},
      {"knowledge search caught up", [&knowledge] { return knowledge.caught_up(); }},
      {"command directory caught up",
       [&command_service] { return command_service.directory_caught_up(); }}};
  if (follower) checks.push_back(FollowerReadiness(*follower));
  api.AddRoutes(api::OpsRoutes(std::move(checks), metrics));
  if (config->follow) api.SetReadOnly(ReadOnlyDetail(*config->follow));
  api.AddRoutes(api::CommandRoutes(command_service, metrics));
  api.AddRoutes(api::EventRoutes(log, feeds));
  api.AddRoutes(api::StreamRoutes(log));
  api.AddRoutes(api::AdminRoutes(tokens, issuer));
  api.AddRoutes(api::ProjectionRoutes(**models));
  api.AddRoutes(api::RecordRoutes(log));
  api.AddRoutes(api::ListRoutes(**lists, (*models)->scope_resolver()));
  api.AddRoutes(api::DecisionTreeRoutes(**lists));
  api.AddRoutes(api::KnowledgeRoutes(knowledge));
  api.AddRoutes(api::ReplayRoutes(
      {.dir = **dir, .models = **models, .change_outside_the_log = [&](const auto& stream, const auto& change) {
         return command_service.ChangeOutsideTheLog(stream, change);
       }}));
  api.AddRoutes(api::StaticRoutes(api::DashboardAssets()));
  api.AddRoutes(api::OpenApiRoutes(api, {.command_schema_dir = DEALSTREAM_SCHEMA_DIR "/commands",
                                         .command_types = command_service.CommandTypes()}));
  AddLogMetrics(metrics, raw_log);
  AddReadModelMetrics(metrics, **models);

  auto started = api::Server::Start(api, {.address = config->host, .port = config->port});
  if (!started.ok()) {
    std::fprintf(stderr, "serve: %s\n", started.error().ToString().c_str());
    return 2;
  }
  server = std::move(*started);
  AddServerMetrics(metrics, feeds, *server);

  if (!tokens.WaitCaughtUp(std::chrono::seconds(60))) {
    spdlog::warn("the token table has not caught up with the log yet; /readyz says so");
  }
  std::string admin_token;
  if (!config->follow && (config->demo || !tokens.HasActiveRole(api::Role::kAdmin))) {
    auto issued = issuer.Grant({.employee_id = "admin", .role = api::Role::kAdmin, .granted_by = "serve"});
    if (!issued.ok()) {
      std::fprintf(stderr, "serve: cannot create an admin token: %s\n", issued.error().ToString().c_str());
      return 2;
    }
    admin_token = issued->token;
  }
  if (config->demo && !generate_demo) {
    spdlog::info("--demo: the data directory is not empty; serving it as it is");
  }
  auto local_token = api::NewToken();
  if (local_token.ok()) {
    tokens.AddProcessToken(*local_token, {.employee_id = "cli", .role = api::Role::kAdmin});
    Status noted = WriteLocalServerNote(config->data, {.host = LocalHostFor(config->host),
                                                       .port = server->port(),
                                                       .token = *local_token,
                                                       .pid = static_cast<long>(getpid())});
    if (!noted.ok()) spdlog::warn("{}; `token create` cannot reach this server", noted.message());
  }

  std::printf("Dealstream is listening on %s\n", server->url().c_str());
  if (config->follow) {
    std::printf("Read-only replica of Kafka topic %s at %s; tokens and commands go to the leader\n",
                config->follow->topic.c_str(), config->follow->brokers.c_str());
  } else if (!admin_token.empty()) std::printf("Admin token: %s\n", admin_token.c_str());
  else std::printf("Admin tokens exist; create another with: dealstream token create --data %s --role admin\n",
                   config->data.c_str());
  std::fflush(stdout);
  spdlog::info("serving data={} url={} durability={}", config->data, server->url(),
               config->durability == eventstore::Durability::kFsync ? "fsync" : "os");

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  spdlog::info("received {}; stopping", signal_number == SIGINT ? "SIGINT" : "SIGTERM");
  RemoveLocalServerNote(config->data);
  server->Stop();
  server->Wait(std::chrono::seconds(10));
  feeds.Shutdown();
  server.reset();
  follower.reset();
  process_managers.reset();
  relay.reset();
  spdlog::info("stopped");
  spdlog::shutdown();  // drains the logging thread
  return 0;
}

}  // namespace dealstream::app
