// Static files served beside the API: the managers' dashboard (DESIGN §1,
// §10: "GET / serves the dashboard"). The files are compiled into the
// binary at build time from the repository's dashboard/ folder, so the
// server needs no path to find them and serves exactly what it was built
// with.
//
//   api.AddRoutes(api::StaticRoutes(api::DashboardAssets()));
//
// Routes (public: a browser fetches them before it has a token; the data
// they show comes from the authenticated /v1 routes):
//   GET /, GET /dashboard        the asset "index.html"
//   GET /dashboard/{file}        the asset "{file}"
//   GET /dashboard/{dir}/{file}  the asset "{dir}/{file}"
// A name is looked up in the table as given; nothing is read from disk,
// so "..", encoded slashes and the like can only miss (404).
// Every answer carries a strong ETag (SHA-256 of the content) and
// Cache-Control: no-cache; If-None-Match with a matching tag answers 304.
#pragma once

#include <span>
#include <string_view>

#include "api/router.h"

namespace dealstream::api {

struct StaticAsset {
  std::string_view path;          // relative to dashboard/, '/'-separated: "js/api.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view etag;          // quoted: "\"<sha256 hex>\""
  std::string_view body;
};

// The dashboard's files, sorted by path; generated at build time
// (api/embed_assets.cmake). Static storage: valid for the program's life.
std::span<const StaticAsset> DashboardAssets();

// The routes above over `assets` (which must outlive the routes and hold
// an "index.html").
RouteGroup StaticRoutes(std::span<const StaticAsset> assets);

}  // namespace dealstream::api
