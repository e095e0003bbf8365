// Crypto-shredding: the key store, the vault's seal/open/redact, and the
// whole path through the command service, history, export and verify.
#include <gtest/gtest.h>

#include <sstream>

#include "codec/event_codec.h"
#include "commands/log_command_service.h"
#include "crm_fixture.h"
#include "domain/contact/contact.h"
#include "log_fixture.h"
#include "replay/data_dir.h"
#include "replay/forget.h"
#include "replay/history.h"
#include "replay/key_store.h"
#include "replay/log_transfer.h"
#include "replay/personal_vault.h"

namespace dealstream::replay {
namespace {

using eventstore::testing::TempDir;

constexpr char kAdded[] = "crm.contact.added.v1";
constexpr char kPayload[] =
    R"({"contact_id":"c1","customer_id":"acme","title":"CIO","personal":{"name":"Carol Jones","email":"carol@acme.example","birthday":"1980-02-03"}})";

std::unique_ptr<KeyStore> OpenKeys(const std::string& path, bool read_only = false) {
  auto keys = KeyStore::Open({.path = path, .read_only = read_only, .sync = false});
  EXPECT_TRUE(keys.ok()) << keys.error().ToString();
  return keys.ok() ? std::move(*keys) : nullptr;
}

TEST(KeyStoreTest, CreatesOnceForgetsAndNeverReusesAKey) {
  TempDir dir;
  auto keys = OpenKeys(dir.path() + "/keys");
  auto first = keys->FindOrCreate("c1");
  ASSERT_TRUE(first.ok());
  auto again = keys->FindOrCreate("c1");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(first->key_id, again->key_id);
  EXPECT_EQ(first->key, again->key);

  auto forgotten = keys->Forget("c1", Timestamp::FromMicros(42));
  ASSERT_TRUE(forgotten.ok());
  EXPECT_FALSE(forgotten->already_forgotten);
  EXPECT_FALSE(keys->Find("c1")->has_value());
  auto twice = keys->Forget("c1", Timestamp::FromMicros(99));
  ASSERT_TRUE(twice.ok());
  EXPECT_TRUE(twice->already_forgotten);
  EXPECT_EQ(twice->forgotten_at, Timestamp::FromMicros(42));

  auto fresh = keys->FindOrCreate("c1");
  ASSERT_TRUE(fresh.ok());
  EXPECT_NE(fresh->key_id, first->key_id);
  EXPECT_EQ(keys->Forget("nobody", Timestamp()).error().code(), StatusCode::kNotFound);
}

TEST(KeyStoreTest, ReadOnlyOpenSeesKeysBesideTheWriterAndCannotWrite) {
  TempDir dir;
  auto writer = OpenKeys(dir.path() + "/keys");
  ASSERT_TRUE(writer->FindOrCreate("c1").ok());
  auto reader = OpenKeys(dir.path() + "/keys", /*read_only=*/true);
  EXPECT_TRUE(reader->Find("c1")->has_value());
  EXPECT_EQ(reader->FindOrCreate("c2").error().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(reader->Forget("c1", Timestamp()).error().code(), StatusCode::kFailedPrecondition);
  auto missing = OpenKeys(dir.path() + "/nothing-here", /*read_only=*/true);
  EXPECT_FALSE(missing->Find("c1")->has_value());
}

TEST(PersonalVaultTest, SealsOnlyPersonalFieldsAndOpensTheExactBytes) {
  TempDir dir;
  auto keys = OpenKeys(dir.path() + "/keys");
  PersonalVault vault(*keys);
  EXPECT_TRUE(vault.Covers(kAdded));
  EXPECT_TRUE(vault.Covers("crm.contact.updated.v1"));
  EXPECT_FALSE(vault.Covers("crm.opportunity.opened.v2"));

  auto sealed = vault.Seal(kAdded, "c1", kPayload);
  ASSERT_TRUE(sealed.ok()) << sealed.error().ToString();
  EXPECT_EQ(sealed->find("Carol"), std::string::npos);
  EXPECT_EQ(sealed->find("acme.example"), std::string::npos);
  EXPECT_EQ(sealed->find("1980"), std::string::npos);
  EXPECT_NE(sealed->find(R"("title":"CIO")"), std::string::npos) << "business facts stay clear";
  EXPECT_TRUE(IsSealed(*sealed));

  auto opened = vault.Open(kAdded, "c1", *sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, kPayload);
  // Bound to its subject and type: moved to another contact the bytes read
  // redacted (another key), under another event type they fail to open.
  ASSERT_TRUE(keys->FindOrCreate("c2").ok());
  auto moved = vault.Open(kAdded, "c2", *sealed);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->find("Carol"), std::string::npos);
  EXPECT_NE(moved->find("[redacted]"), std::string::npos);
  EXPECT_EQ(vault.Open("crm.contact.updated.v1", "c1", *sealed).error().code(),
            StatusCode::kCorruption);
}

TEST(PersonalVaultTest, ForgottenFieldsReadRedactedAndStillDecodeStrictly) {
  TempDir dir;
  auto keys = OpenKeys(dir.path() + "/keys");
  PersonalVault vault(*keys);
  auto sealed = vault.Seal(kAdded, "c1", kPayload);
  ASSERT_TRUE(sealed.ok());
  ASSERT_TRUE(keys->Forget("c1", Now()).ok());
  auto opened = vault.Open(kAdded, "c1", *sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened,
            R"({"contact_id":"c1","customer_id":"acme","title":"CIO","personal":{"name":"[redacted]","email":"[redacted]"}})");
  auto decoded = codec::DecodeEvent<domain::ContactAggregate::Event>(kAdded, 1, *opened);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
}

TEST(PersonalVaultTest, AlteredCiphertextIsCorruptionNotPlaintext) {
  TempDir dir;
  auto keys = OpenKeys(dir.path() + "/keys");
  PersonalVault vault(*keys);
  std::string sealed = *vault.Seal(kAdded, "c1", kPayload);
  const size_t at = sealed.find("$sealed") + 70;  // inside the ciphertext
  sealed[at] = sealed[at] == 'A' ? 'B' : 'A';
  EXPECT_EQ(vault.Open(kAdded, "c1", sealed).error().code(), StatusCode::kCorruption);
}

// The whole path: commands seal, reads open, forgetting redacts everywhere
// while the chain still verifies.
TEST(CryptoShreddingTest, ForgetRedactsHistoryAndExportButKeepsFactsAndTheChain) {
  TempDir tmp;
  const std::string path = tmp.path() + "/data";
  testing::SeedDataDir(path);
  auto dir = DataDir::Open({.path = path, .read_only = false,
                            .durability = eventstore::Durability::kOs});
  ASSERT_TRUE(dir.ok()) << dir.error().ToString();
  auto stream = *eventstore::StreamName::Parse("contact-carol");

  auto raw = (*dir)->raw_log().ReadStream(stream, {1}, eventstore::Direction::kForward, 10);
  ASSERT_TRUE(raw.ok());
  ASSERT_EQ(raw->size(), 1u);
  EXPECT_EQ(raw->front().data.find("Carol"), std::string::npos) << "the log holds ciphertext";

  auto before = LoadHistory((*dir)->log(), stream);
  ASSERT_TRUE(before.ok());
  EXPECT_NE(before->state.find("Carol Jones"), std::string::npos);

  auto forgotten = ForgetContact((*dir)->raw_log(), (*dir)->vault().keys(), "carol", Now());
  ASSERT_TRUE(forgotten.ok()) << forgotten.error().ToString();
  EXPECT_EQ(forgotten->sealed_events, 1u);

  auto after = LoadHistory((*dir)->log(), stream);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->state.find("Carol"), std::string::npos);
  EXPECT_NE(after->state.find("[redacted]"), std::string::npos);
  EXPECT_NE(after->state.find("CIO"), std::string::npos) << "business facts stay";

