// Lists and decision trees over real loopback HTTP (FullStack): paging
// through every record with small pages (no duplicates, no gaps), filters,
// data scopes, bad cursors and limits as 400s naming the parameter, the
// list read model following new commands live, and its snapshots.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "api/json_util.h"
#include "full_stack.h"

namespace dealstream::api::testing {
namespace {

class ListRoutesTest : public ::testing::Test {
 protected:
  nlohmann::json Json(const std::string& target, const std::string& token, int status = 200) {
    Response r = stack_.Get(target, token);
    EXPECT_EQ(r.status, status) << target << " " << r.body;
    return ParseJson(r.body);
  }
  // Every id of a list, following next_cursor.
  std::vector<std::string> All(const std::string& target, const std::string& token, size_t limit) {
    std::vector<std::string> ids;
    std::string cursor;
    const std::string sep = target.find('?') == std::string::npos ? "?" : "&";
    for (int page = 0; page < 1000; ++page) {
      std::string url = target + sep + "limit=" + std::to_string(limit);
      if (!cursor.empty()) url += "&cursor=" + cursor;
      const nlohmann::json body = Json(url, token);
      EXPECT_LE(body["items"].size(), limit);
      uint64_t last = 0;
      for (const auto& item : body["items"]) {
        EXPECT_GT(item["position"].get<uint64_t>(), last) << "sorted by position";
        last = item["position"].get<uint64_t>();
        ids.push_back(item["id"].get<std::string>());
      }
      if (body["next_cursor"].is_null()) return ids;
      cursor = body["next_cursor"].get<std::string>();
    }
    ADD_FAILURE() << "paging did not end";
    return ids;
  }
  static std::set<std::string> Ids(const nlohmann::json& body) {
    std::set<std::string> ids;
    for (const auto& item : body["items"]) ids.insert(item["id"].get<std::string>());
    return ids;
  }

  FullStack stack_;
  const std::string admin_ = stack_.Token(Role::kAdmin, "root");
};

TEST_F(ListRoutesTest, SmallPagesVisitEveryRecordExactlyOnce) {
  std::set<std::string> expected = {"opp-east", "opp-peer", "opp-west"};
  for (int i = 0; i < 37; ++i) {
    const std::string id = "opp-" + std::to_string(100 + i);
    const std::string owner = i % 3 == 0 ? "emp-west" : "emp-east";
    stack_.Command("OpenOpportunity", R"({"id":")" + id + R"(","customer_id":"cust-east","title":"T)" +
                                          std::to_string(i) + R"(","owner_id":")" + owner +
                                          R"(","amount":{"amount":"5.00","currency":"USD"},)"
                                          R"("expected_close_date":"2031-06-30"})");
    expected.insert(id);
  }
  stack_.WaitCaughtUp();
  for (size_t limit : {1u, 2u, 5u, 7u, 200u}) {
    const std::vector<std::string> ids = All("/v1/opportunities", admin_, limit);
    EXPECT_EQ(ids.size(), expected.size()) << "limit " << limit;
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), expected) << "limit " << limit;
  }
  // A filtered walk pages within the filter.
  const std::vector<std::string> west = All("/v1/opportunities?owner=emp-west", admin_, 3);
  EXPECT_EQ(west.size(), 1u + 13u);
  // The default page is 50; one page holds everything here.
  const nlohmann::json page = Json("/v1/opportunities", admin_);
  EXPECT_EQ(page["items"].size(), expected.size());
  EXPECT_TRUE(page["next_cursor"].is_null());
  EXPECT_EQ(page["limit"], 50);
}

