// Follower: one consumer thread that assigns itself every partition of the
// topic (no consumer group: the replica's cursor lives in its own copy),
// reads, reorders, and writes contiguous runs into the copy.
#include "kafka/follower.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <iterator>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "kafka/client.h"
#include "kafka/message_decode.h"
#include "kafka/reorder_buffer.h"

namespace dealstream::kafka {

using eventstore::GlobalPosition;
using eventstore::RecordedEvent;
using internal::ClientPtr;
using internal::ErrorText;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kPollWait = std::chrono::milliseconds(100);
constexpr auto kMetadataTimeout = std::chrono::milliseconds(2000);
constexpr auto kMetadataRefresh = std::chrono::seconds(5);
constexpr auto kRetryDelay = std::chrono::milliseconds(200);
constexpr auto kCursorOnlyInterval = std::chrono::seconds(1);

int64_t MillisSince(int64_t micros) {
  return std::max<int64_t>(0, (Now().micros() - micros) / 1000);
}

}  // namespace

class Follower::Impl {
 public:
  Impl(FollowerOptions options, eventstore::RocksEventLog& log, PartitionCursor cursor)
      : options_(std::move(options)),
        log_(log),
        buffer_(log.Head().position.value, std::move(cursor)) {
    stats_.applied_position = buffer_.applied();
  }

