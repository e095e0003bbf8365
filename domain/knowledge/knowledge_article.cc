#include "domain/knowledge/knowledge_article.h"

#include <algorithm>
#include <set>

#include "domain/common/change.h"
#include "domain/common/checks.h"
#include "domain/common/text_rules.h"

namespace dealstream::domain {
namespace {

using Event = KnowledgeArticleAggregate::Event;
using Outcome = Decision<Event>;

Outcome Refuse(DomainError error) { return Unexpected(std::move(error)); }

std::optional<DomainError> CheckTags(const std::vector<std::string>& tags) {
  if (tags.size() > kMaxArticleTags) {
    return Invalid("too_many_tags", "tags",
                   "tags: at most " + std::to_string(kMaxArticleTags) + " tags");
  }
  std::set<std::string_view> seen;
  for (size_t i = 0; i < tags.size(); ++i) {
    const std::string field = "tags[" + std::to_string(i) + "]";
    if (!IsValidArticleTag(tags[i])) {
      return Invalid("tag_invalid", field,
                     field + ": \"" + tags[i] + "\" is not a tag: lower-case [a-z0-9_-], "
                     "starting with a letter or digit");
    }
    if (!seen.insert(tags[i]).second) {
      return Invalid("tag_duplicate", field, field + ": \"" + tags[i] + "\" is listed twice");
    }
  }
  return std::nullopt;
}

// The linked record exists (the link's own field path is `field`).
std::optional<DomainError> CheckLinkTarget(const Directory& directory, const KnowledgeLink& link,
                                           const std::string& field) {
  const std::string kind(NameOf(link.target));
  bool found = false;
  switch (link.target) {
    case KnowledgeLinkTarget::kOpportunity: found = directory.FindOpportunity(link.id).has_value(); break;
    case KnowledgeLinkTarget::kCompetitor: found = directory.FindCompetitor(link.id).has_value(); break;
    case KnowledgeLinkTarget::kProduct: found = directory.FindProduct(link.id).has_value(); break;
  }
  if (found) return std::nullopt;
  return NotFound(kind + "_not_found", field,
                  field + ": no " + kind + " with id \"" + link.id.value + "\"");
}

std::optional<DomainError> CheckLinks(const Directory& directory,
                                      const std::vector<KnowledgeLink>& links) {
  if (links.size() > kMaxArticleLinks) {
    return Invalid("too_many_links", "links",
                   "links: at most " + std::to_string(kMaxArticleLinks) + " links");
  }
  for (size_t i = 0; i < links.size(); ++i) {
    const std::string field = "links[" + std::to_string(i) + "]";
    if (std::find(links.begin(), links.begin() + static_cast<ptrdiff_t>(i), links[i]) !=
        links.begin() + static_cast<ptrdiff_t>(i)) {
      return Invalid("link_duplicate", field, field + ": the same record is linked twice");
    }
    if (auto e = CheckLinkTarget(directory, links[i], field + ".id")) return e;
  }
  return std::nullopt;
}

// The article exists and has not been withdrawn.
std::optional<DomainError> RequireLive(const KnowledgeArticleState& state) {
  if (!state.exists) {
    return NotFound("article_not_found", "article_id", "article_id: no such knowledge article");
  }
  if (state.withdrawn) {
    return RuleViolated("article_withdrawn", "article_id",
                        "article_id: the article was withdrawn; publish a new one instead");
  }
  return std::nullopt;
}

bool IsLinked(const KnowledgeArticleState& state, const KnowledgeLink& link) {
  return std::find(state.links.begin(), state.links.end(), link) != state.links.end();
}

Outcome DecideOne(const KnowledgeArticleState& state, const PublishKnowledgeArticle& c,
                  const DecideContext& ctx) {
  if (!c.id) {
    return Refuse(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Refuse(AlreadyExists("article_exists", "knowledge article \"" + c.id->value + "\" exists"));
  }
  if (IsBlank(c.title)) return Refuse(Invalid("title_blank", "title", "title: must not be blank"));
  if (IsBlank(c.body)) return Refuse(Invalid("body_blank", "body", "body: must not be blank"));
  const std::vector<std::string> tags = c.tags.value_or(std::vector<std::string>{});
  if (auto e = CheckTags(tags)) return Refuse(*e);
  const std::vector<KnowledgeLink> links = c.links.value_or(std::vector<KnowledgeLink>{});
  if (auto e = CheckLinks(ctx.directory, links)) return Refuse(*e);
  return Emit<Event>(
      KnowledgeArticlePublished{*c.id, c.kind, c.title, c.body, tags, links, ctx.actor});
}

Outcome DecideOne(const KnowledgeArticleState& state, const ReviseKnowledgeArticle& c,
                  const DecideContext& ctx) {
  if (auto e = RequireLive(state)) return Refuse(*e);
  if (c.title && IsBlank(*c.title)) {
    return Refuse(Invalid("title_blank", "title", "title: must not be blank"));
  }
  if (c.body && IsBlank(*c.body)) {
    return Refuse(Invalid("body_blank", "body", "body: must not be blank"));
  }
  if (c.tags) {
    if (auto e = CheckTags(*c.tags)) return Refuse(*e);
  }
  KnowledgeArticleRevised event{c.article_id, state.revision + 1};
  if (c.title && *c.title != state.title) {
    event.title = c.title;
    event.previous_title = state.title;
  }
  if (c.body && *c.body != state.body) event.body = c.body;
  if (c.tags && *c.tags != state.tags) {
    event.tags = c.tags;
    event.previous_tags = state.tags;
  }
  if (!event.title && !event.body && !event.tags) {
    return Refuse(RuleViolated("nothing_to_revise", "",
                               "the revision changes neither the title, the body nor the tags"));
  }
  event.note = NonEmpty(c.note);
  event.revised_by = ctx.actor;
  return Emit<Event>(std::move(event));
}

Outcome DecideOne(const KnowledgeArticleState& state, const LinkKnowledgeArticle& c,
                  const DecideContext& ctx) {
  if (auto e = RequireLive(state)) return Refuse(*e);
  const KnowledgeLink link{c.target, c.target_id};
  if (auto e = CheckLinkTarget(ctx.directory, link, "target_id")) return Refuse(*e);
  if (IsLinked(state, link)) {
    return Refuse(RuleViolated("already_linked", "target_id",
                               "target_id: the article is linked to this " +
                                   std::string(NameOf(c.target)) + " already"));
  }
  if (state.links.size() >= kMaxArticleLinks) {
    return Refuse(RuleViolated("too_many_links", "target_id",
                               "target_id: the article has " + std::to_string(kMaxArticleLinks) +
                                   " links, the most it may have"));
  }
  return Emit<Event>(KnowledgeArticleLinked{c.article_id, link});
}

Outcome DecideOne(const KnowledgeArticleState& state, const UnlinkKnowledgeArticle& c,
                  const DecideContext&) {
  if (auto e = RequireLive(state)) return Refuse(*e);
  const KnowledgeLink link{c.target, c.target_id};
  if (!IsLinked(state, link)) {
    return Refuse(NotFound("link_not_found", "target_id",
                           "target_id: the article is not linked to this " +
                               std::string(NameOf(c.target))));
  }
  return Emit<Event>(KnowledgeArticleUnlinked{c.article_id, link});
}

Outcome DecideOne(const KnowledgeArticleState& state, const WithdrawKnowledgeArticle& c,
                  const DecideContext&) {
  if (auto e = RequireLive(state)) return Refuse(*e);
  if (auto e = CheckNotBlank(c.reason, "reason")) return Refuse(*e);
  return Emit<Event>(KnowledgeArticleWithdrawn{c.article_id, c.reason});
}

void EvolveOne(KnowledgeArticleState& s, const KnowledgeArticlePublished& e, Timestamp at) {
  s.exists = true;
  s.id = e.article_id;
  s.kind = e.kind;
  s.title = e.title;
  s.body = e.body;
  s.tags = e.tags;
  s.links = e.links;
  s.author_id = e.author_id;
  s.revision = 1;
  s.published_at = at;
}
void EvolveOne(KnowledgeArticleState& s, const KnowledgeArticleRevised& e, Timestamp at) {
  if (e.title) s.title = *e.title;
  if (e.body) s.body = *e.body;
  if (e.tags) s.tags = *e.tags;
  s.revision = e.revision;
  s.revised_at = at;
}
void EvolveOne(KnowledgeArticleState& s, const KnowledgeArticleLinked& e, Timestamp) {
  if (!IsLinked(s, e.link)) s.links.push_back(e.link);
}
void EvolveOne(KnowledgeArticleState& s, const KnowledgeArticleUnlinked& e, Timestamp) {
  std::erase(s.links, e.link);
}
void EvolveOne(KnowledgeArticleState& s, const KnowledgeArticleWithdrawn&, Timestamp) {
  s.withdrawn = true;
}

}  // namespace

bool IsValidArticleTag(std::string_view tag) {
  if (tag.empty() || tag.size() > kMaxArticleTag) return false;
  auto letter_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!letter_or_digit(tag[0])) return false;
  return std::all_of(tag.begin(), tag.end(),
                     [&](char c) { return letter_or_digit(c) || c == '_' || c == '-'; });
}

Decision<Event> KnowledgeArticleAggregate::Decide(const State& state, const Command& command,
                                                  const DecideContext& ctx) {
  return std::visit([&](const auto& c) { return DecideOne(state, c, ctx); }, command);
}

void KnowledgeArticleAggregate::Evolve(State& state, const Event& event, Timestamp at) {
  std::visit([&](const auto& e) { EvolveOne(state, e, at); }, event);
}

}  // namespace dealstream::domain