TEST_F(ListRoutesTest, FiltersNarrowTheRows) {
  stack_.Command("WinOpportunity", R"({"opportunity_id":"opp-west"})");
  stack_.Command("AdvanceOpportunityStage", R"({"opportunity_id":"opp-east","stage":"Qualification"})");
  stack_.WaitCaughtUp();
  const nlohmann::json east = Json("/v1/opportunities?owner=emp-east", admin_);
  ASSERT_EQ(Ids(east), std::set<std::string>{"opp-east"});
  const nlohmann::json row = east["items"][0];
  EXPECT_EQ(row["title"], "Deal east");
  EXPECT_EQ(row["customer_id"], "cust-east");
  EXPECT_EQ(row["stage"], "Qualification");
  EXPECT_EQ(row["status"], "open");
  EXPECT_EQ(row["amount"]["amount"], "1000.00");
  EXPECT_EQ(row["expected_close_date"], "2030-01-31");
  EXPECT_EQ(Ids(Json("/v1/opportunities?department=east", admin_)),
            (std::set<std::string>{"opp-east", "opp-peer"}));
  EXPECT_EQ(Ids(Json("/v1/opportunities?department=hq", admin_)).size(), 3u);  // the subtree
  EXPECT_EQ(Ids(Json("/v1/opportunities?status=won", admin_)), std::set<std::string>{"opp-west"});
  EXPECT_EQ(Ids(Json("/v1/opportunities?stage=Qualification", admin_)),
            std::set<std::string>{"opp-east"});
  EXPECT_EQ(Ids(Json("/v1/opportunities?customer=cust-west", admin_)),
            std::set<std::string>{"opp-west"});
  EXPECT_EQ(Ids(Json("/v1/opportunities?period=2030-Q1", admin_)).size(), 3u);
  EXPECT_EQ(Ids(Json("/v1/opportunities?period=2031", admin_)).size(), 0u);
  EXPECT_EQ(Ids(Json("/v1/opportunities?name_prefix=DEAL%20E", admin_)),
            std::set<std::string>{"opp-east"});
  EXPECT_EQ(Ids(Json("/v1/customers?name_prefix=cust&owner=emp-west", admin_)),
            std::set<std::string>{"cust-west"});
  EXPECT_EQ(Ids(Json("/v1/customers?lifecycle=target", admin_)).size() +
                Ids(Json("/v1/customers?lifecycle=opportunity", admin_)).size() +
                Ids(Json("/v1/customers?lifecycle=signed", admin_)).size(),
            3u);
  const nlohmann::json contacts = Json("/v1/contacts?customer=cust-east", admin_);
  ASSERT_EQ(Ids(contacts), std::set<std::string>{"contact-east"});
  EXPECT_EQ(contacts["items"][0]["title"], "CTO");
  EXPECT_EQ(contacts.dump().find("Pat"), std::string::npos) << "personal data stays out";
  EXPECT_EQ(Ids(Json("/v1/contacts?owner=emp-west", admin_)), std::set<std::string>{"contact-west"});
  EXPECT_EQ(Ids(Json("/v1/contracts?status=signed&department=west", admin_)),
            std::set<std::string>{"contract-west"});
  const nlohmann::json quotes = Json("/v1/quotes?opportunity=opp-east", admin_);
  ASSERT_EQ(quotes["items"].size(), 1u);
  EXPECT_EQ(quotes["items"][0]["version"], 1);
  EXPECT_EQ(quotes["items"][0]["status"], "draft");
  EXPECT_EQ(quotes["items"][0]["total"]["amount"], "20.00");
  EXPECT_EQ(quotes["items"][0]["valid_until"], "2030-02-28");
}

