#include "replay/forget.h"

#include "replay/personal_vault.h"

namespace dealstream::replay {

Result<ForgetResult> ForgetContact(const eventstore::EventLog& raw_log, KeyStore& keys,
                                   std::string_view contact_id, Timestamp now) {
  auto stream = eventstore::StreamName::Make("contact", contact_id);
  if (!stream.ok()) {
    return Status::InvalidArgument("--subject: '" + std::string(contact_id) +
                                   "' is not a contact id (1-64 characters of [A-Za-z0-9_.-])");
  }
  ForgetResult result;
  result.contact_id = std::string(contact_id);
  uint64_t next = 1;
  while (true) {
    auto events = raw_log.ReadStream(*stream, {next}, eventstore::Direction::kForward, 512);
    if (!events.ok()) return events.error();
    for (const eventstore::RecordedEvent& e : *events) {
      ++result.events;
      if (IsSealed(e.data)) ++result.sealed_events;
      next = e.version.value + 1;
    }
    if (events->size() < 512) break;
  }
  if (result.events == 0) {
    return Status::NotFound("--subject: there is no contact '" + std::string(contact_id) + "'");
  }
  auto forgotten = keys.Forget(contact_id, now);
  if (!forgotten.ok()) {
    if (forgotten.error().code() == StatusCode::kNotFound) {
      return Status::NotFound("contact '" + std::string(contact_id) +
                              "' has no personal-data key (its personal data was never sealed)");
    }
    return forgotten.error();
  }
  result.already_forgotten = forgotten->already_forgotten;
  result.forgotten_at = forgotten->forgotten_at;
  return result;
}

}  // namespace dealstream::replay
