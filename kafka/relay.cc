// Relay: a control thread that owns the producer (polls delivery reports,
// rewinds, recovers from fatal errors, writes the checkpoint) and a
// CatchUpSubscription thread that reads the log and produces.
#include "kafka/relay.h"

#include <algorithm>
#include <exception>

#include "eventstore/subscription.h"
#include "kafka/client.h"
#include "kafka/delivery_window.h"
#include "kafka/relay_checkpoint.h"

namespace dealstream::kafka {

using eventstore::GlobalPosition;
using eventstore::RecordedEvent;
using internal::ClientPtr;
using internal::ErrorText;
using internal::TopicPtr;

namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(50);
constexpr auto kQueueFullWait = std::chrono::milliseconds(1);
constexpr auto kFirstBackoff = std::chrono::milliseconds(100);
constexpr auto kMaxBackoff = std::chrono::milliseconds(10000);

int Millis(std::chrono::milliseconds d) { return static_cast<int>(d.count()); }

}  // namespace

class Relay::Impl {
 public:
  Impl(RelayOptions options, const eventstore::EventLog& log, const eventstore::LogHead& start)
      : options_(std::move(options)),
        log_(log),
        window_(start.position.value, start.hash),
        checkpointed_(start.position.value) {}

  ~Impl() {
    {
      std::lock_guard lock(stop_mu_);
      stopping_ = true;
    }
    stop_cv_.notify_all();
    if (control_.joinable()) control_.join();
  }

  Status Begin() {
    if (Status s = CreateProducer(); !s.ok()) return s;
    control_ = std::thread([this] { ControlLoop(); });
    return Status::Ok();
  }

  RelayStats Stats() const {
    RelayStats s;
    s.published_position = window_.published();
    s.log_head = log_.Head().position.value;
    s.lag_events = s.log_head > s.published_position ? s.log_head - s.published_position : 0;
    if (s.lag_events > 0) {
      int64_t oldest = window_.oldest_in_flight_micros();
      if (oldest == 0) {
        auto next = log_.ReadAll(GlobalPosition{s.published_position + 1}, 1, {});
        if (next.ok() && !next->events.empty()) oldest = next->events[0].recorded_time.micros();
      }
      if (oldest != 0) s.lag_ms = std::max<int64_t>(0, (Now().micros() - oldest) / 1000);
    }
    s.messages_delivered = delivered_.load();
    s.delivery_failures = failures_.load();
    s.rewinds = rewinds_.load();
    std::lock_guard lock(error_mu_);
    s.last_error = last_error_;
    return s;
  }

  bool WaitForPublished(GlobalPosition position, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(publish_mu_);
    return publish_cv_.wait_for(lock, timeout,
                                [&] { return window_.published() >= position.value; });
  }

 private:
  Status CreateProducer() {
    internal::Settings settings = {
        {"bootstrap.servers", options_.brokers},
        {"client.id", "dealstream-relay"},
        {"enable.idempotence", "true"},
        {"acks", "all"},
        {"enable.gapless.guarantee", "true"},
        {"message.timeout.ms", std::to_string(options_.message_timeout.count())},
        {"linger.ms", std::to_string(options_.linger.count())},
        // Events in a batch share most of their header bytes. lz4 costs the
        // relay little and halves the garbage a local broker collects at
        // 5,000 events/s (half the young-generation pauses, which stall
        // every follower: docs/benchmarks.md, P7).
        {"compression.codec", "lz4"},
        // As the Java clients do: a small request never waits for the ACK
        // of the one before it.
        {"socket.nagle.disable", "true"},
        {"reconnect.backoff.max.ms", "1000"},
        // An event may carry a 1 MiB payload plus its headers.
        {"message.max.bytes", "2097152"},
    };
    settings.insert(settings.end(), options_.librdkafka.begin(), options_.librdkafka.end());
    auto conf = internal::MakeConf(settings);
    if (!conf.ok()) return conf.error();
    rd_kafka_conf_set_opaque(conf->get(), this);
    rd_kafka_conf_set_dr_msg_cb(conf->get(), &Impl::OnDelivery);
    rd_kafka_conf_set_error_cb(conf->get(), &Impl::OnError);
    auto producer = internal::MakeClient(RD_KAFKA_PRODUCER, std::move(*conf));
    if (!producer.ok()) return producer.error();
    producer_ = std::move(*producer);
    topic_.reset(rd_kafka_topic_new(producer_.get(), options_.topic.c_str(), nullptr));
    if (!topic_) {
      producer_.reset();
      return Status::InvalidArgument("cannot use topic " + options_.topic + ": " +
                                     ErrorText(rd_kafka_last_error()));
    }
    return Status::Ok();
  }

