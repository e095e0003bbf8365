// Process managers over a real log: lifecycle derivation, lead conversion
// and merge follow-ups, with causation, and no duplicates after a restart.
#include "commands/process_managers.h"

#include <gtest/gtest.h>

#include "commands/log_command_service.h"
#include "log_fixture.h"

namespace dealstream::commands {
namespace {

using eventstore::testing::OpenRocks;
using eventstore::testing::Stream;
using eventstore::testing::TempDir;

class ProcessManagersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log_ = OpenRocks(dir_.path(), eventstore::Durability::kOs);
    service_ = std::make_unique<LogCommandService>(*log_);
    StartManagers();
  }

  void StartManagers() {
    managers_ = std::make_unique<ProcessManagers>(
        *log_, *service_, service_->directory(),
        ProcessManagerOptions{.checkpoint_path = dir_.path() + "/pm.checkpoint", .lifecycle = {}});
  }

  CommandOk Run(const std::string& type, const std::string& body) {
    auto r = service_->Execute({.type = type, .body = body, .actor = "e1"});
    EXPECT_TRUE(r.ok()) << type << ": " << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : CommandOk{};
  }

  // Waits until the managers handled everything, including what they issued.
  void Settle() {
    for (int i = 0; i < 5; ++i) {
      ASSERT_TRUE(managers_->WaitFor(log_->Head().position.value, std::chrono::seconds(10)));
    }
  }

  std::vector<eventstore::RecordedEvent> Events(const std::string& stream) {
    return *log_->ReadStream(Stream(stream), {1}, eventstore::Direction::kForward, 1000);
  }

  std::vector<eventstore::RecordedEvent> EventsOfType(const std::string& stream,
                                                      const std::string& type) {
    std::vector<eventstore::RecordedEvent> out;
    for (auto& e : Events(stream)) {
      if (e.type == type) out.push_back(e);
    }
    return out;
  }

  void Seed() {
    Run("CreateDepartment", R"({"id":"hq","name":"HQ","occurred_at":"2017-01-02T09:00:00Z"})");
    Run("HireEmployee", R"({"id":"e1","name":"Ann","department_id":"hq","role":"sales",
                           "occurred_at":"2017-01-02T10:00:00Z"})");
    Run("RegisterCustomer", R"({"id":"c1","name":"Acme","owner_id":"e1",
                               "occurred_at":"2017-01-03T09:00:00Z"})");
  }

  std::string Lifecycle(const std::string& customer) {
    auto facts = service_->directory().FindCustomer(domain::Id{customer});
    return facts ? facts->lifecycle : "?";
  }

  TempDir dir_;
  std::unique_ptr<eventstore::RocksEventLog> log_;
  std::unique_ptr<LogCommandService> service_;
  std::unique_ptr<ProcessManagers> managers_;
};

TEST_F(ProcessManagersTest, OpportunityAndWinDeriveLifecycleWithCausation) {
  Seed();
  auto opened = Run("OpenOpportunity", R"({"id":"o1","customer_id":"c1","title":"Servers",
      "owner_id":"e1","amount":{"amount":"1000.00","currency":"USD"},
      "expected_close_date":"2017-06-30","occurred_at":"2017-01-05T09:00:00Z"})");
  Settle();
  EXPECT_EQ(Lifecycle("c1"), "opportunity");
  auto derived = EventsOfType("customer-c1", "crm.customer.lifecycle_changed.v1");
  ASSERT_EQ(derived.size(), 1u);
  EXPECT_EQ(derived[0].metadata.causation_id, opened.event_ids[0]);
  EXPECT_EQ(derived[0].metadata.command, "DeriveCustomerLifecycle");
  EXPECT_EQ(FormatTimestamp(derived[0].time), "2017-01-05T09:00:00.000000Z");
  EXPECT_EQ(derived[0].metadata.correlation_id, Events("opportunity-o1")[0].metadata.correlation_id);

  Run("WinOpportunity", R"({"opportunity_id":"o1","occurred_at":"2017-03-01T09:00:00Z"})");
  Settle();
  EXPECT_EQ(Lifecycle("c1"), "signed");
  EXPECT_EQ(managers_->stats().commands_refused, 0u) << managers_->stats().last_refusal;
}

TEST_F(ProcessManagersTest, RestartDoesNotIssueFollowUpsTwice) {
  Seed();
  Run("OpenOpportunity", R"({"id":"o1","customer_id":"c1","title":"Servers",
      "owner_id":"e1","amount":{"amount":"1000.00","currency":"USD"},
      "expected_close_date":"2017-06-30","occurred_at":"2017-01-05T09:00:00Z"})");
  Settle();
  const uint64_t head = log_->Head().position.value;
  managers_.reset();
  StartManagers();
  Settle();
  EXPECT_EQ(log_->Head().position.value, head);
  EXPECT_EQ(EventsOfType("customer-c1", "crm.customer.lifecycle_changed.v1").size(), 1u);
}

TEST_F(ProcessManagersTest, ConvertedLeadBecomesCustomerContactAndOpportunity) {
  Seed();
  Run("CaptureLead", R"({"id":"l1","company":"Globex","contact_name":"Hank Scorpio",
      "email":"hank@globex.example","owner_id":"e1"})");
  Run("QualifyLead", R"({"lead_id":"l1"})");
  auto converted = Run("ConvertLead", R"({"lead_id":"l1","owner_id":"e1",
      "amount":{"amount":"5000.00","currency":"USD"},"expected_close_date":"2099-12-31",
      "customer_id":"globex","contact_id":"hank","opportunity_id":"globex-deal"})");
  Settle();
  ASSERT_GE(Events("customer-globex").size(), 1u) << managers_->stats().last_refusal;
  ASSERT_EQ(Events("contact-hank").size(), 1u);
  auto deal = Events("opportunity-globex-deal");
  ASSERT_EQ(deal.size(), 1u);
  EXPECT_EQ(deal[0].metadata.causation_id, converted.event_ids.back());
  EXPECT_EQ(deal[0].metadata.actor, "e1");
  EXPECT_EQ(managers_->stats().commands_refused, 0u) << managers_->stats().last_refusal;
}

TEST_F(ProcessManagersTest, MergeIsRecordedOnTheSurvivor) {
  Seed();
  Run("RegisterCustomer", R"({"id":"c2","name":"Acme Duplicate","owner_id":"e1"})");
  auto merged = Run("MergeCustomer", R"({"customer_id":"c2","survivor_id":"c1"})");
  Settle();
  auto absorbed = EventsOfType("customer-c1", "crm.customer.duplicate_absorbed.v1");
  ASSERT_EQ(absorbed.size(), 1u);
  EXPECT_EQ(absorbed[0].metadata.causation_id, merged.event_ids[0]);
}

}  // namespace
}  // namespace dealstream::commands
