// P2 and P3 (DESIGN §8): commands and projection reads over HTTP, measured
// with wrk (Debian package) on loopback against one in-process server wired
// as `dealstream serve` wires it: a durable RocksEventLog (fsync, group
// commit), the real command service, the read models and the list read
// model, bearer-token auth, every route of the groups involved.
//
//   http_bench --scratch DIR [--seconds S] [--rounds R] [--connections C]
//              [--fragments DIR]
//
// With --fragments, writes P2.json, P2.md, P3.json and P3.md there, the
// fragments scripts/bench merges into results.json and docs/benchmarks.md.
//
//   P2  POST /v1/commands/RegisterCustomer (a new customer each time, so
//       commands never queue on one stream), C keep-alive connections
//   P3  GET /v1/projections/funnel, and GET /v1/opportunities?limit=50 (a
//       list page), C keep-alive connections, over a seeded company of
//       20 employees, 200 customers and 1,000 opportunities
//
// Each cell is the median over R rounds of S seconds; requests/s, p50 and
// p99 from wrk --latency, and the share of non-2xx answers (must be 0).
// wrk and the server share the machine's cores, as the target demands.
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "quiet_logging.h"
#include "api/api.h"
#include "api/list_routes.h"
#include "api/metrics.h"
#include "api/projection_routes.h"
#include "api/route_groups.h"
#include "api/server.h"
#include "api/token_issuer.h"
#include "api/token_table.h"
#include "commands/log_command_service.h"
#include "eventstore/rocks_event_log.h"
#include "projections/read_models.h"
#include "projections/record_lists.h"

namespace dealstream::bench {
namespace {

struct Args {
  std::string scratch;
  double seconds = 3;
  int rounds = 5;
  int connections = 64;
  std::string fragments;
};

struct WrkResult {
  double rps = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  double non_2xx_share = 0;
};

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// "5.12ms", "830.00us", "1.02s" → milliseconds.
double ParseMillis(const std::string& text) {
  double value = std::atof(text.c_str());
  if (text.find("us") != std::string::npos) return value / 1000;
  if (text.find("ms") != std::string::npos) return value;
  if (text.find('s') != std::string::npos) return value * 1000;
  return value;
}

// Runs wrk and parses its summary; nullopt when wrk failed.
std::optional<WrkResult> RunWrk(const Args& args, const std::string& script,
                                const std::string& url) {
  const std::string command = "wrk -t2 -c" + std::to_string(args.connections) + " -d" +
                              std::to_string(static_cast<int>(args.seconds)) + "s --latency -s '" +
                              script + "' '" + url + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  const int status = pclose(pipe);
  if (status != 0) {
    std::fprintf(stderr, "http_bench: wrk failed:\n%s\n", out.c_str());
    return std::nullopt;
  }
  WrkResult r;
  double requests = 0, non_2xx = 0;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string first;
    words >> first;
    if (first == "Requests/sec:") words >> r.rps;
    if (first == "50%") { std::string v; words >> v; r.p50_ms = ParseMillis(v); }
    if (first == "99%") { std::string v; words >> v; r.p99_ms = ParseMillis(v); }
    if (first == "Non-2xx") { std::string a, b; words >> a >> b >> non_2xx; }
    if (line.find("requests in") != std::string::npos) requests = std::atof(first.c_str());
  }
  if (r.rps <= 0) {
    std::fprintf(stderr, "http_bench: could not read wrk's output:\n%s\n", out.c_str());
    return std::nullopt;
  }
  r.non_2xx_share = requests > 0 ? non_2xx / requests : 0;
  return r;
}

std::string WriteScript(const std::string& dir, const std::string& name, const std::string& method,
                        const std::string& body, const std::string& token) {
  const std::string path = dir + "/" + name + ".lua";
  std::ofstream out(path);
  out << "wrk.method = \"" << method << "\"\n"
      << "wrk.headers[\"Authorization\"] = \"Bearer " << token << "\"\n";
  if (!body.empty()) {
    out << "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
        << "wrk.body = '" << body << "'\n";
  }
  return path;
}

struct Cell {
  std::string name;
  std::string what;
  double target_rps;
  double target_p99_ms;
  std::vector<WrkResult> rounds;
};

nlohmann::json CellJson(const Cell& c) {
  std::vector<double> rps, p50, p99, bad;
  for (const WrkResult& r : c.rounds) {
    rps.push_back(r.rps);
    p50.push_back(r.p50_ms);
    p99.push_back(r.p99_ms);
    bad.push_back(r.non_2xx_share);
  }
  return {{"what", c.what},
          {"requests_per_s", Median(rps)},
          {"p50_ms", Median(p50)},
          {"p99_ms", Median(p99)},
          {"non_2xx_share", Median(bad)},
          {"rounds", c.rounds.size()},
          {"target_requests_per_s", c.target_rps},
          {"target_p99_ms", c.target_p99_ms},
          {"ratio_to_target", Median(rps) / c.target_rps},
          {"all_rounds_requests_per_s", rps}};
}

void Seed(commands::LogCommandService& service) {
  auto run = [&service](const std::string& type, const std::string& body) {
    auto outcome = service.Execute({.type = type, .body = body, .actor = "bench"});
    if (!outcome.ok()) std::fprintf(stderr, "seed %s: %s\n", type.c_str(), outcome.error().message.c_str());
  };
  run("CreateDepartment", R"({"id":"hq","name":"HQ"})");
  for (int d = 0; d < 4; ++d) {
    run("CreateDepartment", R"({"id":"d)" + std::to_string(d) + R"(","name":"Region","parent_id":"hq"})");
  }
  for (int e = 0; e < 20; ++e) {
    run("HireEmployee", R"({"id":"e)" + std::to_string(e) + R"(","name":"Rep","department_id":"d)" +
                            std::to_string(e % 4) + R"(","role":"sales"})");
  }
  for (int c = 0; c < 200; ++c) {
    run("RegisterCustomer", R"({"id":"c)" + std::to_string(c) + R"(","name":"Customer","owner_id":"e)" +
                                std::to_string(c % 20) + R"("})");
  }
  const char* stages[] = {"Qualification", "Needs Analysis", "Value Proposition"};
  for (int o = 0; o < 1000; ++o) {
    const std::string id = "o" + std::to_string(o);
    run("OpenOpportunity", R"({"id":")" + id + R"(","customer_id":"c)" + std::to_string(o % 200) +
                               R"(","title":"Deal","owner_id":"e)" + std::to_string(o % 20) +
                               R"(","amount":{"amount":"1000.00","currency":"USD"},)"
                               R"("expected_close_date":"2030-01-31"})");
    if (o % 2) {
      run("AdvanceOpportunityStage",
          R"({"opportunity_id":")" + id + R"(","stage":")" + stages[o % 3] + R"("})");
    }
  }
}

