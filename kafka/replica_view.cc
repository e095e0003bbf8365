#include "kafka/replica_view.h"

namespace dealstream::kafka {

eventstore::AppendOutcome ReplicaView::Append(eventstore::AppendRequest) {
  // kStorageFailure: nothing was stored, and callers answer "unavailable".
  return Unexpected(eventstore::AppendError{eventstore::AppendError::Code::kStorageFailure,
                                            refusal_, eventstore::StreamVersion{}});
}

void ReplicaView::AppendAsync(eventstore::AppendRequest request, eventstore::AppendCallback done) {
  done(Append(std::move(request)));
}

}  // namespace dealstream::kafka
