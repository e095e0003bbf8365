// The knowledge article aggregate (stream category "knowledge_article";
// DESIGN §2.9). Articles are company knowledge: every role may read them,
// and the search read model (projections/knowledge_search.h) finds the
// published ones by text.
//
// Rules (each a DomainError code):
//   id_required / article_exists / article_not_found
//   title_blank / body_blank
//   tag_invalid            a tag is not [a-z0-9][a-z0-9_-]* (lower case)
//   tag_duplicate / too_many_tags (more than kMaxArticleTags)
//   too_many_links (more than kMaxArticleLinks) / link_duplicate
//   opportunity_not_found / competitor_not_found / product_not_found
//                          a link names no such record (the link's id field)
//   article_withdrawn      revising, linking or withdrawing a withdrawn article
//   nothing_to_revise      the revision changes nothing
//   already_linked / link_not_found
//   reason_required        withdrawing without a reason
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "domain/common/aggregate.h"
#include "domain/knowledge/knowledge_article_commands.h"
#include "domain/knowledge/knowledge_article_events.h"

namespace dealstream::domain {

struct KnowledgeArticleState {
  bool exists = false;
  Id id;
  KnowledgeKind kind = KnowledgeKind::kWonDealLesson;
  std::string title;
  std::string body;
  std::vector<std::string> tags;
  std::vector<KnowledgeLink> links;
  Id author_id;
  int32_t revision = 0;  // 1 once published, +1 per revision
  Timestamp published_at;
  std::optional<Timestamp> revised_at;
  bool withdrawn = false;
};
// What record views show (the codec renders it).
constexpr auto Fields(const KnowledgeArticleState*) {
  using T = KnowledgeArticleState;
  return std::tuple{F("exists", &T::exists),       F("id", &T::id),
                    F("kind", &T::kind),           F("title", &T::title),
                    F("body", &T::body),           F("tags", &T::tags),
                    F("links", &T::links),         F("author_id", &T::author_id),
                    F("revision", &T::revision),   F("published_at", &T::published_at),
                    F("revised_at", &T::revised_at), F("withdrawn", &T::withdrawn)};
}

struct KnowledgeArticleAggregate {
  static constexpr std::string_view kCategory = "knowledge_article";
  using State = KnowledgeArticleState;
  using Command = std::variant<PublishKnowledgeArticle, ReviseKnowledgeArticle,
                               LinkKnowledgeArticle, UnlinkKnowledgeArticle,
                               WithdrawKnowledgeArticle>;
  using Event = std::variant<KnowledgeArticlePublished, KnowledgeArticleRevised,
                             KnowledgeArticleLinked, KnowledgeArticleUnlinked,
                             KnowledgeArticleWithdrawn>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// True if `tag` is a valid tag: 1–kMaxArticleTag characters of
// [a-z0-9_-], starting with a letter or digit.
bool IsValidArticleTag(std::string_view tag);

}  // namespace dealstream::domain
