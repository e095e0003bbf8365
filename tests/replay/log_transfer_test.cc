// Export (JSON Lines, CSV) and import into an empty log.
#include <gtest/gtest.h>

#include <sstream>

#include "crm_fixture.h"
#include "log_fixture.h"
#include "replay/csv.h"
#include "replay/data_dir.h"
#include "replay/log_transfer.h"

namespace dealstream::replay {
namespace {

using eventstore::testing::TempDir;

class LogTransferTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::SeedDataDir(tmp_.path() + "/source");
    auto dir = DataDir::Open({.path = tmp_.path() + "/source"});
    ASSERT_TRUE(dir.ok()) << dir.error().ToString();
    source_ = std::move(*dir);
  }
  std::unique_ptr<DataDir> Target(const std::string& name) {
    auto dir = DataDir::Open({.path = tmp_.path() + "/" + name, .read_only = false,
                              .durability = eventstore::Durability::kOs});
    EXPECT_TRUE(dir.ok()) << dir.error().ToString();
    return dir.ok() ? std::move(*dir) : nullptr;
  }

  TempDir tmp_;
  std::unique_ptr<DataDir> source_;
};

TEST_F(LogTransferTest, SealedJsonLinesImportIntoAnIdenticalLog) {
  std::stringstream exported;
  auto out = ExportLog(*source_, {.sealed = true}, exported);
  ASSERT_TRUE(out.ok()) << out.error().ToString();
  const eventstore::LogHead head = source_->raw_log().Head();
  EXPECT_EQ(out->events, head.position.value);
  EXPECT_EQ(out->head.hash, head.hash);

  auto target = Target("copy");
  auto in = ImportJsonLines(target->raw_log(), exported);
  ASSERT_TRUE(in.ok()) << in.error().ToString();
  EXPECT_EQ(in->events, head.position.value);
  EXPECT_EQ(target->raw_log().Head().hash, head.hash);
  EXPECT_EQ(target->raw_log().Head().position, head.position);
  EXPECT_TRUE(target->raw_log().Verify().ok);
  // The copy has no keys: personal data reads redacted there.
  auto contact = target->log().ReadStream(*eventstore::StreamName::Parse("contact-carol"), {1},
                                          eventstore::Direction::kForward, 1);
  ASSERT_TRUE(contact.ok());
  EXPECT_NE(contact->front().data.find("[redacted]"), std::string::npos);

  std::stringstream again(exported.str());
  EXPECT_EQ(ImportJsonLines(target->raw_log(), again).error().code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(LogTransferTest, OpenedExportOfPersonalDataDoesNotPassTheChainCheck) {
  std::stringstream exported;
  ASSERT_TRUE(ExportLog(*source_, {}, exported).ok());
  EXPECT_NE(exported.str().find("Carol Jones"), std::string::npos);
  auto target = Target("opened");
  auto in = ImportJsonLines(target->raw_log(), exported);
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.error().code(), StatusCode::kCorruption);
  EXPECT_NE(in.error().message().find("--sealed"), std::string::npos) << in.error().message();
}

TEST_F(LogTransferTest, ExportFromAPositionAndCsvColumns) {
  std::stringstream jsonl;
  auto tail = ExportLog(*source_, {.from_position = 5}, jsonl);
  ASSERT_TRUE(tail.ok());
  EXPECT_EQ(tail->events, source_->raw_log().Head().position.value - 4);
  EXPECT_EQ(jsonl.str().find(R"("position":"5")") != std::string::npos, true);

  std::stringstream csv;
  ASSERT_TRUE(ExportLog(*source_, {.format = ExportFormat::kCsv}, csv).ok());
  auto table = ParseCsv(csv.str(), "export.csv");
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  EXPECT_EQ(table->header.size(), 16u);
  EXPECT_EQ(table->rows.size(), source_->raw_log().Head().position.value);
  EXPECT_EQ(table->rows[0][0], "1");
  EXPECT_EQ(table->rows[0][1], "department-hq");
  EXPECT_EQ(table->rows[0][15].front(), '{');
  EXPECT_FALSE(ExportLog(*source_, {.from_position = 0}, csv).ok());
}

TEST_F(LogTransferTest, MalformedLinesAreNamed) {
  auto target = Target("bad");
  std::stringstream in("{\"specversion\":\"1.0\"}\n");
  auto result = ImportJsonLines(target->raw_log(), in);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(result.error().message().find("line 1"), std::string::npos);
}

}  // namespace
}  // namespace dealstream::replay
