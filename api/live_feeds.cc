#include "api/live_feeds.h"

#include <algorithm>

namespace dealstream::api {

std::string SseFrame(const eventstore::RecordedEvent& event,
                     const codec::CloudEventsOptions& options) {
  std::string type = event.type;
  std::replace_if(type.begin(), type.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  // The compact CloudEvent JSON has no raw newline, so one data: line holds it.
  return "id: " + std::to_string(event.position.value) + "\nevent: " + type +
         "\ndata: " + codec::ToCloudEventJson(event, options) + "\n\n";
}

class LiveFeeds::Feed final : public ResponseStream {
 public:
  Feed(LiveFeeds& owner, uint64_t id, eventstore::GlobalPosition from,
       eventstore::ReadFilter filter, DataScope scope)
      : owner_(owner), id_(id), from_(from), filter_(std::move(filter)), scope_(std::move(scope)) {}
  ~Feed() override { owner_.Release(id_); }

  void Start(std::shared_ptr<StreamSink> sink) override {
    const LiveFeedOptions& options = owner_.options_;
    if (!sink->Write("retry: " + std::to_string(options.retry_ms) + "\n\n")) return;
    auto handler = [sink, scope = scope_, cloudevents = options.cloudevents,
                    cancelled = cancelled_](const eventstore::RecordedEvent& event) {
      if (cancelled->load()) return false;
      if (!scope.AllowsEvent(event)) return true;
      return sink->Write(SseFrame(event, cloudevents));
    };
    owner_.Start(id_, std::make_unique<eventstore::CatchUpSubscription>(
                          owner_.log_, from_, filter_, std::move(handler)));
  }

  void Cancel() override {
    cancelled_->store(true);
    owner_.Release(id_);
  }

  std::string Heartbeat() const override { return ": heartbeat\n\n"; }
  std::chrono::milliseconds heartbeat_interval() const override {
    return owner_.options_.heartbeat;
  }

 private:
  LiveFeeds& owner_;
  const uint64_t id_;
  const eventstore::GlobalPosition from_;
  const eventstore::ReadFilter filter_;
  const DataScope scope_;
  std::shared_ptr<std::atomic<bool>> cancelled_ = std::make_shared<std::atomic<bool>>(false);
};

LiveFeeds::LiveFeeds(const eventstore::EventLog& log, LiveFeedOptions options)
    : log_(log), options_(std::move(options)) {
  reaper_ = std::thread([this] { ReapLoop(); });
}

LiveFeeds::~LiveFeeds() { Shutdown(); }

std::shared_ptr<ResponseStream> LiveFeeds::Open(eventstore::GlobalPosition from,
                                                eventstore::ReadFilter filter, DataScope scope) {
  std::lock_guard lock(mu_);
  if (shutdown_ || feeds_.size() >= options_.max_feeds) return nullptr;
  const uint64_t id = next_id_++;
  feeds_.emplace(id, nullptr);
  return std::make_shared<Feed>(*this, id, from, std::move(filter), std::move(scope));
}

void LiveFeeds::Start(uint64_t id, std::unique_ptr<eventstore::CatchUpSubscription> subscription) {
  std::lock_guard lock(mu_);
  auto it = feeds_.find(id);
  if (shutdown_ || it == feeds_.end()) {
    // Released or shut down meanwhile: the reaper joins it.
    ended_.push_back(std::move(subscription));
    cv_.notify_all();
    return;
  }
  it->second = std::move(subscription);
}

void LiveFeeds::Release(uint64_t id) {
  std::lock_guard lock(mu_);
  auto it = feeds_.find(id);
  if (it == feeds_.end()) return;
  if (it->second) ended_.push_back(std::move(it->second));
  feeds_.erase(it);
  cv_.notify_all();
}

void LiveFeeds::ReapLoop() {
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [&] { return shutdown_ || !ended_.empty(); });
    std::vector<std::unique_ptr<eventstore::CatchUpSubscription>> ended = std::move(ended_);
    ended_.clear();
    const bool stop = shutdown_;
    lock.unlock();
    ended.clear();  // joins each subscription's thread
    lock.lock();
    if (stop && ended_.empty()) return;
  }
}

void LiveFeeds::Shutdown() {
  {
    std::lock_guard lock(mu_);
    if (shutdown_) return;
    shutdown_ = true;
    for (auto& [id, subscription] : feeds_) {
      if (subscription) ended_.push_back(std::move(subscription));
    }
    feeds_.clear();
    cv_.notify_all();
  }
  if (reaper_.joinable()) reaper_.join();
}

size_t LiveFeeds::open_feeds() const {
  std::lock_guard lock(mu_);
  return feeds_.size();
}

}  // namespace dealstream::api
