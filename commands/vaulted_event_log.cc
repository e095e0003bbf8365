#include "commands/vaulted_event_log.h"

#include <utility>

#include "eventstore/record_codec.h"

namespace dealstream::commands {
namespace {

// A digest of the request as the caller meant it (plaintext), for
// idempotency: fields separated by '\0', lengths implied by the separators
// of fixed-order fields.
std::string PlaintextFingerprint(const eventstore::AppendRequest& request) {
  std::string bytes = request.stream.str();
  bytes += '\0';
  bytes += request.expected.ToString();
  for (const eventstore::ProposedEvent& e : request.events) {
    bytes += '\0';
    bytes += e.type;
    bytes += '\0';
    bytes += e.subject;
    bytes += '\0';
    bytes += std::to_string(e.data.size());
    bytes += ':';
    bytes += e.data;
  }
  return "plain:" + eventstore::HexOf(eventstore::Sha256Of(bytes));
}

}  // namespace

std::optional<eventstore::AppendError> VaultedEventLog::Seal(eventstore::AppendRequest& request) {
  bool covers = false;
  for (const eventstore::ProposedEvent& e : request.events) covers |= vault_.Covers(e.type);
  if (!covers) return std::nullopt;
  if (request.idempotency_key && request.request_fingerprint.empty()) {
    request.request_fingerprint = PlaintextFingerprint(request);
  }
  for (eventstore::ProposedEvent& e : request.events) {
    if (!vault_.Covers(e.type)) continue;
    auto sealed = vault_.Seal(e.type, e.subject, e.data);
    if (!sealed.ok()) {
      const auto code = sealed.error().code() == StatusCode::kUnavailable
                            ? eventstore::AppendError::Code::kStorageFailure
                            : eventstore::AppendError::Code::kInvalidArgument;
      return eventstore::AppendError{code, "sealing personal data of " + e.type + " failed: " +
                                               sealed.error().message(),
                                     {}};
    }
    e.data = std::move(*sealed);
  }
  return std::nullopt;
}

eventstore::AppendOutcome VaultedEventLog::Append(eventstore::AppendRequest request) {
  if (auto error = Seal(request)) return Unexpected(std::move(*error));
  return inner_.Append(std::move(request));
}

void VaultedEventLog::AppendAsync(eventstore::AppendRequest request,
                                  eventstore::AppendCallback done) {
  if (auto error = Seal(request)) return done(Unexpected(std::move(*error)));
  inner_.AppendAsync(std::move(request), std::move(done));
}

Status VaultedEventLog::OpenInPlace(eventstore::RecordedEvent& event) const {
  if (!vault_.Covers(event.type)) return Status::Ok();
  auto opened = vault_.Open(event.type, event.subject, event.data);
  if (opened.ok()) {
    event.data = std::move(*opened);
    return Status::Ok();
  }
  if (opened.error().code() == StatusCode::kUnavailable) return opened.error();
  return Status::Ok();  // left sealed; see the header
}

Status VaultedEventLog::OpenAllInPlace(std::span<eventstore::RecordedEvent> events) const {
  for (eventstore::RecordedEvent& e : events) {
    if (Status s = OpenInPlace(e); !s.ok()) return s;
  }
  return Status::Ok();
}

Result<std::vector<eventstore::RecordedEvent>> VaultedEventLog::ReadStream(
    const eventstore::StreamName& stream, eventstore::StreamVersion from,
    eventstore::Direction direction, size_t max_count) const {
  auto events = inner_.ReadStream(stream, from, direction, max_count);
  if (!events.ok()) return events;
  if (Status s = OpenAllInPlace(*events); !s.ok()) return s;
  return events;
}

Result<eventstore::ReadAllResult> VaultedEventLog::ReadAll(
    eventstore::GlobalPosition from, size_t max_count,
    const eventstore::ReadFilter& filter) const {
  auto read = inner_.ReadAll(from, max_count, filter);
  if (!read.ok()) return read;
  if (Status s = OpenAllInPlace(read->events); !s.ok()) return s;
  return read;
}

Status VaultedEventLog::ReadAllInto(eventstore::GlobalPosition from, size_t max_count,
                                     const eventstore::ReadFilter& filter,
                                     eventstore::EventChunk* out) const {
  if (Status s = inner_.ReadAllInto(from, max_count, filter, out); !s.ok()) return s;
  return OpenAllInPlace(out->events());
}

}  // namespace dealstream::commands