TEST_F(ListRoutesTest, DataScopesHideOtherRecords) {
  const std::string sales = stack_.Token(Role::kSales, "emp-east");
  const std::string manager = stack_.Token(Role::kManager, "mgr-east");
  const std::string analyst = stack_.Token(Role::kAnalyst, "emp-west");
  EXPECT_EQ(Ids(Json("/v1/opportunities", sales)), std::set<std::string>{"opp-east"});
  EXPECT_EQ(Ids(Json("/v1/opportunities", manager)), (std::set<std::string>{"opp-east", "opp-peer"}));
  EXPECT_EQ(Ids(Json("/v1/opportunities", analyst)).size(), 3u);
  EXPECT_EQ(Ids(Json("/v1/customers", sales)), std::set<std::string>{"cust-east"});
  EXPECT_EQ(Ids(Json("/v1/contacts", sales)), std::set<std::string>{"contact-east"});
  EXPECT_EQ(Ids(Json("/v1/contracts", manager)),
            (std::set<std::string>{"contract-east", "contract-peer"}));
  EXPECT_EQ(Json("/v1/quotes", sales)["items"].size(), 1u);
  // Asking for the other side's records yields nothing, not an error.
  EXPECT_TRUE(Ids(Json("/v1/opportunities?owner=emp-west", sales)).empty());
  EXPECT_TRUE(Ids(Json("/v1/customers?department=west", manager)).empty());
  // Joining the west deal's team brings it into the east seller's list.
  stack_.Command("AddOpportunityTeamMember",
                 R"({"opportunity_id":"opp-west","member_id":"emp-east","role":"presales"})");
  stack_.WaitCaughtUp();
  EXPECT_EQ(Ids(Json("/v1/opportunities", sales)), (std::set<std::string>{"opp-east", "opp-west"}));
  EXPECT_EQ(stack_.Get("/v1/opportunities", stack_.Token(Role::kIntegrator, "emp-east")).status, 403);
  EXPECT_EQ(stack_.Get("/v1/opportunities", "").status, 401);
}

TEST_F(ListRoutesTest, BadCursorsAndLimitsAre400sNamingThem) {
  for (int i = 0; i < 3; ++i) {
    stack_.Command("RegisterCustomer", R"({"id":"more-)" + std::to_string(i) +
                                           R"(","name":"More","owner_id":"emp-east"})");
  }
  stack_.WaitCaughtUp();
  const nlohmann::json first = Json("/v1/customers?limit=2", admin_);
  const std::string cursor = first["next_cursor"].get<std::string>();
  EXPECT_EQ(Json("/v1/customers?limit=2&cursor=" + cursor, admin_)["items"].size(), 2u);
  std::string altered = cursor;
  altered[5] = altered[5] == '0' ? '1' : '0';
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"cursor=nonsense", "cursor"},
           {"cursor=" + altered, "cursor"},
           {"cursor=" + cursor + "&owner=emp-east", "cursor"},  // other filters
           {"cursor=", "cursor"},
           {"limit=0", "limit"},
           {"limit=201", "limit"},
           {"limit=-1", "limit"},
           {"limit=ten", "limit"},
           {"lifecycle=happy", "lifecycle"},
           {"period=2017-13", "period"},
           {"owner=bad%20id", "owner"},
           {"as_of=2020-01-01", "as_of"},
           {"known_at=2020-01-01", "known_at"},
           {"colour=red", "colour"}}) {
    Response r = stack_.Get("/v1/customers?" + query, admin_);
    EXPECT_EQ(r.status, 400) << query << " " << r.body;
    EXPECT_EQ(ParseJson(r.body)["field"], field) << query << " " << r.body;
    EXPECT_EQ(*r.headers.Get("Content-Type"), "application/problem+json") << query;
  }
  // A cursor of one collection does not page another.
  EXPECT_EQ(stack_.Get("/v1/opportunities?limit=2&cursor=" + cursor, admin_).status, 400);
  EXPECT_EQ(stack_.Get("/v1/contacts?stage=x", admin_).status, 400);  // not a contact filter
}

TEST_F(ListRoutesTest, NewRecordsAppearLiveAtTheEnd) {
  stack_.Command("RegisterCustomer", R"({"id":"late","name":"Late","owner_id":"emp-east"})");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  nlohmann::json items;
  while (std::chrono::steady_clock::now() < deadline) {
    items = Json("/v1/customers", admin_)["items"];
    if (items.size() == 4) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[3]["id"], "late");
}

