// Events of the knowledge article aggregate.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/knowledge/knowledge_article_commands.h"

namespace dealstream::domain {

struct KnowledgeArticlePublished {
  static constexpr std::string_view kType = "crm.knowledge_article.published.v1";
  Id article_id;
  KnowledgeKind kind = KnowledgeKind::kWonDealLesson;
  std::string title;
  std::string body;
  std::vector<std::string> tags;
  std::vector<KnowledgeLink> links;
  Id author_id;
  bool operator==(const KnowledgeArticlePublished&) const = default;
};
constexpr auto Fields(const KnowledgeArticlePublished*) {
  using T = KnowledgeArticlePublished;
  return std::tuple{F("article_id", &T::article_id),
                    F("kind", &T::kind),
                    F("title", &T::title).MaxLength(kMaxArticleTitle),
                    F("body", &T::body).MaxLength(kMaxArticleBody),
                    F("tags", &T::tags).MaxLength(kMaxArticleTag),
                    F("links", &T::links),
                    F("author_id", &T::author_id).Doc("who published it")};
}

// Revision `revision` (the first publication is revision 1). Only the parts
// that changed are present; the title and tags with their previous values.
// The previous body is the one of the revision before, in the history.
struct KnowledgeArticleRevised {
  static constexpr std::string_view kType = "crm.knowledge_article.revised.v1";
  Id article_id;
  int32_t revision = 2;
  std::optional<std::string> title;
  std::optional<std::string> previous_title;
  std::optional<std::string> body;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::vector<std::string>> previous_tags;
  std::optional<std::string> note;
  Id revised_by;
  bool operator==(const KnowledgeArticleRevised&) const = default;
};
constexpr auto Fields(const KnowledgeArticleRevised*) {
  using T = KnowledgeArticleRevised;
  return std::tuple{F("article_id", &T::article_id),
                    F("revision", &T::revision).Range(2, 1000000),
                    F("title", &T::title).MaxLength(kMaxArticleTitle),
                    F("previous_title", &T::previous_title).MaxLength(kMaxArticleTitle),
                    F("body", &T::body).MaxLength(kMaxArticleBody),
                    F("tags", &T::tags).MaxLength(kMaxArticleTag),
                    F("previous_tags", &T::previous_tags).MaxLength(kMaxArticleTag),
                    F("note", &T::note).MaxLength(4000),
                    F("revised_by", &T::revised_by)};
}

struct KnowledgeArticleLinked {
  static constexpr std::string_view kType = "crm.knowledge_article.linked.v1";
  Id article_id;
  KnowledgeLink link;
  bool operator==(const KnowledgeArticleLinked&) const = default;
};
constexpr auto Fields(const KnowledgeArticleLinked*) {
  using T = KnowledgeArticleLinked;
  return std::tuple{F("article_id", &T::article_id), F("link", &T::link)};
}

struct KnowledgeArticleUnlinked {
  static constexpr std::string_view kType = "crm.knowledge_article.unlinked.v1";
  Id article_id;
  KnowledgeLink link;
  bool operator==(const KnowledgeArticleUnlinked&) const = default;
};
constexpr auto Fields(const KnowledgeArticleUnlinked*) {
  using T = KnowledgeArticleUnlinked;
  return std::tuple{F("article_id", &T::article_id), F("link", &T::link)};
}

struct KnowledgeArticleWithdrawn {
  static constexpr std::string_view kType = "crm.knowledge_article.withdrawn.v1";
  Id article_id;
  std::string reason;
  bool operator==(const KnowledgeArticleWithdrawn&) const = default;
};
constexpr auto Fields(const KnowledgeArticleWithdrawn*) {
  using T = KnowledgeArticleWithdrawn;
  return std::tuple{F("article_id", &T::article_id), F("reason", &T::reason).MaxLength(4000)};
}

}  // namespace dealstream::domain
