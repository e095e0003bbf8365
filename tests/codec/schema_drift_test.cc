// The committed schemas/ must be exactly what the code derives: this test
// fails when a command or event changes and `make schemas` was not run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "codec/registry.h"
#include "codec/schema_files.h"

namespace dealstream::codec {
namespace {

const std::filesystem::path kSchemas = std::filesystem::path(DS_SOURCE_DIR) / "schemas";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(SchemaDriftTest, CommittedSchemasEqualTheGeneratedOnes) {
  std::set<std::string> generated;
  for (const SchemaFile& f : GenerateSchemaFiles(DomainRegistry())) {
    generated.insert(f.path);
    const auto path = kSchemas / f.path;
    ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing: run `make schemas`";
    EXPECT_EQ(ReadFile(path), f.text) << path << " is out of date: run `make schemas`";
  }
  for (const char* sub : {"commands", "events"}) {
    for (const auto& entry : std::filesystem::directory_iterator(kSchemas / sub)) {
      const std::string relative = std::string(sub) + "/" + entry.path().filename().string();
      EXPECT_TRUE(generated.contains(relative))
          << relative << " belongs to no registered type: run `make schemas`";
    }
  }
}

TEST(SchemaDriftTest, WriterReplacesFilesAndRemovesStaleOnes) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / "ds_schema_writer";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "events");
  std::ofstream(dir / "events" / "crm.gone.v1.json") << "{}";
  ASSERT_TRUE(WriteSchemaFiles({{"commands/A.json", "a\n"}, {"events/e.json", "e\n"}}, dir).ok());
  EXPECT_EQ(ReadFile(dir / "commands" / "A.json"), "a\n");
  EXPECT_EQ(ReadFile(dir / "events" / "e.json"), "e\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "events" / "crm.gone.v1.json"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dealstream::codec
