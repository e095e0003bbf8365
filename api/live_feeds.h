// LiveFeeds: the Server-Sent Events behind GET /v1/events/live.
//
// Each open feed is a CatchUpSubscription (no gap, no duplicate: it reads
// by gap-free position, first from storage, then as appends commit)
// filtered by the caller's category/type filter and data scope, written as
//   id: <position>\nevent: <type>\ndata: <CloudEvent JSON>\n\n
// A client that reconnects with Last-Event-ID: <position> resumes right
// after it.
//
// A subscription's thread is joined when the feed ends, on this registry's
// own reaper thread, never on a server thread.
//
// Thread-safety: all methods may be called concurrently.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "api/data_scope.h"
#include "api/response_stream.h"
#include "codec/cloudevents.h"
#include "eventstore/event_log.h"
#include "eventstore/subscription.h"

namespace dealstream::api {

struct LiveFeedOptions {
  // Idle time after which a comment line is sent. Default: 15 s.
  std::chrono::milliseconds heartbeat{15000};
  // Most feeds open at once; more answer 503. Default: 256 (each is a thread).
  size_t max_feeds = 256;
  // SSE "retry:" advice to clients, in ms. Default: 2,000.
  int retry_ms = 2000;
  codec::CloudEventsOptions cloudevents;
};

// One SSE message for `event`.
std::string SseFrame(const eventstore::RecordedEvent& event,
                     const codec::CloudEventsOptions& options);

class LiveFeeds {
 public:
  // `log` must outlive the registry.
  LiveFeeds(const eventstore::EventLog& log, LiveFeedOptions options);
  ~LiveFeeds();  // Shutdown()
  LiveFeeds(const LiveFeeds&) = delete;
  LiveFeeds& operator=(const LiveFeeds&) = delete;

  // A feed of the events from `from` on that pass `filter` and `scope`;
  // nullptr when max_feeds are open or the registry is shut down.
  std::shared_ptr<ResponseStream> Open(eventstore::GlobalPosition from,
                                       eventstore::ReadFilter filter, DataScope scope);

  // Ends every feed, joins their threads; later Opens return nullptr.
  void Shutdown();
  size_t open_feeds() const;
  const LiveFeedOptions& options() const { return options_; }

 private:
  class Feed;
  void Start(uint64_t id, std::unique_ptr<eventstore::CatchUpSubscription> subscription);
  void Release(uint64_t id);
  void ReapLoop();

  const eventstore::EventLog& log_;
  const LiveFeedOptions options_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool shutdown_ = false;
  uint64_t next_id_ = 1;
  // Open feeds by id; the subscription is null until the feed starts.
  std::map<uint64_t, std::unique_ptr<eventstore::CatchUpSubscription>> feeds_;
  // Ended feeds whose threads the reaper joins.
  std::vector<std::unique_ptr<eventstore::CatchUpSubscription>> ended_;
  std::thread reaper_;
};

}  // namespace dealstream::api
