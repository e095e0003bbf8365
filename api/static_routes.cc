// GET /, /dashboard and /dashboard/... : the compiled-in dashboard files.
#include "api/static_routes.h"

#include <algorithm>
#include <string>

#include "api/openapi_doc.h"

namespace dealstream::api {
namespace {

using nlohmann::json;

// The page may load only its own files and talk only to this server; it
// may not be framed. Styles set through the DOM (element.style) are not
// inline styles in CSP's sense and stay allowed.
constexpr char kPolicy[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

// `path` is one or two decoded path segments; a '/' inside a segment
// (sent as %2F) is not a folder separator, so such a name never matches.
const StaticAsset* Find(std::span<const StaticAsset> assets, std::string_view path,
                        size_t segments = 1) {
  if (static_cast<size_t>(std::count(path.begin(), path.end(), '/')) != segments - 1) return nullptr;
  auto it = std::lower_bound(assets.begin(), assets.end(), path,
                             [](const StaticAsset& a, std::string_view p) { return a.path < p; });
  return it != assets.end() && it->path == path ? &*it : nullptr;
}

// True if the If-None-Match value lists `etag` (weak comparison, RFC 9110
// §13.1.2) or is "*".
bool NoneMatchHits(std::string_view header, std::string_view etag) {
  size_t i = 0;
  while (i < header.size()) {
    while (i < header.size() && (header[i] == ' ' || header[i] == '\t' || header[i] == ',')) ++i;
    size_t end = header.find(',', i);
    if (end == std::string_view::npos) end = header.size();
    std::string_view tag = header.substr(i, end - i);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag == "*") return true;
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (!tag.empty() && tag == etag) return true;
    i = end;
  }
  return false;
}

Response Serve(const RouteContext& ctx, const StaticAsset* asset) {
  if (asset == nullptr) {
    return ctx.Problem(404, "no_asset", "the dashboard has no file at " + ctx.target.path);
  }
  Response r;
  r.headers.Set("ETag", std::string(asset->etag));
  // Revalidate on every use: a rebuilt server serves its new files at once.
  r.headers.Set("Cache-Control", "no-cache");
  r.headers.Set("X-Content-Type-Options", "nosniff");
  if (auto given = ctx.request.headers.Get("If-None-Match"); given && NoneMatchHits(*given, asset->etag)) {
    r.status = 304;
    return r;
  }
  r.headers.Set("Content-Type", std::string(asset->content_type));
  if (asset->content_type.rfind("text/html", 0) == 0) {
    r.headers.Set("Content-Security-Policy", kPolicy);
    r.headers.Set("Referrer-Policy", "no-referrer");
  }
  r.body = std::string(asset->body);
  return r;
}

json Doc(const std::string& id, const std::string& summary, json params) {
  using namespace doc;
  json content = json::object();
  for (const char* type : {"text/html", "text/css", "text/javascript", "application/json",
                           "image/svg+xml", "image/png", "image/x-icon", "font/woff2"}) {
    content[type] = {{"schema", {{"type", "string"}}}};
  }
  json etag = {{"description", "strong validator: the SHA-256 of the file"},
               {"schema", {{"type", "string"}}}};
  json responses = {
      {"200", {{"description", "the file"}, {"headers", {{"ETag", etag}}}, {"content", content}}},
      {"304", {{"description", "not modified: If-None-Match named the current ETag"},
               {"headers", {{"ETag", etag}}}}}};
  AddProblems(responses, {404});
  json op = {{"summary", summary},
             {"operationId", id},
             {"tags", {"dashboard"}},
             {"parameters", std::move(params)},
             {"responses", std::move(responses)}};
  op["parameters"].push_back(HeaderParam("If-None-Match", "ETags the client holds",
                                         {{"type", "string"}}));
  return op;
}

json NameParam(const std::string& name, const std::string& what) {
  return doc::PathParam(name, what, {{"type", "string"}});
}

}  // namespace

RouteGroup StaticRoutes(std::span<const StaticAsset> assets) {
  RouteGroup group;
  auto index = [assets](const RouteContext& ctx) { return Serve(ctx, Find(assets, "index.html")); };
  group.push_back(Route{.method = "GET",
                        .pattern = "/",
                        .permission = Permission::kPublic,
                        .handler = Sync(index),
                        .openapi = Doc("dashboard", "The managers' dashboard (HTML)", json::array())});
  group.push_back(Route{.method = "GET",
                        .pattern = "/dashboard",
                        .permission = Permission::kPublic,
                        .handler = Sync(index),
                        .openapi = Doc("dashboard_index", "The managers' dashboard (HTML)",
                                       json::array())});
  group.push_back(Route{
      .method = "GET",
      .pattern = "/dashboard/{file}",
      .permission = Permission::kPublic,
      .handler = Sync([assets](const RouteContext& ctx) {
        return Serve(ctx, Find(assets, ctx.Param("file")));
      }),
      .openapi = Doc("dashboard_file", "A file of the dashboard",
                     json::array({NameParam("file", "the file's name, e.g. app.css")}))});
  group.push_back(Route{
      .method = "GET",
      .pattern = "/dashboard/{dir}/{file}",
      .permission = Permission::kPublic,
      .handler = Sync([assets](const RouteContext& ctx) {
        return Serve(ctx, Find(assets, ctx.Param("dir") + "/" + ctx.Param("file"), 2));
      }),
      .openapi = Doc("dashboard_dir_file", "A file in a folder of the dashboard",
                     json::array({NameParam("dir", "the folder, e.g. js"),
                                  NameParam("file", "the file's name, e.g. app.js")}))});
  return group;
}

}  // namespace dealstream::api
