// The command service end to end over a real RocksDB log: JSON in, events
// stored, errors mapped — the path every HTTP command and import takes.
#include "commands/log_command_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "log_fixture.h"

namespace dealstream::commands {
namespace {

using eventstore::testing::OpenRocks;
using eventstore::testing::Stream;
using eventstore::testing::TempDir;
using Kind = CommandError::Kind;

class CommandServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log_ = OpenRocks(dir_.path(), eventstore::Durability::kOs);
    service_ = std::make_unique<LogCommandService>(*log_);
  }

  CommandOutcome Run(const std::string& type, const std::string& body,
                     std::optional<std::string> key = std::nullopt,
                     std::optional<uint64_t> if_match = std::nullopt) {
    CommandRequest r{.type = type, .body = body, .actor = "emp-admin",
                     .expected_version = if_match, .idempotency_key = key};
    return service_->Execute(r);
  }

  CommandOk MustRun(const std::string& type, const std::string& body) {
    auto outcome = Run(type, body);
    EXPECT_TRUE(outcome.ok()) << type << ": " << (outcome.ok() ? "" : outcome.error().message);
    return outcome.ok() ? *outcome : CommandOk{};
  }

  // A department, a sales employee, a customer and an open opportunity "o1".
  void SeedDeal() {
    // Business time in 2017, as an import would record it.
    MustRun("CreateDepartment",
            R"({"id":"hq","name":"Headquarters","occurred_at":"2017-01-02T09:00:00Z"})");
    MustRun("HireEmployee", R"({"id":"e1","name":"Ann Lee","department_id":"hq","role":"sales",
                                "occurred_at":"2017-01-03T09:00:00Z"})");
    MustRun("RegisterCustomer",
            R"({"id":"c1","name":"Acme","owner_id":"e1","occurred_at":"2017-01-04T09:00:00Z"})");
    MustRun("OpenOpportunity",
            R"({"id":"o1","customer_id":"c1","title":"Servers","owner_id":"e1",
                "amount":{"amount":"125000.00","currency":"USD"},
                "expected_close_date":"2017-06-30","occurred_at":"2017-01-05T09:00:00Z"})");
  }

  std::vector<eventstore::RecordedEvent> EventsOf(const std::string& stream) {
    return *log_->ReadStream(Stream(stream), {1}, eventstore::Direction::kForward, 1000);
  }

  TempDir dir_;
  std::unique_ptr<eventstore::RocksEventLog> log_;
  std::unique_ptr<LogCommandService> service_;
};

TEST_F(CommandServiceTest, CreatesRecordsAndReportsStreamVersionPositionAndIds) {
  auto r = MustRun("CreateDepartment", R"({"id":"hq","name":"Headquarters"})");
  EXPECT_EQ(r.id, "hq");
  EXPECT_EQ(r.stream, "department-hq");
  EXPECT_EQ(r.version, 1u);
  EXPECT_EQ(r.position, 1u);
  ASSERT_EQ(r.event_ids.size(), 1u);
  auto events = EventsOf("department-hq");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].id, r.event_ids[0]);
  EXPECT_EQ(events[0].metadata.actor, "emp-admin");
  EXPECT_EQ(events[0].metadata.command, "CreateDepartment");
  EXPECT_FALSE(events[0].metadata.correlation_id.empty());
  EXPECT_EQ(events[0].subject, "hq");
}

TEST_F(CommandServiceTest, GeneratesAnIdWhenTheClientGivesNone) {
  auto r = MustRun("CreateDepartment", R"({"name":"Sales East"})");
  EXPECT_EQ(r.id.size(), 36u);
  EXPECT_EQ(r.stream, "department-" + r.id);
}

TEST_F(CommandServiceTest, StageEventsCarryTheProbabilityInForce) {
  SeedDeal();
  auto r = MustRun("AdvanceOpportunityStage", R"({"opportunity_id":"o1","stage":"Needs Analysis"})");
  EXPECT_EQ(r.version, 2u);
  auto events = EventsOf("opportunity-o1");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].type, "crm.opportunity.stage_advanced.v1");
  EXPECT_NE(events[1].data.find("\"probability\":20"), std::string::npos) << events[1].data;
}