  void ControlLoop() {
    while (!stopping_) {
      try {
        Step();
      } catch (const std::exception& e) {
        // Only third-party or allocation failures land here; the relay
        // rewinds to the checkpoint and carries on.
        SetError(std::string("relay loop: ") + e.what());
        restart_ = true;
        Sleep(kFirstBackoff);
      }
    }
    Shutdown();
  }

  void Step() {
    if (!producer_) {
      if (Status s = CreateProducer(); !s.ok()) {
        SetError(s.message());
        Sleep(NextBackoff());
        return;
      }
    }
    if (!subscription_) {
      subscription_ = std::make_unique<eventstore::CatchUpSubscription>(
          log_, GlobalPosition{window_.next_to_produce()}, eventstore::ReadFilter{},
          [this](const RecordedEvent& e) { return Publish(e); },
          [this](const Status& s) { SetError("reading the log: " + s.message()); });
    }
    rd_kafka_poll(producer_.get(), Millis(kPollInterval));
    AfterReports();
    if (fatal_) {
      RecoverFromFatal();
    } else if (window_.rewind_pending() || restart_) {
      RewindAfterFailure();
    }
    MaybeCheckpoint(false);
  }

  // Runs on the subscription's thread, once per event in position order.
  bool Publish(const RecordedEvent& e) {
    if (stopping_ || fatal_ || window_.rewind_pending()) return false;
    if (!window_.Produced(e)) {
      restart_ = true;
      return false;
    }
    // The headers go straight from the event into librdkafka's list, and
    // key and value are copied from the event once, by the producer.
    struct Headers final : codec::KafkaHeaderSink {
      rd_kafka_headers_t* list = rd_kafka_headers_new(20);
      void Add(std::string_view name, std::string_view value) override {
        rd_kafka_header_add(list, name.data(), static_cast<ssize_t>(name.size()), value.data(),
                            static_cast<ssize_t>(value.size()));
      }
    } sink;
    codec::WriteKafkaHeaders(e, options_.cloudevents, sink);
    rd_kafka_headers_t* headers = sink.list;
    const std::string& key = e.stream.str();
    for (;;) {
      const rd_kafka_resp_err_t err = rd_kafka_producev(
          producer_.get(), RD_KAFKA_V_RKT(topic_.get()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
          RD_KAFKA_V_KEY(const_cast<char*>(key.data()), key.size()),
          RD_KAFKA_V_VALUE(const_cast<char*>(e.data.data()), e.data.size()),
          RD_KAFKA_V_HEADERS(headers),
          RD_KAFKA_V_OPAQUE(reinterpret_cast<void*>(static_cast<uintptr_t>(e.position.value))),
          RD_KAFKA_V_END);
      if (err == RD_KAFKA_RESP_ERR_NO_ERROR) return true;  // librdkafka owns the headers now
      if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL && !stopping_ && !fatal_ &&
          !window_.rewind_pending()) {
        std::this_thread::sleep_for(kQueueFullWait);  // the control thread drains it
        continue;
      }
      rd_kafka_headers_destroy(headers);
      window_.Failed(e.position.value, "not accepted by the producer: " + ErrorText(err));
      return false;
    }
  }

