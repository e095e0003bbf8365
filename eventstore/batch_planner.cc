#include "eventstore/batch_planner.h"

#include "base/uuid.h"
#include "eventstore/idempotency.h"
#include "eventstore/record_codec.h"

namespace dealstream::eventstore {
namespace {

Unexpected<AppendError> Reject(AppendError::Code code, std::string message,
                               StreamVersion current = {}) {
  return Unexpected(AppendError{code, std::move(message), current});
}

bool IsValidEventId(const std::string& id) {
  return id.empty() || StreamName::IsValidId(id);
}

bool IsValidType(const std::string& type) {
  if (type.empty() || type.size() > 200) return false;
  for (char c : type) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

BatchPlanner::BatchPlanner(LogHead head, Timestamp now, const AppendLimits& limits,
                           Lookups lookups)
    : head_(head), now_(now), limits_(limits), lookups_(std::move(lookups)) {}

Result<StreamVersion> BatchPlanner::VersionOf(const StreamName& stream) {
  auto it = stream_versions_.find(stream.str());
  if (it != stream_versions_.end()) return StreamVersion{it->second.second};
  return lookups_.stream_version(stream);
}

Result<std::optional<IdempotencyRecord>> BatchPlanner::KeyRecord(const std::string& key) {
  auto it = new_key_index_.find(key);
  if (it != new_key_index_.end()) {
    return std::optional<IdempotencyRecord>(new_keys_[it->second].second);
  }
  return lookups_.idempotency(key);
}

AppendOutcome BatchPlanner::Plan(const AppendRequest& request) {
  using Code = AppendError::Code;
  if (request.events.empty()) return Reject(Code::kInvalidArgument, "an append needs at least one event");
  if (request.events.size() > limits_.max_events) {
    return Reject(Code::kInvalidArgument, "an append may carry at most " +
                                              std::to_string(limits_.max_events) + " events");
  }
  for (const ProposedEvent& e : request.events) {
    if (!IsValidType(e.type)) {
      return Reject(Code::kInvalidArgument,
                    "event type '" + e.type.substr(0, 80) +
                        "' is invalid: 1-200 characters of letters, digits, '.', '_' and '-'");
    }
    if (!IsValidEventId(e.id)) {
      return Reject(Code::kInvalidArgument, "event id '" + e.id.substr(0, 80) +
                                                "' is invalid: 1-64 characters of [A-Za-z0-9_.-]");
    }
    if (e.data.size() > limits_.max_data_bytes) {
      return Reject(Code::kInvalidArgument,
                    "event data is " + std::to_string(e.data.size()) + " bytes; the limit is " +
                        std::to_string(limits_.max_data_bytes));
    }
  }

  std::string fingerprint;
  if (request.idempotency_key) {
    const std::string& key = *request.idempotency_key;
    if (key.empty() || key.size() > limits_.max_idempotency_key) {
      return Reject(Code::kInvalidArgument, "idempotency key must be 1-" +
                                                std::to_string(limits_.max_idempotency_key) +
                                                " characters");
    }
    fingerprint = request.request_fingerprint.empty() ? DefaultFingerprint(request)
                                                      : request.request_fingerprint;
    auto stored = KeyRecord(key);
    if (!stored.ok()) return Reject(Code::kStorageFailure, stored.error().message());
    if (stored->has_value()) {
      const IdempotencyRecord& record = **stored;
      if (record.fingerprint != fingerprint) {
        return Reject(Code::kIdempotencyKeyReused,
                      "idempotency key '" + key.substr(0, 80) +
                          "' was already used for a different request");
      }
      AppendResult replay = record.result;
      replay.replayed = true;
      return replay;
    }
  }

  auto current = VersionOf(request.stream);
  if (!current.ok()) return Reject(Code::kStorageFailure, current.error().message());
  if (!request.expected.Matches(*current)) {
    return Reject(Code::kWrongExpectedVersion,
                  "stream " + request.stream.str() + " is at version " +
                      std::to_string(current->value) + ", expected " + request.expected.ToString(),
                  *current);
  }

  AppendResult result{.stream = request.stream,
                      .first_version = {current->value + 1},
                      .last_version = {current->value + request.events.size()},
                      .first_position = {head_.position.value + 1},
                      .last_position = {head_.position.value + request.events.size()},
                      .event_ids = {},
                      .replayed = false};
  result.event_ids.reserve(request.events.size());
  uint64_t version = current->value;
  for (const ProposedEvent& p : request.events) {
    RecordedEvent e{.position = {head_.position.value + 1},
                    .stream = request.stream,
                    .version = {++version},
                    .id = p.id.empty() ? NewUuidV7(now_) : p.id,
                    .type = p.type,
                    .subject = p.subject,
                    .time = p.time.value_or(now_),
                    .recorded_time = now_,
                    .schema_version = p.schema_version,
                    .data = p.data,
                    .metadata = p.metadata};
    e.prev_hash = head_.hash;
    scratch_.clear();
    EncodeCanonical(e, &scratch_);
    e.hash = ChainHash(e.prev_hash, scratch_);
    head_ = LogHead{e.position, e.hash};
    result.event_ids.push_back(e.id);
    records_.push_back(std::move(e));
  }
  stream_versions_.insert_or_assign(request.stream.str(), std::pair(request.stream, version));
  if (request.idempotency_key) {
    new_key_index_[*request.idempotency_key] = new_keys_.size();
    new_keys_.emplace_back(*request.idempotency_key, IdempotencyRecord{fingerprint, result});
  }
  return result;
}

}  // namespace dealstream::eventstore
