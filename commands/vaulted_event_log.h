// VaultedEventLog: an EventLog seen through a PersonalDataVault. Appends
// seal the personal fields of each event before they reach the inner log;
// reads open them (decrypted, or redacted once forgotten). Everything else
// is the inner log's, unchanged: versions, positions, idempotency, heads.
//
//   auto log = eventstore::RocksEventLog::Open(...);
//   VaultedEventLog vaulted(**log, vault);
//   LogCommandService service(vaulted);          // writes ciphertext
//   ReadModels::Start(vaulted, store);           // reads plaintext / redacted
//
// The hash chain covers what is stored, i.e. the sealed payload. Events read
// through this view therefore carry hashes of their sealed form: tools that
// check the chain (verify, replication, the Kafka relay, export for backup)
// read the inner log instead.
//
// Idempotency: sealing is randomised, so when a request carries an
// idempotency key but no request_fingerprint, this view fills the
// fingerprint from the plaintext events, so a retry still matches.
//
// Thread-safe when the inner log and the vault are. `inner` and `vault`
// must outlive the view.
#pragma once

#include "commands/personal_data_vault.h"
#include "eventstore/event_log.h"

namespace dealstream::commands {

class VaultedEventLog final : public eventstore::EventLog {
 public:
  VaultedEventLog(eventstore::EventLog& inner, PersonalDataVault& vault)
      : inner_(inner), vault_(vault) {}

  eventstore::AppendOutcome Append(eventstore::AppendRequest request) override;
  void AppendAsync(eventstore::AppendRequest request, eventstore::AppendCallback done) override;
  Result<eventstore::StreamVersion> CurrentVersion(
      const eventstore::StreamName& stream) const override {
    return inner_.CurrentVersion(stream);
  }
  Result<std::vector<eventstore::RecordedEvent>> ReadStream(const eventstore::StreamName& stream,
                                                            eventstore::StreamVersion from,
                                                            eventstore::Direction direction,
                                                            size_t max_count) const override;
  Result<eventstore::ReadAllResult> ReadAll(eventstore::GlobalPosition from, size_t max_count,
                                            const eventstore::ReadFilter& filter) const override;
  Status ReadAllInto(eventstore::GlobalPosition from, size_t max_count,
                     const eventstore::ReadFilter& filter,
                     eventstore::EventChunk* out) const override;
  Result<std::optional<eventstore::IdempotencyRecord>> FindIdempotencyKey(
      const std::string& key) const override {
    return inner_.FindIdempotencyKey(key);
  }
  eventstore::LogHead Head() const override { return inner_.Head(); }
  bool WaitForPosition(eventstore::GlobalPosition position,
                       std::chrono::milliseconds timeout) const override {
    return inner_.WaitForPosition(position, timeout);
  }

  // Opens one recorded event in place (what every read of this view does).
  // A sealed field that fails authentication is left sealed: readers then
  // refuse that payload like any malformed one, and history is not blocked.
  // Errors: Unavailable when the key store cannot be read.
  Status OpenInPlace(eventstore::RecordedEvent& event) const;
  // Each of `events` in turn; stops at the first error.
  Status OpenAllInPlace(std::span<eventstore::RecordedEvent> events) const;

 private:
  // Seals request's events in place; an AppendError when sealing failed.
  std::optional<eventstore::AppendError> Seal(eventstore::AppendRequest& request);

  eventstore::EventLog& inner_;
  PersonalDataVault& vault_;
};

}  // namespace dealstream::commands
