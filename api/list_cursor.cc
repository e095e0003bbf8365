#include "api/list_cursor.h"

#include <openssl/sha.h>

namespace dealstream::api {
namespace {

constexpr std::string_view kPrefix = "c1";
constexpr std::string_view kKey = "dealstream.list-cursor.v1";
constexpr char kHex[] = "0123456789abcdef";

std::string Hex64(uint64_t v) {
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[i] = kHex[v & 0xf];
  return out;
}

std::optional<uint64_t> ParseHex64(std::string_view text) {
  if (text.size() != 16) return std::nullopt;
  uint64_t v = 0;
  for (char c : text) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (digit < 0) return std::nullopt;
    v = (v << 4) | static_cast<uint64_t>(digit);
  }
  return v;
}

uint64_t Check(std::string_view list, uint64_t after) {
  std::string input(kKey);
  input += '\n';
  input += list;
  input += '\n';
  input += std::to_string(after);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest);
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | digest[i];
  return v;
}

}  // namespace

std::string EncodeListCursor(std::string_view list, uint64_t after) {
  return std::string(kPrefix) + Hex64(after) + Hex64(Check(list, after));
}

std::optional<uint64_t> DecodeListCursor(std::string_view list, std::string_view cursor) {
  if (cursor.size() != kPrefix.size() + 32 || cursor.substr(0, kPrefix.size()) != kPrefix) {
    return std::nullopt;
  }
  std::optional<uint64_t> after = ParseHex64(cursor.substr(kPrefix.size(), 16));
  std::optional<uint64_t> check = ParseHex64(cursor.substr(kPrefix.size() + 16, 16));
  if (!after || !check || *check != Check(list, *after)) return std::nullopt;
  return after;
}

}  // namespace dealstream::api