TEST_F(CommandServiceTest, OccurredAtBecomesTheBusinessTime) {
  auto r = MustRun("CreateDepartment", R"({"id":"hq","name":"HQ","occurred_at":"2017-03-01T09:00:00Z"})");
  auto events = EventsOf(r.stream);
  EXPECT_EQ(FormatTimestamp(events[0].time), "2017-03-01T09:00:00.000000Z");
  EXPECT_GT(events[0].recorded_time, events[0].time);
  auto bad = Run("CreateDepartment", R"({"name":"X","occurred_at":"yesterday"})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "occurred_at");
  auto future = Run("CreateDepartment", R"({"name":"X","occurred_at":"2999-01-01T00:00:00Z"})");
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().code, "occurred_in_future");
}

TEST_F(CommandServiceTest, BadInputIsRefusedNamingTheFieldAndWritesNothing) {
  struct Case {
    std::string type, body;
    Kind kind;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"NoSuchCommand", "{}", Kind::kUnknownCommand, ""},
      {"CreateDepartment", "{\"name\":", Kind::kMalformed, ""},
      {"CreateDepartment", "[1,2]", Kind::kMalformed, ""},
      {"CreateDepartment", R"({"name":"A","colour":"red"})", Kind::kInvalid, "colour"},
      {"CreateDepartment", R"({"name":42})", Kind::kInvalid, "name"},
      {"CreateDepartment", R"({})", Kind::kInvalid, "name"},
      {"CreateDepartment", R"({"id":"bad id!","name":"A"})", Kind::kInvalid, "id"},
      {"HireEmployee", R"({"name":"B","department_id":"nowhere","role":"sales"})", Kind::kNotFound,
       "department_id"},
      {"RenameDepartment", R"({"department_id":"ghost","name":"A"})", Kind::kNotFound,
       "department_id"},
  };
  for (const Case& c : cases) {
    auto r = Run(c.type, c.body);
    ASSERT_FALSE(r.ok()) << c.type << " " << c.body;
    EXPECT_EQ(r.error().kind, c.kind) << c.body << ": " << r.error().message;
    EXPECT_EQ(r.error().field, c.field) << c.body << ": " << r.error().message;
    EXPECT_FALSE(r.error().message.empty());
  }
  EXPECT_EQ(log_->Head().position.value, 0u);
}

TEST_F(CommandServiceTest, CreatingAnExistingIdIsAConflictNotAnOverwrite) {
  MustRun("CreateDepartment", R"({"id":"hq","name":"Headquarters"})");
  auto again = Run("CreateDepartment", R"({"id":"hq","name":"Other"})");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, Kind::kAlreadyExists);
  EXPECT_EQ(EventsOf("department-hq").size(), 1u);
}

TEST_F(CommandServiceTest, IfMatchMustEqualTheCurrentVersion) {
  MustRun("CreateDepartment", R"({"id":"hq","name":"Headquarters"})");
  auto stale = Run("RenameDepartment", R"({"department_id":"hq","name":"HQ"})", std::nullopt, 0);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, Kind::kConflict);
  EXPECT_EQ(stale.error().current_version, 1u);
  auto ok = Run("RenameDepartment", R"({"department_id":"hq","name":"HQ"})", std::nullopt, 1);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->version, 2u);
}

TEST_F(CommandServiceTest, IdempotencyKeyReplaysTheOriginalResult) {
  const std::string body = R"({"name":"Generated id"})";
  auto first = Run("CreateDepartment", body, "key-1");
  ASSERT_TRUE(first.ok());
  auto retry = Run("CreateDepartment", body, "key-1");
  ASSERT_TRUE(retry.ok());
  EXPECT_TRUE(retry->replayed);
  EXPECT_EQ(retry->id, first->id);  // not a second generated id
  EXPECT_EQ(retry->event_ids, first->event_ids);
  EXPECT_EQ(log_->Head().position.value, 1u);
  auto different = Run("CreateDepartment", R"({"name":"Another"})", "key-1");
  ASSERT_FALSE(different.ok());
  EXPECT_EQ(different.error().kind, Kind::kIdempotencyKeyReused);
}

