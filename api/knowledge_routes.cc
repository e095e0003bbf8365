#include "api/knowledge_routes.h"

#include "api/json_util.h"
#include "api/openapi_doc.h"
#include "api/query_params.h"
#include "codec/json_codec.h"

namespace dealstream::api {
namespace {

using domain::KnowledgeKind;
using domain::KnowledgeLink;
using domain::KnowledgeLinkTarget;

constexpr size_t kMaxQueryText = 1000;

// "opportunity:o1" → {kOpportunity, "o1"}; nullopt when malformed.
std::optional<KnowledgeLink> ParseLink(const std::string& text) {
  const size_t colon = text.find(':');
  if (colon == std::string::npos) return std::nullopt;
  KnowledgeLink link;
  if (!domain::EnumFromName(std::string_view(text).substr(0, colon), &link.target)) {
    return std::nullopt;
  }
  link.id.value = text.substr(colon + 1);
  auto valid = eventstore::StreamName::Make("x", link.id.value);
  if (!valid.ok()) return std::nullopt;
  return link;
}

nlohmann::json HitJson(const projections::KnowledgeHit& hit) {
  nlohmann::json a = ParseJson(codec::EncodeJson(hit.article));
  for (const char* internal : {"exists", "withdrawn", "body"}) a.erase(internal);
  a["score"] = hit.score;
  a["snippet"] = hit.snippet;
  return a;
}

Response Search(const projections::KnowledgeSearch& search, const RouteContext& ctx) {
  QueryParams query(ctx, {"q", "kind", "tag", "linked_to", "limit"});
  projections::KnowledgeQuery q;
  q.text = query.String("q").value_or("");
  if (q.text.size() > kMaxQueryText) {
    query.Fail("q", "q: at most " + std::to_string(kMaxQueryText) + " characters");
  }
  if (auto kind = query.String("kind")) {
    KnowledgeKind k;
    if (domain::EnumFromName(*kind, &k)) q.kind = k;
    else query.Fail("kind", "kind must be won_deal_lesson, lost_deal_lesson, "
                            "competitor_intelligence or product_answer, not '" + *kind + "'");
  }
  if (auto tag = query.String("tag")) {
    if (domain::IsValidArticleTag(*tag)) q.tag = *tag;
    else query.Fail("tag", "tag must be lower-case [a-z0-9_-], not '" + *tag + "'");
  }
  if (auto linked = query.String("linked_to")) {
    q.linked_to = ParseLink(*linked);
    if (!q.linked_to) {
      query.Fail("linked_to", "linked_to must be opportunity:ID, competitor:ID or product:ID, "
                              "not '" + *linked + "'");
    }
  }
  q.limit = query.Uint("limit", projections::kDefaultKnowledgeHits, 1,
                       projections::kMaxKnowledgeHits);
  if (!query.ok()) return query.Problem();
  const projections::KnowledgeResults results = search.Search(q);
  nlohmann::json articles = nlohmann::json::array();
  for (const projections::KnowledgeHit& hit : results.hits) articles.push_back(HitJson(hit));
  return JsonResponse(200, DumpJson({{"articles", std::move(articles)}, {"total", results.total}}));
}

nlohmann::json SearchDoc() {
  using namespace doc;
  json article = {
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "string"}}},
        {"kind", {{"type", "string"}}},
        {"title", {{"type", "string"}}},
        {"tags", {{"type", "array"}, {"items", {{"type", "string"}}}}},
        {"links", {{"type", "array"}, {"items", {{"type", "object"}}}}},
        {"author_id", {{"type", "string"}}},
        {"revision", {{"type", "integer"}}},
        {"published_at", {{"type", "string"}}},
        {"score", {{"type", "integer"}}},
        {"snippet", {{"type", "string"}}}}}};
  json body = {{"type", "object"},
               {"required", {"articles", "total"}},
               {"properties",
                {{"articles", {{"type", "array"}, {"items", article}}},
                 {"total", {{"type", "integer"}, {"minimum", 0}}}}}};
  json responses = {{"200", JsonBody("published articles matching every word, best first", body)}};
  AddProblems(responses, {400});
  return {
      {"summary", "Search the knowledge base"},
      {"operationId", "search_knowledge_articles"},
      {"tags", {"records"}},
      {"parameters",
       {QueryParam("q", "words; each must prefix a word of the title, tags or body",
                   {{"type", "string"}, {"maxLength", kMaxQueryText}}),
        QueryParam("kind", "only articles of this kind",
                   {{"type", "string"},
                    {"enum", {"won_deal_lesson", "lost_deal_lesson", "competitor_intelligence",
                              "product_answer"}}}),
        QueryParam("tag", "only articles with this tag",
                   {{"type", "string"}, {"pattern", "^[a-z0-9][a-z0-9_-]{0,39}$"}}),
        QueryParam("linked_to", "only articles linked to this record: opportunity:ID, "
                                "competitor:ID or product:ID",
                   {{"type", "string"},
                    {"pattern", "^(opportunity|competitor|product):[A-Za-z0-9_.-]{1,64}$"}}),
        QueryParam("limit", "most articles (default 20)",
                   {{"type", "integer"}, {"minimum", 1},
                    {"maximum", projections::kMaxKnowledgeHits}})}},
      {"responses", responses}};
}

}  // namespace

RouteGroup KnowledgeRoutes(const projections::KnowledgeSearch& search) {
  return {Route{.method = "GET",
                .pattern = "/v1/knowledge-articles",
                .permission = Permission::kRecords,
                .handler = Sync([&search](const RouteContext& ctx) { return Search(search, ctx); }),
                .openapi = SearchDoc()}};
}

}  // namespace dealstream::api
