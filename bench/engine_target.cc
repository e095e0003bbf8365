#include <filesystem>
#include <vector>

#include "bench/targets.h"

namespace dealstream::bench {
namespace {

namespace fs = std::filesystem;
using eventstore::Durability;

class EngineTarget final : public AppendTarget {
 public:
  EngineTarget(TargetConfig config, Durability durability)
      : config_(std::move(config)), durability_(durability) {}

  std::string name() const override {
    return durability_ == Durability::kFsync ? "engine_fsync" : "engine_os";
  }

  Status Prepare(int writers) override {
    dir_ = config_.scratch_dir + "/" + name();
    std::error_code ec;
    fs::remove_all(dir_, ec);
    auto log = eventstore::RocksEventLog::Open({.path = dir_, .durability = durability_});
    if (!log.ok()) return log.error();
    log_ = std::move(*log);
    writers_.clear();
    for (int w = 0; w < writers; ++w) {
      auto stream = eventstore::StreamName::Make("opportunity", "bench-" + std::to_string(w));
      if (!stream.ok()) return stream.error();
      writers_.push_back(Writer{std::move(*stream), 0, MakePayload(w, config_.payload_bytes)});
    }
    return Status::Ok();
  }

  Status Append(int writer) override {
    Writer& w = writers_[static_cast<size_t>(writer)];
    eventstore::AppendRequest request{
        .stream = w.stream,
        .expected = eventstore::ExpectedVersion::Exact(w.version),
        .events = {eventstore::ProposedEvent{
            .type = "crm.opportunity.stage_advanced.v1",
            .subject = std::string(w.stream.id()),
            .data = w.payload,
            .metadata = {.actor = "employee-17",
                         .correlation_id = "bench",
                         .command = "AdvanceOpportunityStage"}}}};
    auto outcome = log_->Append(std::move(request));
    if (!outcome.ok()) return Status::Unavailable("engine append: " + outcome.error().message);
    w.version = outcome->last_version.value;
    return Status::Ok();
  }

  Status Finish() override {
    log_.reset();  // drains and closes before the files go
    std::error_code ec;
    fs::remove_all(dir_, ec);
    return Status::Ok();
  }

  std::string Notes() const override {
    if (!log_) return {};
    const eventstore::GroupCommitStats s = log_->stats();
    const uint64_t commits = s.syncs > 0 ? s.syncs : s.batches;
    if (commits == 0) return {};
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.1f events/%s", static_cast<double>(s.events) / commits,
                  s.syncs > 0 ? "fsync" : "batch");
    return buf;
  }

 private:
  struct Writer {
    eventstore::StreamName stream;
    uint64_t version = 0;
    std::string payload;
  };

  TargetConfig config_;
  Durability durability_;
  std::string dir_;
  std::unique_ptr<eventstore::RocksEventLog> log_;
  std::vector<Writer> writers_;
};

}  // namespace

std::unique_ptr<AppendTarget> MakeEngineTarget(const TargetConfig& config,
                                               Durability durability) {
  return std::make_unique<EngineTarget>(config, durability);
}

std::string MakePayload(int writer, size_t bytes) {
  std::string p = "{\"opportunity_id\":\"bench-" + std::to_string(writer) +
                  "\",\"stage\":\"Negotiation/Review\",\"probability\":90,\"note\":\"";
  const std::string tail = "\"}";
  const size_t target = std::max<size_t>(bytes, p.size() + tail.size());
  for (size_t i = 0; p.size() + tail.size() < target; ++i) {
    p.push_back(static_cast<char>('a' + (i + static_cast<size_t>(writer)) % 26));
  }
  return p + tail;
}

}  // namespace dealstream::bench
