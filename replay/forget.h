// Forgetting a contact's personal data (DESIGN §5, `dealstream forget
// --subject CONTACT_ID`, and the admin API's call): deletes the contact's
// key from the key store. The log is not touched — its sealed personal
// fields simply cannot be decrypted any more and read as "[redacted]"
// everywhere (records, history, exports, the feed), while every business
// fact stays and the hash chain still verifies.
//
// A running server must also drop what it caches of the contact: the
// command side's state holds the plaintext (POST /v1/admin/forget runs this
// inside LogCommandService::ChangeOutsideTheLog). Read models that kept
// personal fields in memory or in snapshots would need a rebuild; the read
// models keep none.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "eventstore/event_log.h"
#include "replay/key_store.h"

namespace dealstream::replay {

struct ForgetResult {
  std::string contact_id;
  bool already_forgotten = false;
  Timestamp forgotten_at;
  uint64_t events = 0;         // events of the contact's stream
  uint64_t sealed_events = 0;  // of those, events whose personal fields are sealed
};

// `raw_log` is the stored log (DataDir::raw_log()). Errors: InvalidArgument
// (not a valid id), NotFound (no such contact, or it never had personal
// data sealed), FailedPrecondition (read-only key store), Unavailable.
Result<ForgetResult> ForgetContact(const eventstore::EventLog& raw_log, KeyStore& keys,
                                   std::string_view contact_id, Timestamp now);

}  // namespace dealstream::replay
