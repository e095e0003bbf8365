#include "replay/personal_vault.h"

#include <openssl/evp.h>

#include "codec/json_dom.h"
#include "codec/registry.h"
#include "replay/aes_gcm.h"
#include "replay/json_members.h"
#include "replay/redaction.h"

namespace dealstream::replay {
namespace {

constexpr uint8_t kFormat = 1;
constexpr size_t kKeyIdSize = 16;
constexpr char kSealedKey[] = "$sealed";
constexpr char kRedactedKey[] = "$redacted";

std::string AssociatedData(std::string_view type, std::string_view subject) {
  std::string aad = "dealstream.personal.v1";
  aad += '\0';
  aad += type;
  aad += '\0';
  aad += subject;
  return aad;
}

std::string ToBase64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::optional<std::string> FromBase64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  std::string out(text.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  size_t padding = 0;
  if (text.back() == '=') ++padding;
  if (text.size() > 1 && text[text.size() - 2] == '=') ++padding;
  out.resize(static_cast<size_t>(n) - padding);
  return out;
}

std::string Splice(std::string_view data, const ValueSpan& span, std::string_view value) {
  std::string out;
  out.reserve(data.size() - (span.end - span.begin) + value.size());
  out.append(data.substr(0, span.begin));
  out.append(value);
  out.append(data.substr(span.end));
  return out;
}

// The parsed sealed member, if `member` is one.
struct SealedMember {
  std::string blob;  // decoded base64
  std::string redacted;  // JSON text
};

std::optional<SealedMember> ParseSealed(std::string_view member) {
  if (member.empty() || member.front() != '{') return std::nullopt;
  auto dom = codec::ParseOrderedJsonDom(member);
  if (!dom.ok() || !dom->is_object() || dom->size() != 2) return std::nullopt;
  auto sealed = dom->find(kSealedKey);
  auto redacted = dom->find(kRedactedKey);
  if (sealed == dom->end() || redacted == dom->end() || !sealed->is_string()) return std::nullopt;
  auto blob = FromBase64(sealed->get_ref<const std::string&>());
  if (!blob) return std::nullopt;
  return SealedMember{std::move(*blob), redacted->dump()};
}

}  // namespace

PersonalVault::PersonalVault(KeyStore& keys) : keys_(keys) {
  for (const codec::EventType& type : codec::DomainRegistry().events()) {
    for (const codec::FieldInfo& field : type.info->fields) {
      if (field.name == kPersonalField) personal_[type.name] = field.value;
    }
  }
}

bool PersonalVault::Covers(std::string_view type) const { return personal_.contains(type); }

Result<std::string> PersonalVault::Seal(std::string_view type, std::string_view subject,
                                        std::string_view data) {
  auto covered = personal_.find(type);
  if (covered == personal_.end()) return std::string(data);
  auto span = FindTopLevelMember(data, kPersonalField);
  if (!span) {
    if (data.empty() || data.front() != '{') {
      return Status::InvalidArgument(std::string(type) + ": the payload is not a JSON object");
    }
    return std::string(data);  // no personal member: nothing to seal
  }
  const std::string_view plaintext = data.substr(span->begin, span->end - span->begin);
  if (ParseSealed(plaintext)) return std::string(data);  // sealed already (replayed request)
  auto dom = codec::ParseOrderedJsonDom(plaintext);
  if (!dom.ok()) {
    return Status::InvalidArgument(std::string(type) + ": personal: " + dom.error().message);
  }
  const auto redacted = Redact(*covered->second, *dom, true);
  auto key = keys_.FindOrCreate(subject);
  if (!key.ok()) return key.error();
  auto ciphertext = AesGcmSeal(key->key, AssociatedData(type, subject), plaintext);
  if (!ciphertext.ok()) return ciphertext.error();
  std::string blob(1, static_cast<char>(kFormat));
  blob.append(reinterpret_cast<const char*>(key->key_id.data()), kKeyIdSize);
  blob += *ciphertext;
  std::string member = "{\"";
  member += kSealedKey;
  member += "\":\"" + ToBase64(blob) + "\",\"";
  member += kRedactedKey;
  member += "\":" + (redacted ? redacted->dump() : std::string("{}")) + "}";
  return Splice(data, *span, member);
}

Result<std::string> PersonalVault::Open(std::string_view type, std::string_view subject,
                                        std::string_view data) const {
  if (!Covers(type)) return std::string(data);
  auto span = FindTopLevelMember(data, kPersonalField);
  if (!span) return std::string(data);
  auto sealed = ParseSealed(data.substr(span->begin, span->end - span->begin));
  if (!sealed) return std::string(data);  // stored in clear
  if (sealed->blob.size() < 1 + kKeyIdSize || static_cast<uint8_t>(sealed->blob[0]) != kFormat) {
    return Status::Corruption(std::string(type) + " of '" + std::string(subject) +
                              "': unknown sealed format");
  }
  auto key = keys_.Find(subject);
  if (!key.ok()) return key.error();
  const std::string_view key_id = std::string_view(sealed->blob).substr(1, kKeyIdSize);
  const bool same_key =
      key->has_value() &&
      key_id == std::string_view(reinterpret_cast<const char*>((*key)->key_id.data()), kKeyIdSize);
  if (!same_key) return Splice(data, *span, sealed->redacted);
  auto plaintext = AesGcmOpen((*key)->key, AssociatedData(type, subject),
                              std::string_view(sealed->blob).substr(1 + kKeyIdSize));
  if (!plaintext.ok()) {
    return Status::Corruption(std::string(type) + " of '" + std::string(subject) +
                              "': " + plaintext.error().message());
  }
  return Splice(data, *span, *plaintext);
}

bool IsSealed(std::string_view data) {
  auto span = FindTopLevelMember(data, kPersonalField);
  return span && ParseSealed(data.substr(span->begin, span->end - span->begin)).has_value();
}

}  // namespace dealstream::replay
