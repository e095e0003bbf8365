#include "eventstore/record_codec.h"

#include <openssl/evp.h>

#include <cstring>
#include <limits>
#include <string_view>

namespace dealstream::eventstore {
namespace {

constexpr uint8_t kFormatV1 = 1;
constexpr size_t kHashSize = 32;

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutSigned(std::string* out, int64_t v) {
  PutVarint(out, (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
}

void PutString(std::string* out, std::string_view s) {
  PutVarint(out, s.size());
  out->append(s);
}

// Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF),
// as every JSON parser reading our CloudEvents requires.
bool IsUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<uint8_t>(s[i]);
    size_t n = 0;
    uint32_t cp = 0;
    if (b < 0x80) { ++i; continue; }
    if (b >= 0xC2 && b <= 0xDF) { n = 1; cp = b & 0x1F; }
    else if (b >= 0xE0 && b <= 0xEF) { n = 2; cp = b & 0x0F; }
    else if (b >= 0xF0 && b <= 0xF4) { n = 3; cp = b & 0x07; }
    else return false;
    if (s.size() - i <= n) return false;
    for (size_t k = 1; k <= n; ++k) {
      const auto c = static_cast<uint8_t>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = cp << 6 | (c & 0x3F);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (n == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

// Reads fields in order; the first failure sticks and later reads are no-ops.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64 && ok_; shift += 7) {
      if (pos_ >= in_.size()) return Fail();
      const auto byte = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return v;
    }
    return Fail();
  }
  int64_t Signed() {
    const uint64_t z = Varint();
    return static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
  }
  std::string_view Bytes(uint64_t n) {
    if (!ok_ || n > in_.size() - pos_) {
      Fail();
      return {};
    }
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::string_view View() { return Bytes(Varint()); }
  uint8_t Byte() { return static_cast<uint8_t>(Bytes(1).empty() ? 0 : in_[pos_ - 1]); }

  bool ok() const { return ok_; }
  size_t pos() const { return pos_; }
  bool at_end() const { return pos_ == in_.size(); }

 private:
  uint64_t Fail() {
    ok_ = false;
    return 0;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

void PutBigEndian64(std::string* out, uint64_t v) {
  char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  out->append(buf, 8);
}

uint64_t GetBigEndian64(std::string_view bytes) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(bytes[i]);
  return v;
}

void EncodeCanonical(const RecordedEvent& e, std::string* out) {
  out->push_back(static_cast<char>(kFormatV1));
  PutVarint(out, e.position.value);
  PutString(out, e.stream.str());
  PutVarint(out, e.version.value);
  PutString(out, e.id);
  PutString(out, e.type);
  PutString(out, e.subject);
  PutSigned(out, e.time.micros());
  PutSigned(out, e.recorded_time.micros());
  PutVarint(out, e.schema_version);
  PutString(out, e.metadata.actor);
  PutString(out, e.metadata.correlation_id);
  PutString(out, e.metadata.causation_id);
  PutString(out, e.metadata.command);
  PutString(out, e.data);
}

std::string EncodeRecord(const RecordedEvent& e) {
  std::string out;
  out.reserve(96 + e.stream.str().size() + e.id.size() + e.type.size() + e.data.size() +
              e.metadata.actor.size() + e.metadata.correlation_id.size() +
              e.metadata.causation_id.size() + e.metadata.command.size() + e.subject.size());
  EncodeCanonical(e, &out);
  out.append(reinterpret_cast<const char*>(e.prev_hash.data()), kHashSize);
  out.append(reinterpret_cast<const char*>(e.hash.data()), kHashSize);
  return out;
}

namespace {

// A stored record's fields, checked, as views into its bytes.
struct RecordView {
  uint64_t position = 0;
  std::string_view stream;
  uint64_t version = 0;
  std::string_view id, type, subject;
  int64_t time = 0, recorded = 0;
  uint32_t schema_version = 1;
  std::string_view actor, correlation_id, causation_id, command;
  std::string_view data, prev_hash, hash;
};

Result<RecordView> ParseRecord(std::string_view bytes) {
  Reader r(bytes);
  if (r.Byte() != kFormatV1) {
    return Status::Corruption("stored event has an unknown format byte");
  }
  RecordView v;
  v.position = r.Varint();
  v.stream = r.View();
  v.version = r.Varint();
  v.id = r.View();
  v.type = r.View();
  v.subject = r.View();
  v.time = r.Signed();
  v.recorded = r.Signed();
  const uint64_t schema_version = r.Varint();
  v.actor = r.View();
  v.correlation_id = r.View();
  v.causation_id = r.View();
  v.command = r.View();
  v.data = r.View();
  v.prev_hash = r.Bytes(kHashSize);
  v.hash = r.Bytes(kHashSize);
  if (!r.ok() || !r.at_end()) {
    return Status::Corruption("stored event is truncated or has trailing bytes");
  }
  if (schema_version > std::numeric_limits<uint32_t>::max()) {
    return Status::Corruption("stored event has an out-of-range schema version");
  }
  v.schema_version = static_cast<uint32_t>(schema_version);
  // Everything we append is UTF-8 text (the payload is JSON); other bytes
  // mean a damaged or forged record, which the CloudEvents bindings could
  // only carry by changing it.
  for (std::string_view text :
       {v.id, v.type, v.subject, v.actor, v.correlation_id, v.causation_id, v.command}) {
    if (!IsUtf8(text)) return Status::Corruption("stored event has text that is not UTF-8");
  }
  return v;
}

// Everything but the stream name, which the callers build their own way.
void AssignFields(const RecordView& v, RecordedEvent* e) {
  e->position = {v.position};
  e->version = {v.version};
  e->id.assign(v.id);
  e->type.assign(v.type);
  e->subject.assign(v.subject);
  e->time = Timestamp::FromMicros(v.time);
  e->recorded_time = Timestamp::FromMicros(v.recorded);
  e->schema_version = v.schema_version;
  e->data.assign(v.data);
  e->metadata.actor.assign(v.actor);
  e->metadata.correlation_id.assign(v.correlation_id);
  e->metadata.causation_id.assign(v.causation_id);
  e->metadata.command.assign(v.command);
  std::memcpy(e->prev_hash.data(), v.prev_hash.data(), kHashSize);
  std::memcpy(e->hash.data(), v.hash.data(), kHashSize);
}

}  // namespace

Result<RecordedEvent> DecodeRecord(std::string_view bytes) {
  auto v = ParseRecord(bytes);
  if (!v.ok()) return v.error();
  auto name = StreamName::Parse(v->stream);
  if (!name.ok()) return Status::Corruption("stored event has an invalid stream name");
  RecordedEvent e{.position = {}, .stream = std::move(*name), .version = {}};
  AssignFields(*v, &e);
  return e;
}

Status DecodeRecordInto(std::string_view bytes, RecordedEvent* out) {
  auto v = ParseRecord(bytes);
  if (!v.ok()) return v.error();
  if (!StreamName::ParseInto(v->stream, &out->stream).ok()) {
    return Status::Corruption("stored event has an invalid stream name");
  }
  AssignFields(*v, out);
  return Status::Ok();
}

namespace {

// One digest context per thread, reused: creating an EVP context per event
// costs more than hashing a few hundred bytes.
class Sha256Hasher {
 public:
  Sha256Hasher() : md_(EVP_MD_fetch(nullptr, "SHA256", nullptr)), ctx_(EVP_MD_CTX_new()) {}
  ~Sha256Hasher() {
    EVP_MD_CTX_free(ctx_);
    EVP_MD_free(md_);
  }
  Sha256Hasher(const Sha256Hasher&) = delete;
  Sha256Hasher& operator=(const Sha256Hasher&) = delete;

  Sha256 Digest(std::string_view a, std::string_view b) {
    Sha256 out{};
    unsigned int len = 0;
    EVP_DigestInit_ex2(ctx_, md_, nullptr);
    EVP_DigestUpdate(ctx_, a.data(), a.size());
    EVP_DigestUpdate(ctx_, b.data(), b.size());
    EVP_DigestFinal_ex(ctx_, out.data(), &len);
    return out;
  }

 private:
  EVP_MD* md_;
  EVP_MD_CTX* ctx_;
};

Sha256Hasher& ThreadHasher() {
  thread_local Sha256Hasher hasher;
  return hasher;
}

}  // namespace

Sha256 ChainHash(const Sha256& prev_hash, std::string_view canonical) {
  return ThreadHasher().Digest(
      std::string_view(reinterpret_cast<const char*>(prev_hash.data()), prev_hash.size()),
      canonical);
}

Sha256 Sha256Of(std::string_view bytes) { return ThreadHasher().Digest(bytes, {}); }

}  // namespace dealstream::eventstore
