#include "projections/knowledge_search.h"

#include <algorithm>
#include <thread>

#include "codec/event_codec.h"

namespace dealstream::projections {
namespace {

using domain::KnowledgeArticleAggregate;

constexpr size_t kSnippetBefore = 60;
constexpr size_t kSnippetLength = 200;

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

std::set<std::string> WordSet(std::string_view text) {
  std::vector<std::string> words = KnowledgeWords(text);
  return {std::make_move_iterator(words.begin()), std::make_move_iterator(words.end())};
}

// True if some word of `words` starts with `prefix`.
bool HasPrefix(const std::set<std::string>& words, const std::string& prefix) {
  auto it = words.lower_bound(prefix);
  return it != words.end() && it->compare(0, prefix.size(), prefix) == 0;
}

// About kSnippetLength bytes of `body` around the first query word,
// cut at spaces and never inside a UTF-8 character.
std::string SnippetOf(const std::string& body, const std::vector<std::string>& query) {
  std::string lower(body);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  size_t hit = std::string::npos;
  for (const std::string& word : query) hit = std::min(hit, lower.find(word));
  size_t begin = hit == std::string::npos || hit < kSnippetBefore ? 0 : hit - kSnippetBefore;
  if (begin > 0) {
    const size_t space = body.find(' ', begin);
    begin = space == std::string::npos || space > hit ? begin : space + 1;
  }
  while (begin < body.size() && (static_cast<unsigned char>(body[begin]) & 0xC0) == 0x80) ++begin;
  size_t end = std::min(body.size(), begin + kSnippetLength);
  while (end < body.size() && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) --end;
  std::string snippet = body.substr(begin, end - begin);
  if (begin > 0) snippet = "…" + snippet;
  if (end < body.size()) snippet += "…";
  return snippet;
}

}  // namespace

std::vector<std::string> KnowledgeWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsWordByte(c)) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

KnowledgeSearch::KnowledgeSearch(const eventstore::EventLog& log) {
  subscription_ = std::make_unique<eventstore::CatchUpSubscription>(
      log, eventstore::GlobalPosition{1},
      eventstore::ReadFilter{.categories = {std::string(KnowledgeArticleAggregate::kCategory)},
                             .types = {}},
      [this](const eventstore::RecordedEvent& e) {
        Apply(e);
        return true;
      });
}

KnowledgeSearch::~KnowledgeSearch() { subscription_->Stop(); }

void KnowledgeSearch::Apply(const eventstore::RecordedEvent& e) {
  auto event = codec::DecodeEvent<KnowledgeArticleAggregate::Event>(e);
  std::lock_guard lock(mu_);
  if (!event.ok()) {
    ++undecodable_;
    return;
  }
  Entry& entry = articles_[std::string(e.stream.id())];
  KnowledgeArticleAggregate::Evolve(entry.state, *event, e.time);
  entry.changed_at = e.time;
  entry.title_words = WordSet(entry.state.title);
  entry.body_words = WordSet(entry.state.body);
  entry.tag_words.clear();
  for (const std::string& tag : entry.state.tags) entry.tag_words.merge(WordSet(tag));
}

KnowledgeResults KnowledgeSearch::Search(const KnowledgeQuery& query) const {
  std::vector<std::string> words = KnowledgeWords(query.text);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
  const size_t limit = std::clamp<size_t>(query.limit, 1, kMaxKnowledgeHits);

  struct Candidate {
    const Entry* entry;
    int32_t score;
  };
  std::vector<Candidate> found;
  std::lock_guard lock(mu_);
  for (const auto& [id, entry] : articles_) {
    const domain::KnowledgeArticleState& a = entry.state;
    if (!a.exists || a.withdrawn) continue;
    if (query.kind && a.kind != *query.kind) continue;
    if (query.tag && std::find(a.tags.begin(), a.tags.end(), *query.tag) == a.tags.end()) continue;
    if (query.linked_to &&
        std::find(a.links.begin(), a.links.end(), *query.linked_to) == a.links.end()) {
      continue;
    }
    int32_t score = 0;
    bool all = true;
    for (const std::string& w : words) {
      const int32_t here = (HasPrefix(entry.title_words, w) ? 3 : 0) +
                           (HasPrefix(entry.tag_words, w) ? 2 : 0) +
                           (HasPrefix(entry.body_words, w) ? 1 : 0);
      if (here == 0) {
        all = false;
        break;
      }
      score += here;
    }
    if (all) found.push_back({&entry, score});
  }
  std::sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) {
    if (x.score != y.score) return x.score > y.score;
    if (x.entry->changed_at != y.entry->changed_at) return y.entry->changed_at < x.entry->changed_at;
    return x.entry->state.id.value < y.entry->state.id.value;
  });
  KnowledgeResults results;
  results.total = found.size();
  for (size_t i = 0; i < found.size() && i < limit; ++i) {
    results.hits.push_back({found[i].entry->state, found[i].score,
                            SnippetOf(found[i].entry->state.body, words)});
  }
  return results;
}

bool KnowledgeSearch::WaitForPosition(uint64_t position, std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (subscription_->next().value <= position) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

uint64_t KnowledgeSearch::undecodable() const {
  std::lock_guard lock(mu_);
  return undecodable_;
}

}  // namespace dealstream::projections
