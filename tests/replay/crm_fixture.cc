#include "crm_fixture.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "commands/log_command_service.h"
#include "replay/data_dir.h"

namespace dealstream::replay::testing {

std::string Run(commands::CommandService& service, const std::string& type,
                const std::string& body, const std::string& actor) {
  commands::CommandRequest request;
  request.type = type;
  request.body = body;
  request.actor = actor;
  auto outcome = service.Execute(request);
  if (!outcome.ok()) {
    ADD_FAILURE() << type << " " << body << " refused: " << outcome.error().message;
    return "";
  }
  return outcome->id;
}

void SeedSmallCrm(commands::CommandService& s) {
  Run(s, "CreateDepartment", R"({"id":"hq","name":"Headquarters","occurred_at":"2017-01-01T00:00:00Z"})");
  Run(s, "HireEmployee",
      R"({"id":"alice","name":"Alice","department_id":"hq","role":"manager","occurred_at":"2017-01-01T00:00:00Z"})");
  Run(s, "HireEmployee",
      R"({"id":"bob","name":"Bob","department_id":"hq","role":"sales","manager_id":"alice","occurred_at":"2017-01-01T00:00:00Z"})");
  Run(s, "RegisterCustomer",
      R"({"id":"acme","name":"Acme","owner_id":"bob","industry":"retail","occurred_at":"2017-01-02T00:00:00Z"})");
  Run(s, "UpdateCustomerProfile",
      R"({"customer_id":"acme","industry":"software","occurred_at":"2017-01-20T00:00:00Z"})");
  Run(s, "AddContact",
      R"({"id":"carol","customer_id":"acme","name":"Carol Jones","title":"CIO","email":"carol@acme.example","occurred_at":"2017-01-03T00:00:00Z"})");
  Run(s, "OpenOpportunity",
      R"({"id":"deal1","customer_id":"acme","title":"Servers","amount":{"amount":"1000.00","currency":"USD"},"expected_close_date":"2017-06-30","owner_id":"bob","occurred_at":"2017-02-01T00:00:00Z"})");
  Run(s, "OpenOpportunity",
      R"({"id":"deal2","customer_id":"acme","title":"Storage","amount":{"amount":"500.00","currency":"USD"},"expected_close_date":"2017-06-30","owner_id":"bob","occurred_at":"2017-02-10T00:00:00Z"})");
  Run(s, "AdvanceOpportunityStage",
      R"({"opportunity_id":"deal1","stage":"Needs Analysis","occurred_at":"2017-03-01T00:00:00Z"})");
  Run(s, "ReviseOpportunityAmount",
      R"({"opportunity_id":"deal1","amount":{"amount":"1100.00","currency":"USD"},"occurred_at":"2017-03-15T00:00:00Z"})");
  Run(s, "WinOpportunity",
      R"({"opportunity_id":"deal1","amount":{"amount":"1200.00","currency":"USD"},"occurred_at":"2017-04-01T00:00:00Z"})");
  Run(s, "LoseOpportunity",
      R"({"opportunity_id":"deal2","reason":"price","occurred_at":"2017-05-01T00:00:00Z"})");
}

void SeedDataDir(const std::string& path) {
  auto dir = DataDir::Open({.path = path, .read_only = false,
                            .durability = eventstore::Durability::kOs});
  ASSERT_TRUE(dir.ok()) << dir.error().ToString();
  commands::LogCommandService service((*dir)->log());
  SeedSmallCrm(service);
}

CliResult RunCli(const std::string& args) {
  static int counter = 0;
  const std::string err_path = ::testing::TempDir() + "dealstream-cli-" +
                               std::to_string(::getpid()) + "-" + std::to_string(counter++) +
                               ".err";
  const std::string command = std::string(DEALSTREAM_BINARY) + " " + args + " 2>" + err_path;
  CliResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[65536];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path);
  std::stringstream text;
  text << err.rdbuf();
  result.err = text.str();
  std::remove(err_path.c_str());
  return result;
}

}  // namespace dealstream::replay::testing