  ~Impl() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
    if (consumer_) (void)rd_kafka_consumer_close(consumer_.get());
  }

  Status Begin() {
    auto conf = internal::MakeConf([&] {
      internal::Settings settings = {
          {"bootstrap.servers", options_.brokers},
          {"client.id", "dealstream-follower"},
          {"group.id", "dealstream-follower"},  // required by librdkafka; never joined
          {"enable.auto.commit", "false"},
          {"enable.auto.offset.store", "false"},
          {"enable.partition.eof", "true"},
          {"auto.offset.reset", "earliest"},
          {"fetch.wait.max.ms", std::to_string(options_.fetch_wait.count())},
          {"socket.nagle.disable", "true"},  // as the Java clients do
          {"reconnect.backoff.max.ms", "1000"},
          // Prefetch per partition; FlowControl discards it when pausing.
          {"queued.max.messages.kbytes", "16384"},
      };
      settings.insert(settings.end(), options_.librdkafka.begin(), options_.librdkafka.end());
      return settings;
    }());
    if (!conf.ok()) return conf.error();
    auto consumer = internal::MakeClient(RD_KAFKA_CONSUMER, std::move(*conf));
    if (!consumer.ok()) return consumer.error();
    consumer_ = std::move(*consumer);
    rd_kafka_poll_set_consumer(consumer_.get());
    thread_ = std::thread([this] { Run(); });
    return Status::Ok();
  }

  FollowerStats Stats() const {
    std::lock_guard lock(stats_mu_);
    return stats_;
  }

  Status CurrentStatus() const {
    std::lock_guard lock(stats_mu_);
    return stats_.stopped ? Status::Unavailable(stats_.error) : Status::Ok();
  }

 private:
  void Run() {
    try {
      while (!stopping_ && !failed_) Step();
    } catch (const std::exception& e) {
      Fail(Status::Internal(std::string("follower loop: ") + e.what()));
    }
  }

  void Step() {
    if (partitions_.empty() || Clock::now() - last_metadata_ >= kMetadataRefresh) {
      RefreshAssignment();
      if (partitions_.empty()) {
        PublishStats();
        std::this_thread::sleep_for(kRetryDelay);
        return;
      }
    }
    ReadRound();
    Apply();  // even after a bad message: what came before it is good
    if (!failed_) CheckGap();
    if (!failed_) FlowControl();
    PublishStats();
  }

  // Assigns every partition of the topic not assigned yet: at start, and
  // later when partitions are added.
  void RefreshAssignment() {
    last_metadata_ = Clock::now();
    internal::TopicPtr topic(rd_kafka_topic_new(consumer_.get(), options_.topic.c_str(), nullptr));
    const rd_kafka_metadata_t* metadata = nullptr;
    rd_kafka_resp_err_t err = rd_kafka_metadata(consumer_.get(), 0, topic.get(), &metadata,
                                                static_cast<int>(kMetadataTimeout.count()));
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      connected_ = false;
      SetClientError("metadata of " + options_.topic + ": " + ErrorText(err));
      return;
    }
    connected_ = true;
    internal::PartitionListPtr added(rd_kafka_topic_partition_list_new(0));
    if (metadata->topic_cnt == 1 && metadata->topics[0].err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      const PartitionCursor cursor = buffer_.Cursor();
      for (int i = 0; i < metadata->topics[0].partition_cnt; ++i) {
        const int32_t p = metadata->topics[0].partitions[i].id;
        if (partitions_.contains(p)) continue;
        auto* entry = rd_kafka_topic_partition_list_add(added.get(), options_.topic.c_str(), p);
        auto stored = cursor.find(p);
        entry->offset = stored == cursor.end() ? RD_KAFKA_OFFSET_BEGINNING : stored->second;
      }
    } else if (metadata->topic_cnt == 1) {
      SetClientError("topic " + options_.topic + ": " + ErrorText(metadata->topics[0].err));
    }
    rd_kafka_metadata_destroy(metadata);
    if (added->cnt == 0) return;
    if (rd_kafka_error_t* error = rd_kafka_incremental_assign(consumer_.get(), added.get())) {
      SetClientError(std::string("assigning partitions: ") + rd_kafka_error_string(error));
      rd_kafka_error_destroy(error);
      return;
    }
    for (int i = 0; i < added->cnt; ++i) partitions_.insert(added->elems[i].partition);
  }

  void ReadRound() {
    auto wait = kPollWait;
    for (size_t n = 0; n < options_.max_batch_events && !stopping_ && !failed_; ++n) {
      internal::MessagePtr m(
          rd_kafka_consumer_poll(consumer_.get(), static_cast<int>(wait.count())));
      if (!m) return;
      wait = std::chrono::milliseconds(0);
      if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        connected_ = true;
        at_end_.insert(m->partition);
        continue;
      }
      if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        if (m->err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN) connected_ = false;
        SetClientError(ErrorText(m->err) + ": " + rd_kafka_message_errstr(m.get()));
        continue;
      }
      connected_ = true;
      at_end_.erase(m->partition);
      ++messages_read_;
      Take(*m);
    }
  }

  void Take(const rd_kafka_message_t& m) {
    auto event = internal::DecodeMessage(m);
    if (!event.ok()) return Fail(event.error());
    const uint64_t position = event->position.value;
    const eventstore::Sha256 hash = event->hash;
    auto offered = buffer_.Offer(m.partition, m.offset, std::move(*event));
    if (!offered.ok()) return Fail(offered.error());
    if (*offered == ReorderBuffer::Offered::kQueued) return;
    ++duplicates_;
    if (*offered == ReorderBuffer::Offered::kAlreadyApplied) {
      // A repeat is harmless only if it is the event the copy holds.
      auto stored = log_.ReadAll(GlobalPosition{position}, 1, {});
      if (!stored.ok()) return Fail(stored.error());
      if (stored->events.empty() || stored->events[0].hash != hash) {
        return Fail(Status::Corruption("position " + std::to_string(position) +
                                       " arrived again with contents different from the copy "
                                       "(partition " +
                                       std::to_string(m.partition) + " offset " +
                                       std::to_string(m.offset) + ")"));
      }
    }
  }

  void Apply() {
    const std::vector<RecordedEvent> ready = buffer_.Ready(options_.max_batch_events);
    const PartitionCursor cursor = buffer_.CursorAfter(ready.size());
    if (ready.empty() &&
        (cursor == stored_cursor_ || Clock::now() - last_cursor_store_ < kCursorOnlyInterval)) {
      return;
    }
    const Status s = log_.AppendReplicated(ready, EncodeCursor(options_.topic, cursor));
    if (!s.ok()) {
      if (s.code() == StatusCode::kCorruption) return ApplyGoodPrefix(ready, s);
      SetClientError("writing the copy: " + s.message());  // storage: retried next round
      std::this_thread::sleep_for(kRetryDelay);
      return;
    }
    stored_cursor_ = cursor;
    last_cursor_store_ = Clock::now();
    if (!ready.empty()) {
      buffer_.MarkApplied(ready.size());
      last_apply_latency_ms_ = MillisSince(ready.back().recorded_time.micros());
    }
  }

  // A batch was refused: keep every event before the bad one, one at a
  // time, so the copy ends exactly where the topic stops making sense.
  void ApplyGoodPrefix(const std::vector<RecordedEvent>& ready, const Status& refusal) {
    for (size_t i = 0; i < ready.size(); ++i) {
      const Status s =
          log_.AppendReplicated({ready[i]}, EncodeCursor(options_.topic, buffer_.CursorAfter(1)));
      if (!s.ok()) return Fail(s);
      buffer_.MarkApplied(1);
    }
    Fail(refusal);
  }

  void CheckGap() {
    const std::optional<uint64_t> missing = buffer_.missing();
    if (!missing) {
      gap_since_.reset();
      return;
    }
    if (!gap_since_) gap_since_ = Clock::now();
    const bool overflow = buffer_.buffered() > options_.max_buffered_events;
    if (overflow || Clock::now() - *gap_since_ >= options_.gap_timeout) {
      Fail(Status::Corruption(
          "position " + std::to_string(*missing) + " is missing from topic " + options_.topic +
          ": " + std::to_string(buffer_.buffered()) + " later events arrived but it did not " +
          (overflow ? "before the buffer filled"
                    : "within " + std::to_string(options_.gap_timeout.count()) + " ms")));
    }
  }

  // While a position is missing, partitions already past it fill the buffer
  // without helping. Past half the buffer they are paused (their prefetched
  // messages are dropped and read again on resume) until the buffer is down
  // to a quarter; which partitions are paused follows the missing position.
  // If every other partition is at its end without it, the hole may be a
  // relay rewind's, to be filled later in a paused partition: everything
  // resumes and the gap rules decide.
  void FlowControl() {
    const std::optional<uint64_t> missing = buffer_.missing();
    const size_t buffered = buffer_.buffered();
    std::set<int32_t> wanted = paused_;
    if (!missing || buffered <= options_.max_buffered_events / 4) {
      wanted.clear();
    } else if (buffered >= options_.max_buffered_events / 2 && *missing != given_up_on_) {
      const std::vector<int32_t> ahead = buffer_.PartitionsPast(*missing);
      if (ahead.size() < partitions_.size()) wanted = {ahead.begin(), ahead.end()};
    }
    if (!wanted.empty() && std::all_of(partitions_.begin(), partitions_.end(), [&](int32_t p) {
          return wanted.contains(p) || at_end_.contains(p);
        })) {
      given_up_on_ = *missing;
      wanted.clear();
    }
    std::set<int32_t> resume, pause;
    std::set_difference(paused_.begin(), paused_.end(), wanted.begin(), wanted.end(),
                        std::inserter(resume, resume.end()));
    std::set_difference(wanted.begin(), wanted.end(), paused_.begin(), paused_.end(),
                        std::inserter(pause, pause.end()));
    if (!resume.empty()) Pause(resume, false);
    if (!pause.empty()) Pause(pause, true);
    paused_ = std::move(wanted);
  }

  void Pause(const std::set<int32_t>& partitions, bool pause) {
    internal::PartitionListPtr list(
        rd_kafka_topic_partition_list_new(static_cast<int>(partitions.size())));
    for (int32_t p : partitions) {
      rd_kafka_topic_partition_list_add(list.get(), options_.topic.c_str(), p);
      at_end_.erase(p);
    }
    const rd_kafka_resp_err_t err = pause ? rd_kafka_pause_partitions(consumer_.get(), list.get())
                                          : rd_kafka_resume_partitions(consumer_.get(), list.get());
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) SetClientError("pausing partitions: " + ErrorText(err));
    ++pauses_;
  }

  void PublishStats() {
    uint64_t lag = buffer_.buffered();
    for (int32_t p : partitions_) {
      int64_t low = 0, high = 0;
      if (rd_kafka_get_watermark_offsets(consumer_.get(), options_.topic.c_str(), p, &low, &high) !=
              RD_KAFKA_RESP_ERR_NO_ERROR ||
          high < 0) {
        continue;
      }
      const int64_t next = std::max(buffer_.next_offset(p).value_or(low), low);
      lag += static_cast<uint64_t>(std::max<int64_t>(0, high - next));
    }
    if (lag == 0) {
      behind_since_micros_.reset();
    } else if (!behind_since_micros_) {
      behind_since_micros_ = Now().micros();
    }
    std::lock_guard lock(stats_mu_);
    stats_.applied_position = buffer_.applied();
    stats_.lag_events = lag;
    stats_.lag_ms = 0;
    if (lag > 0) {
      const int64_t since =
          std::min(*behind_since_micros_, buffer_.oldest_buffered_micros().value_or(INT64_MAX));
      stats_.lag_ms = MillisSince(since);
    }
    stats_.last_apply_latency_ms = last_apply_latency_ms_;
    stats_.messages_read = messages_read_;
    stats_.duplicates_dropped = duplicates_;
    stats_.buffered = buffer_.buffered();
    stats_.pauses = pauses_;
    stats_.connected = connected_;
    if (!partitions_.empty() && at_end_.size() == partitions_.size() && buffer_.buffered() == 0) {
      stats_.caught_up_once = true;
    }
  }

  void Fail(const Status& s) {
    if (failed_) return;  // the first reason is the one to report
    failed_ = true;
    std::lock_guard lock(stats_mu_);
    stats_.stopped = true;
    stats_.error = s.message();
  }

  void SetClientError(std::string message) {
    std::lock_guard lock(stats_mu_);
    stats_.last_client_error = std::move(message);
  }

  const FollowerOptions options_;
  eventstore::RocksEventLog& log_;

  // Consumer-thread state.
  ClientPtr consumer_;
  ReorderBuffer buffer_;
  std::set<int32_t> partitions_;  // assigned
  std::set<int32_t> at_end_;      // assigned partitions read to their end
  Clock::time_point last_metadata_{};
  PartitionCursor stored_cursor_;
  Clock::time_point last_cursor_store_{};
  std::optional<Clock::time_point> gap_since_;
  std::optional<int64_t> behind_since_micros_;
  std::set<int32_t> paused_;  // by FlowControl
  uint64_t given_up_on_ = 0;  // a missing position not to pause for again
  uint64_t pauses_ = 0;
  int64_t last_apply_latency_ms_ = 0;
  uint64_t messages_read_ = 0;
  uint64_t duplicates_ = 0;
  bool connected_ = false;
  bool failed_ = false;

  std::atomic<bool> stopping_{false};
  mutable std::mutex stats_mu_;
  FollowerStats stats_;
  std::thread thread_;
};

Result<std::unique_ptr<Follower>> Follower::Start(FollowerOptions options,
                                                  eventstore::RocksEventLog& log) {
  if (Status s = ValidateBrokers(options.brokers); !s.ok()) return s;
  if (Status s = ValidateTopic(options.topic); !s.ok()) return s;
  if (options.max_batch_events == 0) {
    return Status::InvalidArgument("the follower's max_batch_events must be at least 1");
  }
  auto stored = log.ReplicaCursor();
  if (!stored.ok()) return stored.error();
  auto cursor = DecodeCursor(*stored, options.topic);
  if (!cursor.ok()) return cursor.error();
  auto impl = std::make_unique<Impl>(std::move(options), log, std::move(*cursor));
  if (Status s = impl->Begin(); !s.ok()) return s;
  return std::unique_ptr<Follower>(new Follower(std::move(impl)));
}

Follower::Follower(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Follower::~Follower() = default;

FollowerStats Follower::stats() const { return impl_->Stats(); }
Status Follower::status() const { return impl_->CurrentStatus(); }

}  // namespace dealstream::kafka