TEST_F(CommandServiceTest, BusinessRulesAreNamedErrors) {
  SeedDeal();
  MustRun("WinOpportunity", R"({"opportunity_id":"o1"})");
  auto advance = Run("AdvanceOpportunityStage", R"({"opportunity_id":"o1","stage":"Qualification"})");
  ASSERT_FALSE(advance.ok());
  EXPECT_EQ(advance.error().kind, Kind::kRuleViolated);
  EXPECT_FALSE(advance.error().code.empty());
}

TEST_F(CommandServiceTest, AuthorizerSeesTheTargetsOwnershipAndCanRefuse) {
  SeedDeal();
  CommandTarget seen;
  CommandRequest r{.type = "AddOpportunityComment",
                   .body = R"({"opportunity_id":"o1","text":"Call back on Monday"})",
                   .actor = "e2"};
  r.authorize = [&](const CommandTarget& t) -> std::optional<CommandError> {
    seen = t;
    return CommandError{Kind::kNotFound, "not_found", "opportunity_id", "no such opportunity", {}};
  };
  auto refused = service_->Execute(r);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, Kind::kNotFound);
  EXPECT_EQ(seen.category, "opportunity");
  EXPECT_EQ(seen.id, "o1");
  EXPECT_EQ(seen.owner_id, "e1");
  EXPECT_EQ(EventsOf("opportunity-o1").size(), 1u);
}

TEST_F(CommandServiceTest, ConcurrentCommandsOnOneRecordAllLand) {
  SeedDeal();
  constexpr int kThreads = 8, kEach = 10;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        auto r = Run("AddOpportunityComment",
                     R"({"opportunity_id":"o1","text":"note )" + std::to_string(t * 100 + i) + "\"}");
        if (!r.ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  auto events = EventsOf("opportunity-o1");
  EXPECT_EQ(events.size(), 1u + kThreads * kEach);
  for (size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i].version.value, i + 1);
}

TEST_F(CommandServiceTest, DirectoryIndexesSeeTheCommandBefore) {
  MustRun("RegisterProduct", R"({"id":"p1","sku":"GTX-PRO","name":"GTX Pro",
                                 "list_price":{"amount":"4821.00","currency":"USD"}})");
  auto duplicate = Run("RegisterProduct", R"({"id":"p2","sku":"GTX-PRO","name":"Copy",
                                 "list_price":{"amount":"1.00","currency":"USD"}})");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, "sku_taken");
}

// After a start the directory reads the whole log again to rebuild its
// indexes. A command decided before that would not see a SKU registered
// last: it waits for the directory instead, or — past directory_wait — is
// refused as Unavailable ("starting"), never decided on half an index.
TEST_F(CommandServiceTest, AfterAStartCommandsWaitForTheWholeDirectory) {
  constexpr int kProducts = 3000;
  for (int i = 0; i < kProducts; ++i) {
    MustRun("RegisterProduct", R"({"id":"p)" + std::to_string(i) + R"(","sku":"SKU-)" +
                                   std::to_string(i) + R"(","name":"Product",
                                   "list_price":{"amount":"1.00","currency":"USD"}})");
  }
  const std::string last_sku = "SKU-" + std::to_string(kProducts - 1);
  auto again = [&](const std::string& id) {
    return R"({"id":")" + id + R"(","sku":")" + last_sku + R"(","name":"Copy",
               "list_price":{"amount":"1.00","currency":"USD"}})";
  };
  // A start that may not wait: refused while the directory reads, decided
  // correctly once it has.
  service_ = std::make_unique<LogCommandService>(
      *log_, CommandServiceOptions{.directory_wait = std::chrono::milliseconds(0)});
  auto early = Run("RegisterProduct", again("copy1"));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().kind, Kind::kUnavailable);
  EXPECT_EQ(early.error().code, "starting") << early.error().message;
  while (!service_->directory_caught_up()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  auto later = Run("RegisterProduct", again("copy2"));
  ASSERT_FALSE(later.ok());
  EXPECT_EQ(later.error().code, "sku_taken");
  // A start with the default wait: the command waits, then sees the SKU.
  service_ = std::make_unique<LogCommandService>(*log_);
  auto waited = Run("RegisterProduct", again("copy3"));
  ASSERT_FALSE(waited.ok());
  EXPECT_EQ(waited.error().code, "sku_taken") << waited.error().message;
  EXPECT_TRUE(EventsOf("product-copy1").empty());
}