  static void OnDelivery(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) {
    auto* self = static_cast<Impl*>(opaque);
    const uint64_t position = reinterpret_cast<uintptr_t>(m->_private);
    if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      self->delivered_.fetch_add(1, std::memory_order_relaxed);
      self->window_.Delivered(position);
    } else {
      self->failures_.fetch_add(1, std::memory_order_relaxed);
      self->window_.Failed(position, ErrorText(m->err));
      self->SetError("delivery of position " + std::to_string(position) +
                     " failed: " + ErrorText(m->err));
    }
  }

  static void OnError(rd_kafka_t* rk, int err, const char* reason, void* opaque) {
    auto* self = static_cast<Impl*>(opaque);
    if (err == RD_KAFKA_RESP_ERR__FATAL) {
      char detail[512];
      const rd_kafka_resp_err_t cause = rd_kafka_fatal_error(rk, detail, sizeof detail);
      self->SetError("fatal producer error: " + ErrorText(cause) + ": " + detail);
      self->fatal_ = true;
      return;
    }
    self->SetError(std::string("Kafka client: ") + reason);
  }

  void AfterReports() {
    const uint64_t published = window_.published();
    if (published != last_notified_) {
      last_notified_ = published;
      consecutive_failures_ = 0;
      std::lock_guard lock(publish_mu_);
      publish_cv_.notify_all();
    }
  }

  // A message failed but the producer lives on (a message timeout, or a
  // message the producer refused). Every report still due must arrive
  // before production restarts, so that no message of this attempt can land
  // after one of the next.
  void RewindAfterFailure() {
    subscription_.reset();
    while (rd_kafka_outq_len(producer_.get()) > 0 && !stopping_ && !fatal_) {
      rd_kafka_poll(producer_.get(), Millis(kPollInterval));
    }
    AfterReports();
    if (stopping_ || fatal_) return;
    window_.Rewind();
    restart_ = false;
    rewinds_.fetch_add(1);
    Sleep(NextBackoff());
  }

  // The idempotent producer cannot continue (e.g. the broker lost its
  // state, or the gapless guarantee would be broken): discard it and every
  // message it still holds, then start over from the checkpoint.
  void RecoverFromFatal() {
    subscription_.reset();
    rd_kafka_purge(producer_.get(), RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    rd_kafka_poll(producer_.get(), 0);
    AfterReports();
    topic_.reset();
    producer_.reset();
    window_.Rewind();
    fatal_ = false;
    restart_ = false;
    rewinds_.fetch_add(1);
    Sleep(NextBackoff());
  }

  void Shutdown() {
    subscription_.reset();
    if (producer_) {
      rd_kafka_flush(producer_.get(), Millis(options_.shutdown_timeout));
      rd_kafka_purge(producer_.get(), RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
      rd_kafka_poll(producer_.get(), 0);
      AfterReports();
    }
    MaybeCheckpoint(true);
    topic_.reset();
    producer_.reset();
  }

  void MaybeCheckpoint(bool force) {
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_checkpoint_ < options_.checkpoint_interval) return;
    const eventstore::LogHead published = window_.published_head();
    if (published.position.value == checkpointed_) return;
    last_checkpoint_ = now;
    Status s = WriteRelayCheckpoint(options_.checkpoint_path,
                                    {options_.topic, published.position.value, published.hash});
    if (!s.ok()) {
      SetError("cannot write the relay checkpoint: " + s.message());
      return;
    }
    checkpointed_ = published.position.value;
  }

  std::chrono::milliseconds NextBackoff() {
    const int shift = std::min(consecutive_failures_++, 7);
    return std::min(kMaxBackoff, kFirstBackoff * (1 << shift));
  }

  void Sleep(std::chrono::milliseconds d) {
    std::unique_lock lock(stop_mu_);
    stop_cv_.wait_for(lock, d, [&] { return stopping_.load(); });
  }

  void SetError(std::string message) {
    std::lock_guard lock(error_mu_);
    last_error_ = std::move(message);
  }

  const RelayOptions options_;
  const eventstore::EventLog& log_;
  DeliveryWindow window_;

  // Owned by the control thread; the subscription thread uses them only
  // while subscription_ exists.
  ClientPtr producer_;
  TopicPtr topic_;
  std::unique_ptr<eventstore::CatchUpSubscription> subscription_;
  uint64_t checkpointed_;
  std::chrono::steady_clock::time_point last_checkpoint_{};
  uint64_t last_notified_ = 0;
  int consecutive_failures_ = 0;

  std::atomic<bool> stopping_{false};
  std::atomic<bool> fatal_{false};
  std::atomic<bool> restart_{false};
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;

  std::atomic<uint64_t> delivered_{0}, failures_{0}, rewinds_{0};
  mutable std::mutex error_mu_;
  std::string last_error_;
  mutable std::mutex publish_mu_;
  mutable std::condition_variable publish_cv_;

  std::thread control_;
};

Result<std::unique_ptr<Relay>> Relay::Start(RelayOptions options, const eventstore::EventLog& log) {
  if (Status s = ValidateBrokers(options.brokers); !s.ok()) return s;
  if (Status s = ValidateTopic(options.topic); !s.ok()) return s;
  if (options.checkpoint_path.empty()) {
    return Status::InvalidArgument("the relay needs a checkpoint file path");
  }
  auto checkpoint = ReadRelayCheckpoint(options.checkpoint_path, options.topic);
  if (!checkpoint.ok()) return checkpoint.error();
  eventstore::LogHead start{GlobalPosition{checkpoint->position}, checkpoint->hash};
  if (checkpoint->position > 0) {
    const uint64_t head = log.Head().position.value;
    auto at = log.ReadAll(start.position, 1, {});
    if (!at.ok()) return at.error();
    if (checkpoint->position > head || at->events.empty() ||
        at->events[0].hash != checkpoint->hash) {
      return Status::FailedPrecondition(
          "relay checkpoint " + options.checkpoint_path + " says position " +
          std::to_string(checkpoint->position) + " of another log was published (this log " +
          (checkpoint->position > head ? "ends at " + std::to_string(head)
                                       : std::string("has a different event there")) +
          "); remove the file only if the topic should be published again from the start");
    }
  }
  auto impl = std::make_unique<Impl>(std::move(options), log, start);
  if (Status s = impl->Begin(); !s.ok()) return s;
  return std::unique_ptr<Relay>(new Relay(std::move(impl)));
}

Relay::Relay(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Relay::~Relay() = default;

RelayStats Relay::stats() const { return impl_->Stats(); }

bool Relay::WaitForPublished(GlobalPosition position, std::chrono::milliseconds timeout) const {
  return impl_->WaitForPublished(position, timeout);
}

}  // namespace dealstream::kafka