TEST_F(ListRoutesTest, DecisionTreesShowRolesStanceOverTimeAndReportsTo) {
  stack_.Command("AddContact", R"({"id":"cfo-east","customer_id":"cust-east","name":"Lee","title":"CFO"})");
  stack_.Command("SetContactRole", R"({"contact_id":"cfo-east","opportunity_id":"opp-east",
      "role":"economic_buyer","influence":4,"stance":"neutral","reports_to":"contact-east"})");
  stack_.Command("ChangeContactStance",
                 R"({"contact_id":"contact-east","opportunity_id":"opp-east","stance":"champion"})");
  stack_.Command("SetContactRole", R"({"contact_id":"contact-east","role":"user"})");
  stack_.WaitCaughtUp();
  const nlohmann::json tree = Json("/v1/opportunities/opp-east/decision-tree", admin_);
  EXPECT_EQ(tree["opportunity_id"], "opp-east");
  EXPECT_EQ(tree["customer_id"], "cust-east");
  ASSERT_EQ(tree["contacts"].size(), 2u);
  const nlohmann::json& dm = tree["contacts"][0];
  EXPECT_EQ(dm["contact_id"], "contact-east");
  EXPECT_EQ(dm["title"], "CTO");
  EXPECT_EQ(dm["role"], "decision_maker");
  EXPECT_EQ(dm["influence"], 5);
  EXPECT_EQ(dm["stance"], "champion");
  ASSERT_EQ(dm["stance_history"].size(), 2u);
  EXPECT_EQ(dm["stance_history"][0]["stance"], "supporter");
  EXPECT_EQ(dm["stance_history"][1]["stance"], "champion");
  EXPECT_EQ(tree["contacts"][1]["role"], "economic_buyer");
  ASSERT_EQ(tree["edges"].size(), 1u);
  EXPECT_EQ(tree["edges"][0]["from"], "cfo-east");
  EXPECT_EQ(tree["edges"][0]["to"], "contact-east");
  // The customer's own committee is a separate tree.
  const nlohmann::json own = Json("/v1/customers/cust-east/decision-tree", admin_);
  ASSERT_EQ(own["contacts"].size(), 1u);
  EXPECT_EQ(own["contacts"][0]["role"], "user");
  EXPECT_TRUE(Json("/v1/customers/cust-west/decision-tree", admin_)["contacts"].empty());
  // Scope, unknown and malformed ids.
  const std::string sales = stack_.Token(Role::kSales, "emp-east");
  EXPECT_EQ(stack_.Get("/v1/opportunities/opp-east/decision-tree", sales).status, 200);
  Response hidden = stack_.Get("/v1/opportunities/opp-west/decision-tree", sales);
  Response missing = stack_.Get("/v1/opportunities/opp-none/decision-tree", sales);
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(ParseJson(hidden.body)["detail"], "no opportunity with id 'opp-west'");
  EXPECT_EQ(stack_.Get("/v1/opportunities/bad%20id/decision-tree", admin_).status, 400);
  EXPECT_EQ(stack_.Get("/v1/opportunities/opp-east/decision-tree?x=1", admin_).status, 400);
}

TEST(RecordIndexSnapshotTest, SaveAndLoadKeepEveryRowAndTree) {
  FullStack stack;
  projections::RecordIndexProjection built;
  auto all = stack.log().ReadAll({1}, 100000, {});
  ASSERT_TRUE(all.ok());
  for (const auto& e : all->events) built.Apply(e);
  std::string bytes;
  built.Save(&bytes);
  projections::RecordIndexProjection loaded;
  ASSERT_TRUE(loaded.Load(bytes).ok());
  std::string again;
  loaded.Save(&again);
  EXPECT_EQ(again, bytes);
  for (projections::ListCollection c : projections::kListCollections) {
    ASSERT_EQ(loaded.index().rows(c).size(), built.index().rows(c).size());
    EXPECT_FALSE(built.index().rows(c).empty()) << projections::CollectionName(c);
  }
  ASSERT_NE(loaded.index().OpportunityTree("opp-east"), nullptr);
  EXPECT_EQ(loaded.index().OpportunityTree("opp-east")->members[0].stance, "supporter");
  EXPECT_EQ(built.undecodable(), 0u);
  EXPECT_FALSE(loaded.Load(bytes.substr(0, bytes.size() / 2)).ok());
  // A rebuild beside the live instance lists the same.
  const std::string admin = stack.Token(Role::kAdmin, "root");
  const std::string before = stack.Get("/v1/opportunities", admin).body;
  ASSERT_TRUE(stack.lists().Rebuild().ok());
  EXPECT_EQ(stack.Get("/v1/opportunities", admin).body, before);
}

}  // namespace
}  // namespace dealstream::api::testing