TEST_F(CommandServiceTest, AnEmployeeWithOpenDealsCannotLeave) {
  SeedDeal();
  auto leave = Run("RecordEmployeeDeparture", R"({"employee_id":"e1"})");
  ASSERT_FALSE(leave.ok());
  EXPECT_EQ(leave.error().code, "open_work_not_handed_over");
}

TEST_F(CommandServiceTest, ListsEveryCommandType) {
  auto types = service_->CommandTypes();
  for (const char* t : {"CreateDepartment", "HireEmployee", "RegisterCustomer", "AddContact",
                        "SetContactRole", "RegisterCompetitor", "RegisterProduct", "OpenOpportunity",
                        "AdvanceOpportunityStage", "RecordCompetitor", "WinOpportunity",
                        "LoseOpportunity", "DraftContract", "SignContract", "RecordPayment"}) {
    EXPECT_NE(std::find(types.begin(), types.end(), t), types.end()) << t;
  }
}

// The target an authorizer sees: a record's own ownership, or that of the
// customer it belongs to; reference data has none (command_target.h).
TEST_F(CommandServiceTest, AuthorizersSeeTheOwnershipOfWhatACommandChanges) {
  SeedDeal();
  MustRun("AddContact", R"({"id":"k1","customer_id":"c1","name":"Pat"})");
  MustRun("CreateDepartment", R"({"id":"hq2","name":"Second office"})");
  auto target_of = [&](const std::string& type, const std::string& body) {
    CommandTarget seen;
    CommandRequest r{.type = type, .body = body, .actor = "e1"};
    r.authorize = [&seen](const CommandTarget& target) -> std::optional<CommandError> {
      seen = target;
      return std::nullopt;
    };
    auto outcome = service_->Execute(r);
    EXPECT_TRUE(outcome.ok()) << type << ": " << (outcome.ok() ? "" : outcome.error().message);
    return seen;
  };
  CommandTarget contact = target_of("UpdateContact", R"({"contact_id":"k1","title":"CIO"})");
  EXPECT_EQ(contact.owner_id, "e1") << "a contact belongs to its customer's owner";
  EXPECT_EQ(contact.department_id, "hq");
  EXPECT_FALSE(contact.reference_data);
  CommandTarget added = target_of("AddContact", R"({"customer_id":"c1","name":"Lee"})");
  EXPECT_TRUE(added.creates);
  EXPECT_EQ(added.owner_id, "e1");
  CommandTarget deal = target_of("AddOpportunityComment", R"({"opportunity_id":"o1","text":"hi"})");
  EXPECT_EQ(deal.owner_id, "e1");
  CommandTarget config = target_of(
      "DefineCustomField", R"({"entity_type":"contact","key":"x","label":"X","type":"text"})");
  EXPECT_TRUE(config.reference_data);
  CommandTarget employee = target_of("TransferEmployee", R"({"employee_id":"e1","department_id":"hq2"})");
  EXPECT_TRUE(employee.reference_data) << "the organisation is reference data: " << employee.category << "/" << employee.id << " owner " << employee.owner_id.value_or("-") << " dept " << employee.department_id.value_or("-");
}

}  // namespace
}  // namespace dealstream::commands
