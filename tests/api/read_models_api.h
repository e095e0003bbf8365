// ReadModelsApiTest: the read side wired in process, without HTTP — a
// RocksEventLog in a temp dir, the real command service, the read models,
// the token table, and an Api with the projection routes; requests go
// through Api::Handle. A test's constructor writes its company with
// Command(), then calls StartReadModels() and adds any further routes.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "api/api.h"
#include "api/metrics.h"
#include "api/token_issuer.h"
#include "api/token_table.h"
#include "commands/log_command_service.h"
#include "log_fixture.h"
#include "projections/read_models.h"

namespace dealstream::api::testing {

class ReadModelsApiTest : public ::testing::Test {
 protected:
  ReadModelsApiTest();

  // Executes a command as `actor`; a failed command fails the test.
  void Command(const std::string& type, const std::string& body,
               const std::string& actor = "setup");
  // Starts the read models on what the commands wrote, waits until they
  // reached the head, and builds the Api with the projection routes.
  void StartReadModels();
  std::string Token(Role role, const std::string& employee);
  Response Get(const std::string& target, const std::string& token);
  // Get, expecting 200, parsed.
  nlohmann::json GetJson(const std::string& target, const std::string& token);

  eventstore::testing::TempDir dir_;
  std::unique_ptr<eventstore::RocksEventLog> log_;
  std::unique_ptr<commands::LogCommandService> service_;
  std::unique_ptr<projections::SnapshotStore> store_;
  std::unique_ptr<projections::ReadModels> models_;
  Metrics metrics_;
  std::unique_ptr<TokenTable> tokens_;
  std::unique_ptr<TokenIssuer> issuer_;
  std::unique_ptr<Api> api_;
};

}  // namespace dealstream::api::testing
