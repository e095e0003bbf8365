#include "replay/json_members.h"

namespace dealstream::replay {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  size_t pos() const { return pos_; }
  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }

  void SkipSpace() {
    while (!done() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
      ++pos_;
    }
  }
  bool Consume(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // A string starting at pos(); leaves pos() after the closing quote.
  bool SkipString() {
    if (!Consume('"')) return false;
    while (!done()) {
      const char c = text_[pos_++];
      if (c == '\\') {
        if (done()) return false;
        ++pos_;
      } else if (c == '"') {
        return true;
      }
    }
    return false;
  }
  // Any value: strings, nested containers (by depth counting), literals.
  bool SkipValue() {
    const char c = peek();
    if (c == '"') return SkipString();
    if (c == '{' || c == '[') {
      size_t depth = 0;
      while (!done()) {
        const char d = peek();
        if (d == '"') {
          if (!SkipString()) return false;
          continue;
        }
        ++pos_;
        if (d == '{' || d == '[') ++depth;
        if (d == '}' || d == ']') {
          if (--depth == 0) return true;
        }
      }
      return false;
    }
    const size_t start = pos_;
    while (!done()) {
      const char d = peek();
      if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\t' || d == '\n' || d == '\r') {
        break;
      }
      ++pos_;
    }
    return pos_ > start;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<ValueSpan> FindTopLevelMember(std::string_view json, std::string_view name) {
  Scanner s(json);
  s.SkipSpace();
  if (!s.Consume('{')) return std::nullopt;
  s.SkipSpace();
  if (s.Consume('}')) return std::nullopt;
  std::optional<ValueSpan> found;
  while (true) {
    s.SkipSpace();
    const size_t key_begin = s.pos();
    if (!s.SkipString()) return std::nullopt;
    const std::string_view key = json.substr(key_begin + 1, s.pos() - key_begin - 2);
    s.SkipSpace();
    if (!s.Consume(':')) return std::nullopt;
    s.SkipSpace();
    const size_t value_begin = s.pos();
    if (!s.SkipValue()) return std::nullopt;
    if (key == name && !found) found = ValueSpan{value_begin, s.pos()};
    s.SkipSpace();
    if (s.Consume(',')) continue;
    if (!s.Consume('}')) return std::nullopt;
    break;
  }
  s.SkipSpace();
  if (!s.done()) return std::nullopt;
  return found;
}

}  // namespace dealstream::replay
