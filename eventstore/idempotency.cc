#include "eventstore/idempotency.h"

#include "eventstore/record_codec.h"

namespace dealstream::eventstore {
namespace {

void PutField(std::string* out, std::string_view s) {
  PutBigEndian64(out, s.size());
  out->append(s);
}

bool ReadField(std::string_view* in, std::string* out) {
  if (in->size() < 8) return false;
  const uint64_t n = GetBigEndian64(*in);
  in->remove_prefix(8);
  if (n > in->size()) return false;
  out->assign(in->substr(0, n));
  in->remove_prefix(n);
  return true;
}

bool ReadU64(std::string_view* in, uint64_t* out) {
  if (in->size() < 8) return false;
  *out = GetBigEndian64(*in);
  in->remove_prefix(8);
  return true;
}

}  // namespace

std::string DefaultFingerprint(const AppendRequest& request) {
  std::string bytes;
  PutField(&bytes, request.stream.str());
  PutField(&bytes, request.expected.ToString());
  for (const ProposedEvent& e : request.events) {
    PutField(&bytes, e.type);
    PutField(&bytes, e.subject);
    PutBigEndian64(&bytes, e.schema_version);
    PutField(&bytes, e.data);
  }
  return HexOf(Sha256Of(bytes));
}

std::string EncodeIdempotencyRecord(const IdempotencyRecord& record) {
  std::string out;
  const AppendResult& r = record.result;
  PutField(&out, record.fingerprint);
  PutField(&out, r.stream.str());
  PutBigEndian64(&out, r.first_version.value);
  PutBigEndian64(&out, r.last_version.value);
  PutBigEndian64(&out, r.first_position.value);
  PutBigEndian64(&out, r.last_position.value);
  PutBigEndian64(&out, r.event_ids.size());
  for (const std::string& id : r.event_ids) PutField(&out, id);
  return out;
}

Result<IdempotencyRecord> DecodeIdempotencyRecord(std::string_view in) {
  std::string fingerprint;
  std::string stream;
  uint64_t first_v = 0, last_v = 0, first_p = 0, last_p = 0, count = 0;
  if (!ReadField(&in, &fingerprint) || !ReadField(&in, &stream) || !ReadU64(&in, &first_v) ||
      !ReadU64(&in, &last_v) || !ReadU64(&in, &first_p) || !ReadU64(&in, &last_p) ||
      !ReadU64(&in, &count) || count > in.size()) {
    return Status::Corruption("stored idempotency record is malformed");
  }
  auto name = StreamName::Parse(stream);
  if (!name.ok()) return Status::Corruption("stored idempotency record names an invalid stream");
  std::vector<std::string> ids(count);
  for (std::string& id : ids) {
    if (!ReadField(&in, &id)) return Status::Corruption("stored idempotency record is malformed");
  }
  return IdempotencyRecord{std::move(fingerprint), AppendResult{.stream = std::move(*name),
                               .first_version = {first_v},
                               .last_version = {last_v},
                               .first_position = {first_p},
                               .last_position = {last_p},
                               .event_ids = std::move(ids),
                               .replayed = true}};
}

}  // namespace dealstream::eventstore
