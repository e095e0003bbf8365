// The dashboard's static routes through the real pipeline (Api::Handle):
// content types, ETag revalidation, public access, and that a name outside
// the compiled-in table — traversal attempts included — is a 404.
#include <gtest/gtest.h>

#include <future>

#include "api/api.h"
#include "api/static_routes.h"
#include "api/token_table.h"
#include "eventstore/memory_event_log.h"

namespace dealstream::api {
namespace {

constexpr StaticAsset kAssets[] = {
    {"app.css", "text/css; charset=utf-8", "\"c55\"", "body{}"},
    {"index.html", "text/html; charset=utf-8", "\"1dx\"", "<!doctype html><title>x</title>"},
    {"js/main.js", "text/javascript; charset=utf-8", "\"a1\"", "export {};"},
};

class StaticRoutesTest : public ::testing::Test {
 protected:
  StaticRoutesTest() : tokens_(log_), api_(tokens_, nullptr, metrics_) {
    api_.AddRoutes(StaticRoutes(kAssets));
  }

  Response Get(std::string target, std::string if_none_match = "") {
    Request r{.method = "GET", .target = std::move(target)};
    if (!if_none_match.empty()) r.headers.Set("If-None-Match", if_none_match);
    std::promise<Response> promise;
    api_.Handle(std::move(r), [&](Response response) { promise.set_value(std::move(response)); });
    return promise.get_future().get();
  }

  eventstore::MemoryEventLog log_;
  TokenTable tokens_;
  Metrics metrics_;
  Api api_;
};

TEST_F(StaticRoutesTest, RootAndDashboardServeTheIndexWithoutAToken) {
  for (const char* target : {"/", "/dashboard", "/dashboard/", "/dashboard/index.html"}) {
    Response r = Get(target);
    EXPECT_EQ(r.status, 200) << target;
    EXPECT_EQ(r.body, "<!doctype html><title>x</title>") << target;
    EXPECT_EQ(r.headers.Get("Content-Type").value_or(""), "text/html; charset=utf-8");
    EXPECT_EQ(r.headers.Get("ETag").value_or(""), "\"1dx\"");
    EXPECT_EQ(r.headers.Get("Cache-Control").value_or(""), "no-cache");
    EXPECT_NE(r.headers.Get("Content-Security-Policy").value_or("").find("default-src 'self'"),
              std::string::npos);
  }
}

TEST_F(StaticRoutesTest, FilesCarryTheirContentType) {
  Response css = Get("/dashboard/app.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.headers.Get("Content-Type").value_or(""), "text/css; charset=utf-8");
  EXPECT_EQ(css.headers.Get("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_FALSE(css.headers.Get("Content-Security-Policy"));
  Response js = Get("/dashboard/js/main.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "export {};");
  EXPECT_EQ(js.headers.Get("Content-Type").value_or(""), "text/javascript; charset=utf-8");
}

TEST_F(StaticRoutesTest, IfNoneMatchWithTheCurrentTagAnswers304) {
  Response same = Get("/dashboard/app.css", "\"c55\"");
  EXPECT_EQ(same.status, 304);
  EXPECT_TRUE(same.body.empty());
  EXPECT_EQ(same.headers.Get("ETag").value_or(""), "\"c55\"");
  EXPECT_EQ(Get("/dashboard/app.css", "\"old\", W/\"c55\"").status, 304);
  EXPECT_EQ(Get("/dashboard/app.css", "*").status, 304);
  EXPECT_EQ(Get("/dashboard/app.css", "\"old\"").status, 200);
  EXPECT_EQ(Get("/dashboard/app.css", "c55").status, 200);  // unquoted: not the tag
}

TEST_F(StaticRoutesTest, NamesOutsideTheTableAre404) {
  for (const char* target :
       {"/dashboard/missing.js", "/dashboard/js/missing.js", "/dashboard/../index.html",
        "/dashboard/js/..%2F..%2Findex.html", "/dashboard/%2e%2e/app.css",
        "/dashboard/js%2Fmain.js", "/dashboard/JS/main.js", "/dashboard/a/b/c.js"}) {
    Response r = Get(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.headers.Get("Content-Type").value_or(""), "application/problem+json") << target;
  }
}

TEST_F(StaticRoutesTest, OnlyGetIsServed) {
  Request r{.method = "POST", .target = "/dashboard/app.css"};
  std::promise<Response> promise;
  api_.Handle(std::move(r), [&](Response response) { promise.set_value(std::move(response)); });
  Response answer = promise.get_future().get();
  EXPECT_EQ(answer.status, 405);
  EXPECT_EQ(answer.headers.Get("Allow").value_or(""), "GET");
}

TEST(DashboardAssetsTest, TheBuiltInDashboardHasItsEntryPoints) {
  std::span<const StaticAsset> assets = DashboardAssets();
  ASSERT_FALSE(assets.empty());
  for (size_t i = 1; i < assets.size(); ++i) EXPECT_LT(assets[i - 1].path, assets[i].path);
  auto find = [&](std::string_view path) -> const StaticAsset* {
    for (const StaticAsset& a : assets) {
      if (a.path == path) return &a;
    }
    return nullptr;
  };
  const StaticAsset* index = find("index.html");
  ASSERT_NE(index, nullptr);
  EXPECT_NE(index->body.find("/dashboard/js/main.js"), std::string_view::npos);
  ASSERT_NE(find("js/main.js"), nullptr);
  EXPECT_EQ(find("js/main.js")->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(find("app.css")->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(find("README.md"), nullptr);
  for (const StaticAsset& a : assets) {
    EXPECT_EQ(a.etag.size(), 66u) << a.path;  // a quoted SHA-256 in hex
    EXPECT_FALSE(a.body.empty()) << a.path;
  }
}

}  // namespace
}  // namespace dealstream::api
