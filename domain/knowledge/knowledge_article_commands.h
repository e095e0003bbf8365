// Commands of the knowledge article aggregate (DESIGN §2.9): lessons from
// won and lost deals, competitor intelligence and product answers,
// published, revised, linked to opportunities, competitors and products,
// and withdrawn when they no longer hold.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

enum class KnowledgeKind { kWonDealLesson, kLostDealLesson, kCompetitorIntelligence, kProductAnswer };
constexpr auto EnumNames(KnowledgeKind) {
  return std::array{
      std::pair{KnowledgeKind::kWonDealLesson, std::string_view("won_deal_lesson")},
      std::pair{KnowledgeKind::kLostDealLesson, std::string_view("lost_deal_lesson")},
      std::pair{KnowledgeKind::kCompetitorIntelligence, std::string_view("competitor_intelligence")},
      std::pair{KnowledgeKind::kProductAnswer, std::string_view("product_answer")}};
}

// What an article can be linked to.
enum class KnowledgeLinkTarget { kOpportunity, kCompetitor, kProduct };
constexpr auto EnumNames(KnowledgeLinkTarget) {
  return std::array{std::pair{KnowledgeLinkTarget::kOpportunity, std::string_view("opportunity")},
                    std::pair{KnowledgeLinkTarget::kCompetitor, std::string_view("competitor")},
                    std::pair{KnowledgeLinkTarget::kProduct, std::string_view("product")}};
}

struct KnowledgeLink {
  KnowledgeLinkTarget target = KnowledgeLinkTarget::kOpportunity;
  Id id;
  bool operator==(const KnowledgeLink&) const = default;
};
constexpr auto Fields(const KnowledgeLink*) {
  using T = KnowledgeLink;
  return std::tuple{F("target", &T::target), F("id", &T::id).Doc("the linked record's id")};
}

// Bounds shared by commands and events.
inline constexpr uint32_t kMaxArticleTitle = 200;
inline constexpr uint32_t kMaxArticleBody = 20000;
inline constexpr uint32_t kMaxArticleTag = 40;
inline constexpr size_t kMaxArticleTags = 20;
inline constexpr size_t kMaxArticleLinks = 100;

struct PublishKnowledgeArticle {
  static constexpr std::string_view kType = "PublishKnowledgeArticle";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  KnowledgeKind kind = KnowledgeKind::kWonDealLesson;
  std::string title;
  std::string body;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::vector<KnowledgeLink>> links;
};
constexpr auto Fields(const PublishKnowledgeArticle*) {
  using T = PublishKnowledgeArticle;
  return std::tuple{
      F("id", &T::id).Doc("id of the new article; generated when absent"),
      F("kind", &T::kind),
      F("title", &T::title).MinLength(1).MaxLength(kMaxArticleTitle),
      F("body", &T::body).MinLength(1).MaxLength(kMaxArticleBody).Doc("plain text or Markdown"),
      F("tags", &T::tags).MaxLength(kMaxArticleTag).Doc("lower-case words: [a-z0-9][a-z0-9_-]*"),
      F("links", &T::links).Doc("opportunities, competitors and products the article is about")};
}

// Replaces the given parts: absent fields stay. Each revision is numbered.
struct ReviseKnowledgeArticle {
  static constexpr std::string_view kType = "ReviseKnowledgeArticle";
  static constexpr std::string_view kTargetField = "article_id";
  static constexpr bool kCreates = false;
  Id article_id;
  std::optional<std::string> title;
  std::optional<std::string> body;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::string> note;
};
constexpr auto Fields(const ReviseKnowledgeArticle*) {
  using T = ReviseKnowledgeArticle;
  return std::tuple{F("article_id", &T::article_id),
                    F("title", &T::title).MaxLength(kMaxArticleTitle),
                    F("body", &T::body).MaxLength(kMaxArticleBody),
                    F("tags", &T::tags).MaxLength(kMaxArticleTag).Doc("the whole new list; [] clears it"),
                    F("note", &T::note).MaxLength(4000).Doc("what changed and why")};
}

struct LinkKnowledgeArticle {
  static constexpr std::string_view kType = "LinkKnowledgeArticle";
  static constexpr std::string_view kTargetField = "article_id";
  static constexpr bool kCreates = false;
  Id article_id;
  KnowledgeLinkTarget target = KnowledgeLinkTarget::kOpportunity;
  Id target_id;
};
constexpr auto Fields(const LinkKnowledgeArticle*) {
  using T = LinkKnowledgeArticle;
  return std::tuple{F("article_id", &T::article_id), F("target", &T::target),
                    F("target_id", &T::target_id).Doc("an existing record of that kind")};
}

struct UnlinkKnowledgeArticle {
  static constexpr std::string_view kType = "UnlinkKnowledgeArticle";
  static constexpr std::string_view kTargetField = "article_id";
  static constexpr bool kCreates = false;
  Id article_id;
  KnowledgeLinkTarget target = KnowledgeLinkTarget::kOpportunity;
  Id target_id;
};
constexpr auto Fields(const UnlinkKnowledgeArticle*) {
  using T = UnlinkKnowledgeArticle;
  return std::tuple{F("article_id", &T::article_id), F("target", &T::target),
                    F("target_id", &T::target_id)};
}

// Takes the article out of search; it stays in history.
struct WithdrawKnowledgeArticle {
  static constexpr std::string_view kType = "WithdrawKnowledgeArticle";
  static constexpr std::string_view kTargetField = "article_id";
  static constexpr bool kCreates = false;
  Id article_id;
  std::string reason;
};
constexpr auto Fields(const WithdrawKnowledgeArticle*) {
  using T = WithdrawKnowledgeArticle;
  return std::tuple{F("article_id", &T::article_id),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

}  // namespace dealstream::domain
