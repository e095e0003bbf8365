#include "projections/snapshot_store.h"

#include <gtest/gtest.h>

#include "log_fixture.h"

namespace dealstream::projections {
namespace {

using eventstore::GlobalPosition;
using eventstore::testing::TempDir;

std::unique_ptr<SnapshotStore> OpenStore(const std::string& path, bool read_only = false) {
  auto s = SnapshotStore::Open({.path = path, .read_only = read_only});
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().ToString());
  return s.ok() ? std::move(*s) : nullptr;
}

std::string Pattern(size_t n, char seed) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>(seed + i * 31 + (i >> 12));
  return s;
}

TEST(SnapshotStoreTest, SavesAndLoadsAMultiPieceSnapshotWithItsCheckpoint) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  const std::string state = Pattern(9 << 20, 'a');  // three 4 MiB pieces
  ASSERT_TRUE(store->Save("funnel", {.generation = 3, .format = 7,
                                     .position = GlobalPosition{123456}, .state = state}).ok());
  auto loaded = store->Load("funnel");
  ASSERT_TRUE(loaded.ok());
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ((*loaded)->generation, 3u);
  EXPECT_EQ((*loaded)->format, 7u);
  EXPECT_EQ((*loaded)->position.value, 123456u);
  EXPECT_EQ((*loaded)->state, state);
}

TEST(SnapshotStoreTest, ASmallerSnapshotReplacesALargerOneCompletely) {
  TempDir dir;
  {
    auto store = OpenStore(dir.path());
    ASSERT_TRUE(store->Save("p", {.format = 1, .position = GlobalPosition{10},
                                  .state = Pattern(9 << 20, 'x')}).ok());
    ASSERT_TRUE(store->Save("p", {.format = 1, .position = GlobalPosition{20},
                                  .state = "small"}).ok());
    ASSERT_TRUE(store->Save("q", {.format = 1, .position = GlobalPosition{5},
                                  .state = "other"}).ok());
  }
  auto store = OpenStore(dir.path());  // survives reopening
  auto loaded = store->Load("p");
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  EXPECT_EQ((*loaded)->state, "small");
  EXPECT_EQ((*loaded)->position.value, 20u);
  auto other = store->Load("q");
  ASSERT_TRUE(other.ok() && other->has_value());
  EXPECT_EQ((*other)->state, "other");
}

TEST(SnapshotStoreTest, EmptyStateAndMissingSnapshots) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  auto missing = store->Load("nothing");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  ASSERT_TRUE(store->Save("empty", {.format = 1, .position = GlobalPosition{0}}).ok());
  auto empty = store->Load("empty");
  ASSERT_TRUE(empty.ok() && empty->has_value());
  EXPECT_EQ((*empty)->state, "");
  ASSERT_TRUE(store->Erase("empty").ok());
  auto erased = store->Load("empty");
  ASSERT_TRUE(erased.ok());
  EXPECT_FALSE(erased->has_value());
}

TEST(SnapshotStoreTest, RejectsBadNames) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  EXPECT_EQ(store->Save("Bad/Name", {}).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store->Save("", {}).code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(store->Load("a/b").ok());
}

TEST(SnapshotStoreTest, ReadOnlyStoreReadsButNeverWrites) {
  TempDir dir;
  auto missing = OpenStore(dir.path() + "/absent", /*read_only=*/true);
  auto none = missing->Load("p");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  EXPECT_EQ(missing->Save("p", {}).code(), StatusCode::kFailedPrecondition);

  {
    auto writer = OpenStore(dir.path() + "/s");
    ASSERT_TRUE(writer->Save("p", {.format = 1, .position = GlobalPosition{4},
                                   .state = "abc"}).ok());
    // A read-only open works beside the writer that holds the lock.
    auto reader = OpenStore(dir.path() + "/s", /*read_only=*/true);
    auto loaded = reader->Load("p");
    ASSERT_TRUE(loaded.ok() && loaded->has_value());
    EXPECT_EQ((*loaded)->state, "abc");
    EXPECT_EQ(reader->Save("p", {}).code(), StatusCode::kFailedPrecondition);
  }
}

}  // namespace
}  // namespace dealstream::projections
