// KnowledgeSearch: the knowledge base's text search (DESIGN §2.9). A read
// model of the "knowledge_article" streams, kept in memory: each article's
// current state (folded with the aggregate's own Evolve) and the words of
// its title, body and tags. It reads the log from the start when created
// (articles are few beside deals) and then follows it live.
//
// Matching is simple and predictable: the query and the articles are cut
// into words (runs of ASCII letters and digits, lower-cased; bytes of
// multi-byte UTF-8 characters count as letters), and an article matches
// when every query word is a prefix of one of its words ("price" finds
// "pricing"). Score: 3 per query word found in the title, 2 in the tags,
// 1 in the body. Withdrawn articles are never found.
//
// Thread-safe: Search may be called from any thread while the
// subscription thread applies events.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/knowledge/knowledge_article.h"
#include "eventstore/event_log.h"
#include "eventstore/subscription.h"

namespace dealstream::projections {

inline constexpr size_t kDefaultKnowledgeHits = 20;
inline constexpr size_t kMaxKnowledgeHits = 100;
inline constexpr size_t kMaxQueryWords = 16;

struct KnowledgeQuery {
  std::string text;  // empty = every published article, newest first
  std::optional<domain::KnowledgeKind> kind;
  std::optional<domain::KnowledgeLink> linked_to;
  std::optional<std::string> tag;
  size_t limit = kDefaultKnowledgeHits;  // 1..kMaxKnowledgeHits
};

struct KnowledgeHit {
  domain::KnowledgeArticleState article;
  int32_t score = 0;
  std::string snippet;  // the body around the first query word found
};

struct KnowledgeResults {
  std::vector<KnowledgeHit> hits;  // best first; ties: most recently changed first
  size_t total = 0;                // matches before the limit
};

// The words of `text`, lower-cased, in order (duplicates kept).
std::vector<std::string> KnowledgeWords(std::string_view text);

class KnowledgeSearch {
 public:
  // `log` must outlive the search.
  explicit KnowledgeSearch(const eventstore::EventLog& log);
  ~KnowledgeSearch();
  KnowledgeSearch(const KnowledgeSearch&) = delete;
  KnowledgeSearch& operator=(const KnowledgeSearch&) = delete;

  KnowledgeResults Search(const KnowledgeQuery& query) const;

  // True once the whole log was read once.
  bool caught_up() const { return subscription_->caught_up(); }
  // Blocks until every event up to `position` is searchable, or the timeout.
  bool WaitForPosition(uint64_t position, std::chrono::milliseconds timeout) const;
  // Events that could not be decoded (a schema the build does not know).
  uint64_t undecodable() const;

 private:
  struct Entry {
    domain::KnowledgeArticleState state;
    Timestamp changed_at;
    std::set<std::string> title_words;
    std::set<std::string> tag_words;
    std::set<std::string> body_words;
  };

  void Apply(const eventstore::RecordedEvent& event);

  mutable std::mutex mu_;
  std::map<std::string, Entry, std::less<>> articles_;
  uint64_t undecodable_ = 0;
  std::unique_ptr<eventstore::CatchUpSubscription> subscription_;  // last: starts the thread
};

}  // namespace dealstream::projections
