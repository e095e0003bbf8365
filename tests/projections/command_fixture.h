// Test fixture for read-model scenarios told through the real write side:
// commands executed by commands::LogCommandService into a RocksDB log in a
// temporary directory, read back through ReadModels (worker, snapshots,
// time travel) exactly as the server does.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "base/time.h"
#include "commands/log_command_service.h"
#include "log_fixture.h"
#include "projections/read_models.h"
#include "projections/views_json.h"

namespace dealstream::projections::testing {

class CommandFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    log_ = eventstore::testing::OpenRocks(dir_.path() + "/log", eventstore::Durability::kOs);
    service_ = std::make_unique<commands::LogCommandService>(*log_);
    auto store = SnapshotStore::Open({.path = dir_.path() + "/projections"});
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
  }

  // Executes one command as `actor`; a refused command fails the test.
  void Run(const std::string& type, const std::string& body, const std::string& actor = "setup") {
    auto outcome = service_->Execute({.type = type, .body = body, .actor = actor});
    ASSERT_TRUE(outcome.ok()) << type << " " << body << ": " << outcome.error().message;
  }

  // The read models, caught up with everything appended so far.
  const ReadModels& Models() {
    if (!models_) {
      auto m = ReadModels::Start(*log_, *store_);
      EXPECT_TRUE(m.ok());
      models_ = std::move(*m);
    }
    EXPECT_TRUE(models_->WaitForPosition(log_->Head().position, std::chrono::seconds(30)));
    return *models_;
  }
  uint64_t Head() const { return log_->Head().position.value; }

  // Snapshot + restart: the read models stop (saving a snapshot), one more
  // command is appended, and the restarted models resume from the snapshot
  // (applying only that event); what `query(models)` renders changes, and
  // a full rebuild renders the same.
  template <typename Query>
  void ExpectRestartResumesAndRebuildAgrees(Query query, const std::string& type,
                                            const std::string& body,
                                            const std::string& actor = "setup") {
    const std::string before = ToJson(*query(Models()));
    models_.reset();
    Run(type, body, actor);
    const ReadModels& restarted = Models();
    EXPECT_EQ(restarted.stats().resumed_from, Head() - 1);
    EXPECT_EQ(restarted.stats().events_applied, 1u);
    const std::string incremental = ToJson(*query(restarted));
    EXPECT_NE(incremental, before);
    ASSERT_TRUE(models_->Rebuild().ok());
    EXPECT_EQ(ToJson(*query(Models())), incremental);
    EXPECT_EQ(models_->projection_stats().undecodable, 0u);
  }

  static Timestamp EndOfDay(const std::string& date) {
    auto t = ParseTimestamp(date);
    EXPECT_TRUE(t.ok()) << date;
    return t.ok() ? *t : Timestamp();
  }
  static domain::Money Usd(int64_t cents) { return domain::Money{cents, "USD"}; }

  // One employee's performance figures (employees.h) under `at` and `filters`.
  PerformanceFigures EmployeeFigures(const std::string& employee, const AsOf& at = {},
                                     const Filters& filters = {}) {
    auto view = Models().Employees(at, filters);
    EXPECT_TRUE(view.ok());
    if (view.ok()) {
      for (const EmployeeRow& row : view->employees) {
        if (row.employee_id == employee) return row.figures;
      }
    }
    ADD_FAILURE() << employee << " is not listed";
    return {};
  }

  eventstore::testing::TempDir dir_;
  std::unique_ptr<eventstore::RocksEventLog> log_;
  std::unique_ptr<commands::LogCommandService> service_;
  std::unique_ptr<SnapshotStore> store_;
  std::unique_ptr<ReadModels> models_;
};

}  // namespace dealstream::projections::testing