  std::ostringstream exported;
  ASSERT_TRUE(ExportLog(**dir, {}, exported).ok());
  EXPECT_EQ(exported.str().find("Carol"), std::string::npos);
  EXPECT_NE(exported.str().find("[redacted]"), std::string::npos);
  EXPECT_TRUE((*dir)->raw_log().Verify().ok);

  // New personal data after forgetting gets a new key; the old stays redacted.
  commands::LogCommandService service((*dir)->log());
  testing::Run(service, "UpdateContact", R"({"contact_id":"carol","name":"C. Jones"})");
  auto updated = LoadHistory((*dir)->log(), stream);
  ASSERT_TRUE(updated.ok());
  EXPECT_NE(updated->state.find("C. Jones"), std::string::npos);
  EXPECT_NE(ToJson(*updated).find("[redacted]"), std::string::npos);
}

// A contact's custom field values are personal data too: sealed in the log,
// redacted after forgetting, while the event still decodes and verifies.
TEST(CryptoShreddingTest, ContactCustomFieldValuesAreSealedAndForgotten) {
  TempDir tmp;
  const std::string path = tmp.path() + "/data";
  testing::SeedDataDir(path);
  auto dir = DataDir::Open({.path = path, .read_only = false,
                            .durability = eventstore::Durability::kOs});
  ASSERT_TRUE(dir.ok()) << dir.error().ToString();
  commands::LogCommandService service((*dir)->log());
  testing::Run(service, "DefineCustomField",
               R"({"entity_type":"contact","key":"linkedin","label":"LinkedIn","type":"text"})");
  testing::Run(service, "SetContactCustomFields",
               R"({"contact_id":"carol","values":{"linkedin":"carol-jones-acme"}})");
  auto stream = *eventstore::StreamName::Parse("contact-carol");
  auto raw = (*dir)->raw_log().ReadStream(stream, {1}, eventstore::Direction::kForward, 10);
  ASSERT_TRUE(raw.ok());
  ASSERT_EQ(raw->size(), 2u);
  EXPECT_EQ(raw->back().type, "crm.contact.custom_fields_set.v1");
  EXPECT_EQ(raw->back().data.find("carol-jones-acme"), std::string::npos);
  EXPECT_TRUE(IsSealed(raw->back().data));
  auto before = LoadHistory((*dir)->log(), stream);
  ASSERT_TRUE(before.ok());
  EXPECT_NE(before->state.find("carol-jones-acme"), std::string::npos);

  auto forgotten = ForgetContact((*dir)->raw_log(), (*dir)->vault().keys(), "carol", Now());
  ASSERT_TRUE(forgotten.ok()) << forgotten.error().ToString();
  EXPECT_EQ(forgotten->sealed_events, 2u);
  auto after = LoadHistory((*dir)->log(), stream);
  ASSERT_TRUE(after.ok()) << after.error().ToString();
  EXPECT_EQ(ToJson(*after).find("carol-jones-acme"), std::string::npos);
  EXPECT_NE(after->state.find("[redacted]"), std::string::npos);
  EXPECT_TRUE((*dir)->raw_log().Verify().ok);
}

TEST(CryptoShreddingTest, ForgetRefusesUnknownContacts) {
  TempDir tmp;
  const std::string path = tmp.path() + "/data";
  testing::SeedDataDir(path);
  auto dir = DataDir::Open({.path = path, .read_only = false});
  ASSERT_TRUE(dir.ok());
  auto none = ForgetContact((*dir)->raw_log(), (*dir)->vault().keys(), "nobody", Now());
  EXPECT_EQ(none.error().code(), StatusCode::kNotFound);
  auto bad = ForgetContact((*dir)->raw_log(), (*dir)->vault().keys(), "not valid!", Now());
  EXPECT_EQ(bad.error().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dealstream::replay