int Main(const Args& args) {
  std::filesystem::remove_all(args.scratch);
  std::filesystem::create_directories(args.scratch);
  auto log = eventstore::RocksEventLog::Open({.path = args.scratch + "/log"});
  if (!log.ok()) {
    std::fprintf(stderr, "http_bench: %s\n", log.error().ToString().c_str());
    return 1;
  }
  commands::LogCommandService service(**log);
  Seed(service);
  auto store = projections::SnapshotStore::Open({.path = args.scratch + "/projections"});
  if (!store.ok()) return 1;
  auto models = projections::ReadModels::Start(**log, **store);
  auto lists = projections::RecordLists::Start(**log, **store);
  if (!models.ok() || !lists.ok()) return 1;
  api::Metrics metrics;
  api::TokenTable tokens(**log);
  api::TokenIssuer issuer(**log, &tokens);
  api::Api api(tokens, &(*models)->scope_resolver(), metrics);
  api.AddRoutes(api::CommandRoutes(service, metrics));
  api.AddRoutes(api::ProjectionRoutes(**models));
  api.AddRoutes(api::ListRoutes(**lists, (*models)->scope_resolver()));
  auto server = api::Server::Start(api, {.port = 0});
  if (!server.ok()) return 1;
  auto token = issuer.Grant({.employee_id = "bench", .role = api::Role::kAdmin, .granted_by = "bench"});
  if (!token.ok() || !tokens.WaitCaughtUp(std::chrono::seconds(30))) return 1;
  const auto head = (*log)->Head().position;
  (*models)->WaitForPosition(head, std::chrono::seconds(60));
  (*lists)->WaitForPosition(head, std::chrono::seconds(60));
  const std::string base = (*server)->url();

  std::vector<Cell> cells = {
      {"commands", "POST /v1/commands/RegisterCustomer, durable (fsync)", 25000, 10, {}},
      {"funnel", "GET /v1/projections/funnel", 50000, 2, {}},
      {"list", "GET /v1/opportunities?limit=50", 50000, 2, {}}};
  const std::string post = WriteScript(args.scratch, "post", "POST",
                                       R"({"name":"Bench customer","owner_id":"e1"})", token->token);
  const std::string get = WriteScript(args.scratch, "get", "GET", "", token->token);
  for (int round = 0; round < args.rounds; ++round) {
    for (Cell& cell : cells) {
      const bool is_post = cell.name == "commands";
      const std::string url = base + (is_post                  ? "/v1/commands/RegisterCustomer"
                                       : cell.name == "funnel" ? "/v1/projections/funnel"
                                                               : "/v1/opportunities?limit=50");
      auto result = RunWrk(args, is_post ? post : get, url);
      if (!result) return 1;
      std::fprintf(stderr, "http_bench: round %d %s: %.0f req/s p50 %.2f ms p99 %.2f ms\n",
                   round + 1, cell.name.c_str(), result->rps, result->p50_ms, result->p99_ms);
      cell.rounds.push_back(*result);
    }
  }
  (*server)->Stop();
  (*server)->Wait(std::chrono::seconds(5));

  const nlohmann::json p2 = CellJson(cells[0]);
  const nlohmann::json p3 = {{"funnel", CellJson(cells[1])}, {"list", CellJson(cells[2])}};
  const nlohmann::json common = {{"connections", args.connections},
                                 {"seconds", args.seconds},
                                 {"load_generator", "wrk -t2, same machine"}};
  if (!args.fragments.empty()) {
    const std::string dir = args.fragments + "/";
    nlohmann::json p2_out = p2, p3_out = p3;
    p2_out.update(common);
    p3_out.update(common);
    std::ofstream(dir + "P2.json") << nlohmann::json{{"P2", p2_out}}.dump(2) << "\n";
    std::ofstream(dir + "P3.json") << nlohmann::json{{"P3", p3_out}}.dump(2) << "\n";
    auto row = [](const Cell& c) {
      const nlohmann::json j = CellJson(c);
      char line[512];
      std::snprintf(line, sizeof line, "| %s | %.0f | %.2f | %.2f | %.2f | %.4f |\n", c.what.c_str(),
                    j["requests_per_s"].get<double>(), j["p50_ms"].get<double>(),
                    j["p99_ms"].get<double>(), j["ratio_to_target"].get<double>(),
                    j["non_2xx_share"].get<double>());
      return std::string(line);
    };
    const std::string header =
        "| request | req/s (median) | p50 ms | p99 ms | ratio to target | non-2xx share |\n"
        "|---|---:|---:|---:|---:|---:|\n";
    const std::string setup = "wrk -t2 -c" + std::to_string(args.connections) +
                              " on loopback against one in-process server; medians of " +
                              std::to_string(args.rounds) + " rounds of " +
                              std::to_string(static_cast<int>(args.seconds)) + " s.\n\n";
    std::ofstream(dir + "P2.md")
        << "## P2 — commands over HTTP (target ≥ 25,000/s, p99 ≤ 10 ms)\n\n" << setup << header
        << row(cells[0]);
    std::ofstream(dir + "P3.md")
        << "## P3 — projection reads over HTTP (target ≥ 50,000/s, p99 ≤ 2 ms)\n\n" << setup
        << header << row(cells[1]) << row(cells[2]);
  }
  return 0;
}

}  // namespace
}  // namespace dealstream::bench

int main(int argc, char** argv) {
  dealstream::bench::LogLikeServeIntoNothing();
  dealstream::bench::Args args;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "http_bench: %s needs a value\n", flag.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (flag == "--scratch") args.scratch = value();
    else if (flag == "--seconds") args.seconds = std::atof(value().c_str());
    else if (flag == "--rounds") args.rounds = std::atoi(value().c_str());
    else if (flag == "--connections") args.connections = std::atoi(value().c_str());
    else if (flag == "--fragments") args.fragments = value();
    else {
      std::fprintf(stderr, "http_bench: unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (args.scratch.empty() || args.seconds < 1 || args.rounds < 1 || args.connections < 1) {
    std::fprintf(stderr, "usage: http_bench --scratch DIR [--seconds S>=1] [--rounds R] "
                         "[--connections C] [--fragments DIR]\n");
    return 2;
  }
  return dealstream::bench::Main(args);
}
