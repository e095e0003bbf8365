// Tokens: format and hashing, grants and revocations as events, the table
// following the log (another process's grants count), commutative apply.
#include <gtest/gtest.h>

#include <future>
#include <set>
#include <thread>

#include "api/token_issuer.h"
#include "api/token_table.h"
#include "eventstore/memory_event_log.h"

namespace dealstream::api {
namespace {

TEST(TokenFormatTest, TokensAreRandom256BitAndOnlyHashesAreStored) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    auto token = NewToken();
    ASSERT_TRUE(token.ok());
    EXPECT_EQ(token->size(), 3u + 43u);
    EXPECT_EQ(token->rfind("ds_", 0), 0u);
    EXPECT_TRUE(seen.insert(*token).second);
    EXPECT_TRUE(IsTokenId(HashToken(*token)));
  }
  // SHA-256("abc")
  EXPECT_EQ(HashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(TokenIssuerTest, GrantWritesOnlyTheHashAndTheTableAuthenticates) {
  eventstore::MemoryEventLog log;
  TokenTable table(log);
  TokenIssuer issuer(log, &table);
  auto issued = issuer.Grant({.employee_id = "root", .role = Role::kAdmin, .granted_by = "cli"});
  ASSERT_TRUE(issued.ok()) << issued.error().ToString();
  auto events = log.ReadStream(TokenStream(), {1}, eventstore::Direction::kForward, 10);
  ASSERT_EQ(events->size(), 1u);
  const auto& event = (*events)[0];
  EXPECT_EQ(event.type, kTokenGrantedType);
  EXPECT_EQ(event.data.find(issued->token), std::string::npos);
  EXPECT_NE(event.data.find(issued->token_id), std::string::npos);
  EXPECT_EQ(event.metadata.actor, "cli");
  auto principal = table.Authenticate(issued->token);
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->employee_id, "root");
  EXPECT_EQ(principal->role, Role::kAdmin);
  EXPECT_FALSE(table.Authenticate(issued->token + "x"));
}

TEST(TokenIssuerTest, NonAdminRolesNeedAnExistingEmployee) {
  eventstore::MemoryEventLog log;
  TokenIssuer issuer(log, nullptr);
  auto refused = issuer.Grant({.employee_id = "e1", .role = Role::kSales, .granted_by = "x"});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), StatusCode::kNotFound);
  EXPECT_FALSE(issuer.Grant({.employee_id = "bad id", .role = Role::kAdmin}).ok());
  eventstore::AppendRequest hire{.stream = *eventstore::StreamName::Make("employee", "e1")};
  hire.events.push_back({.type = "crm.employee.hired.v1", .subject = "e1", .data = "{}"});
  ASSERT_TRUE(log.Append(hire).ok());
  EXPECT_TRUE(issuer.Grant({.employee_id = "e1", .role = Role::kSales, .granted_by = "x"}).ok());
}

TEST(TokenTableTest, FollowsGrantsAndRevocationsWrittenByOthers) {
  eventstore::MemoryEventLog log;
  TokenIssuer other_process(log, nullptr);  // e.g. the CLI
  auto issued = other_process.Grant({.employee_id = "root", .role = Role::kAdmin});
  ASSERT_TRUE(issued.ok());
  TokenTable table(log);
  ASSERT_TRUE(table.WaitCaughtUp(std::chrono::seconds(5)));
  EXPECT_TRUE(table.Authenticate(issued->token));
  EXPECT_TRUE(table.HasActiveRole(Role::kAdmin));
  EXPECT_FALSE(table.HasActiveRole(Role::kAuditor));

  std::promise<Status> revoked;
  other_process.RevokeAsync(issued->token_id, "root", [&](Status s) { revoked.set_value(s); });
  ASSERT_TRUE(revoked.get_future().get().ok());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (table.Authenticate(issued->token) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_FALSE(table.Authenticate(issued->token));
  auto info = table.Find(issued->token_id);
  ASSERT_TRUE(info);
  EXPECT_TRUE(info->revoked);
  EXPECT_EQ(info->revoked_by, "root");
  ASSERT_EQ(table.List().size(), 1u);
}

TEST(TokenTableTest, RevocationWinsWhateverTheOrder) {
  eventstore::MemoryEventLog log;
  TokenTable table(log);
  const std::string token = "ds_test";
  const TokenGranted grant{HashToken(token), "e", Role::kSales, "x"};
  table.ApplyRevoke({HashToken(token), "y"});
  table.ApplyGrant(grant, Now());
  EXPECT_FALSE(table.Authenticate(token));
  table.ApplyGrant(grant, Now());
  EXPECT_FALSE(table.Authenticate(token));
}

TEST(TokenTableTest, ProcessTokensAreNeverStoredOrListed) {
  eventstore::MemoryEventLog log;
  TokenTable table(log);
  table.AddProcessToken("ds_local", {.employee_id = "cli", .role = Role::kAdmin});
  auto p = table.Authenticate("ds_local");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->role, Role::kAdmin);
  EXPECT_TRUE(table.List().empty());
  EXPECT_EQ(log.Head().position.value, 0u);
}

TEST(TokenEventTest, MalformedPayloadsAreRefused) {
  eventstore::RecordedEvent e{.stream = TokenStream()};
  e.type = kTokenGrantedType;
  e.data = "{\"token_hash\":\"abc\"}";
  EXPECT_FALSE(DecodeTokenEvent(e).ok());
  e.data = "not json";
  EXPECT_FALSE(DecodeTokenEvent(e).ok());
  e.data = "{\"token_hash\":\"" + HashToken("x") + "\",\"employee_id\":\"a\",\"role\":\"king\"}";
  EXPECT_FALSE(DecodeTokenEvent(e).ok());
}

}  // namespace
}  // namespace dealstream::api
