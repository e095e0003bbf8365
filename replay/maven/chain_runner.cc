#include "replay/maven/chain_runner.h"

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dealstream::replay::maven {
namespace {

// The chain's correlation id, in the alphabet the HTTP API accepts
// (X-Correlation-Id: A-Z a-z 0-9 . _ : -, at most 128), so that a run
// through a server records the same ids as a direct one.
std::string CorrelationOf(const std::string& chain_key) {
  std::string id = "maven-crm:" + chain_key;
  for (char& c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != ':' &&
        c != '-') {
      c = c == '/' ? ':' : '-';
    }
  }
  if (id.size() > 128) id.resize(128);
  return id;
}

Status ToStatus(const commands::CommandError& e, const Chain& chain, const PlannedCommand& c) {
  using Kind = commands::CommandError::Kind;
  std::string message = chain.source + ": " + c.type + " refused: " + e.message;
  if (!e.code.empty()) message += " [" + e.code + "]";
  switch (e.kind) {
    case Kind::kUnavailable:
      return Status::Unavailable(std::move(message));
    case Kind::kMalformed:
    case Kind::kInvalid:
    case Kind::kUnknownCommand:
      return Status::InvalidArgument(std::move(message));
    default:
      return Status::FailedPrecondition(std::move(message));
  }
}

// One wave: every chain runs its steps in order; up to max_in_flight
// chains have a command outstanding at once.
class WaveRun {
 public:
  // `last_event` maps chain keys to the last event id of their previous
  // wave: the causation of the chain's next command.
  WaveRun(commands::CommandService& service, const Wave& wave, const RunOptions& options,
          uint64_t total, RunStats& stats,
          std::unordered_map<std::string, std::string>& last_event)
      : service_(service),
        wave_(wave),
        options_(options),
        total_(total),
        stats_(stats),
        last_event_(last_event) {}

  Status Run() {
    std::unique_lock lock(mu_);
    size_t next_chain = 0;
    while (true) {
      if (!failure_.ok()) {  // chains waiting to continue end here
        in_flight_ -= ready_.size();
        ready_.clear();
      }
      // Continuations first: they finish chains and free slots.
      while (!ready_.empty()) {
        Step step = ready_.front();
        ready_.pop_front();
        Issue(step, lock);
      }
      while (failure_.ok() && next_chain < wave_.size() && in_flight_ < options_.max_in_flight) {
        ++in_flight_;
        const size_t chain = next_chain++;
        auto previous = last_event_.find(wave_[chain].key);
        Issue(Step{chain, 0, previous == last_event_.end() ? "" : previous->second}, lock);
      }
      if (in_flight_ == 0 && (next_chain == wave_.size() || !failure_.ok())) break;
      cv_.wait(lock, [&] { return !ready_.empty() || in_flight_ == 0; });
    }
    return failure_;
  }

 private:
  struct Step {
    size_t chain = 0;
    size_t index = 0;
    std::string causation;
  };

  // Submits one step; `lock` is released meanwhile (ExecuteAsync may
  // answer on this thread).
  void Issue(const Step& step, std::unique_lock<std::mutex>& lock) {
    const Chain& chain = wave_[step.chain];
    const PlannedCommand& command = chain.steps[step.index];
    commands::CommandRequest request;
    request.type = command.type;
    request.body = command.body;
    request.actor = options_.actor;
    request.idempotency_key = command.idempotency_key;
    request.correlation_id = CorrelationOf(chain.key);
    request.causation_id = step.causation;
    lock.unlock();
    service_.ExecuteAsync(std::move(request), [this, step](commands::CommandOutcome outcome) {
      std::lock_guard guard(mu_);
      const Chain& chain = wave_[step.chain];
      if (!outcome.ok()) {
        if (failure_.ok()) failure_ = ToStatus(outcome.error(), chain, chain.steps[step.index]);
        --in_flight_;
      } else {
        ++stats_.commands;
        if (outcome->replayed) ++stats_.replayed;
        if (!outcome->replayed) stats_.events += outcome->event_ids.size();
        stats_.last_position = std::max(stats_.last_position, outcome->position);
        const std::string last = outcome->event_ids.empty() ? "" : outcome->event_ids.back();
        if (step.index + 1 < chain.steps.size()) {
          ready_.push_back(Step{step.chain, step.index + 1, last});
        } else {
          if (!last.empty()) last_event_[chain.key] = last;
          --in_flight_;
        }
        if (options_.progress && stats_.commands % 1000 == 0) {
          options_.progress(stats_.commands, total_);
        }
      }
      cv_.notify_one();
    });
    lock.lock();
  }

  commands::CommandService& service_;
  const Wave& wave_;
  const RunOptions& options_;
  const uint64_t total_;
  RunStats& stats_;
  std::unordered_map<std::string, std::string>& last_event_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Step> ready_;
  size_t in_flight_ = 0;
  Status failure_;
};

}  // namespace

Status RunPlan(commands::CommandService& service, const ImportPlan& plan, const RunOptions& options,
               RunStats* stats) {
  const uint64_t total = static_cast<uint64_t>(plan.totals.commands);
  std::unordered_map<std::string, std::string> last_event;
  for (const Wave& wave : plan.waves) {
    WaveRun run(service, wave, options, total, *stats, last_event);
    if (Status s = run.Run(); !s.ok()) return s;
  }
  if (options.progress) options.progress(stats->commands, total);
  return Status::Ok();
}

}  // namespace dealstream::replay::maven
