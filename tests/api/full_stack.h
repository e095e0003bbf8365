// FullStack: the product's read and write side wired as `dealstream serve`
// wires them — a RocksEventLog in a temp dir, the real command service, the
// read models, the list read model, knowledge search, the token table —
// with every route group of the api module but the replay routes (they need
// a data directory; replay/serving_test.cc covers them on a real server),
// served over real loopback HTTP.
//
// A small company is set up through real commands:
//   departments  hq > east, hq > west
//   employees    emp-east (sales, east), mgr-east (manager, east),
//                emp-west (sales, west), mgr-hq (manager, hq: approves)
//   records      per side (kSides: "east" owned by emp-east, "peer" by
//                mgr-east, "west" by emp-west): customer cust-<side>,
//                contact contact-<side> (a decision maker on opp-<side>),
//                opportunity opp-<side> (competitor comp-1 engaged), quote 1
//                on it, contract contract-<side> (signed, one instalment),
//                a service request and a care plan for cust-<side> assigned
//                to the owner, an expense claimed by the owner
// So for the sales token of emp-east, "east" is its own, "peer" is the
// same department and "west" another department.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "api/api.h"
#include "api/live_feeds.h"
#include "api/metrics.h"
#include "api/server.h"
#include "api/token_issuer.h"
#include "api/token_table.h"
#include "commands/log_command_service.h"
#include "log_fixture.h"
#include "projections/knowledge_search.h"
#include "projections/read_models.h"
#include "projections/record_lists.h"
#include "test_client.h"

namespace dealstream::api::testing {

// {side, owner}.
inline constexpr std::pair<const char*, const char*> kSides[] = {
    {"east", "emp-east"}, {"peer", "mgr-east"}, {"west", "emp-west"}};

class FullStack {
 public:
  FullStack();
  ~FullStack();

  // Executes a command as `actor`; a failed command fails the test.
  void Command(const std::string& type, const std::string& body,
               const std::string& actor = "setup");
  // Waits (≤ 30 s) until the read models and the list index reached the head.
  void WaitCaughtUp();
  std::string Token(Role role, const std::string& employee_id);

  Response Get(const std::string& target, const std::string& token);
  Response Call(const Request& request);

  const Api& api() const { return *api_; }
  uint16_t port() const { return server_->port(); }
  eventstore::RocksEventLog& log() { return *log_; }
  projections::RecordLists& lists() { return *lists_; }

 private:
  eventstore::testing::TempDir dir_;
  std::unique_ptr<eventstore::RocksEventLog> log_;
  std::unique_ptr<commands::LogCommandService> service_;
  std::unique_ptr<projections::SnapshotStore> store_;
  std::unique_ptr<projections::ReadModels> models_;
  std::unique_ptr<projections::RecordLists> lists_;
  std::unique_ptr<projections::KnowledgeSearch> knowledge_;
  Metrics metrics_;
  std::unique_ptr<TokenTable> tokens_;
  std::unique_ptr<TokenIssuer> issuer_;
  std::unique_ptr<LiveFeeds> feeds_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<Server> server_;
};

}  // namespace dealstream::api::testing
