#include "kafka/delivery_window.h"

namespace dealstream::kafka {

DeliveryWindow::DeliveryWindow(uint64_t published, const eventstore::Sha256& published_hash)
    : published_(published), published_hash_(published_hash) {}

bool DeliveryWindow::Produced(const eventstore::RecordedEvent& e) {
  std::lock_guard lock(mu_);
  if (failed_ || e.position.value != published_ + slots_.size() + 1) return false;
  slots_.push_back(Slot{e.recorded_time.micros(), e.hash, false});
  ++undelivered_;
  return true;
}

void DeliveryWindow::Delivered(uint64_t position) {
  std::lock_guard lock(mu_);
  if (position <= published_ || position > published_ + slots_.size()) return;
  Slot& slot = slots_[position - published_ - 1];
  if (slot.delivered) return;
  slot.delivered = true;
  --undelivered_;
  while (!slots_.empty() && slots_.front().delivered) {
    ++published_;
    published_hash_ = slots_.front().hash;
    slots_.pop_front();
  }
}

void DeliveryWindow::Failed(uint64_t position, std::string why) {
  std::lock_guard lock(mu_);
  failed_ = true;
  last_failure_ = "position " + std::to_string(position) + ": " + std::move(why);
}

bool DeliveryWindow::rewind_pending() const {
  std::lock_guard lock(mu_);
  return failed_;
}

void DeliveryWindow::Rewind() {
  std::lock_guard lock(mu_);
  slots_.clear();
  undelivered_ = 0;
  failed_ = false;
}

uint64_t DeliveryWindow::published() const {
  std::lock_guard lock(mu_);
  return published_;
}

eventstore::LogHead DeliveryWindow::published_head() const {
  std::lock_guard lock(mu_);
  return {eventstore::GlobalPosition{published_}, published_hash_};
}

uint64_t DeliveryWindow::next_to_produce() const {
  std::lock_guard lock(mu_);
  return published_ + slots_.size() + 1;
}

size_t DeliveryWindow::in_flight() const {
  std::lock_guard lock(mu_);
  return undelivered_;
}

int64_t DeliveryWindow::oldest_in_flight_micros() const {
  std::lock_guard lock(mu_);
  return slots_.empty() ? 0 : slots_.front().recorded_micros;
}

std::string DeliveryWindow::last_failure() const {
  std::lock_guard lock(mu_);
  return last_failure_;
}

}  // namespace dealstream::kafka
