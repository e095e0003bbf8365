#include "demo/script_runner.h"

#include <condition_variable>
#include <deque>
#include <mutex>

namespace dealstream::demo {

namespace {

// A refused command, with enough to find the bug in the generator.
std::string Describe(const Step& step, const std::string& body,
                     const commands::CommandError& error) {
  return step.type + " " + body + ": " + error.code + ": " + error.message;
}

}  // namespace

ScriptRunner::ScriptRunner(commands::CommandService& service, size_t max_in_flight)
    : service_(service), max_in_flight_(max_in_flight == 0 ? 1 : max_in_flight) {}

Status ScriptRunner::Run(const std::vector<Script>& scripts) {
  // Shared with the completion callbacks, which may run on other threads.
  struct Shared {
    std::mutex mu;
    std::condition_variable cv;
    std::deque<size_t> ready;  // scripts whose previous step was accepted
    size_t active = 0;         // scripts with a command in flight
    std::string failure;
  } shared;
  std::vector<size_t> next_step(scripts.size(), 0);
  size_t next_script = 0;
  uint64_t accepted = 0;

  auto submit = [&](size_t script) {
    const Step& step = scripts[script][next_step[script]++];
    nlohmann::json body = step.body;
    body["occurred_at"] = FormatTimestamp(step.at);
    commands::CommandRequest request{.type = step.type, .body = body.dump(), .actor = step.actor};
    std::string text = request.body;
    service_.ExecuteAsync(std::move(request), [&shared, &step, script, text = std::move(text)](
                                                  commands::CommandOutcome outcome) {
      std::lock_guard lock(shared.mu);
      if (!outcome.ok()) {
        if (shared.failure.empty()) shared.failure = Describe(step, text, outcome.error());
      }
      shared.ready.push_back(script);  // the main loop decides whether it goes on
      shared.cv.notify_one();
    });
  };

  std::unique_lock lock(shared.mu);
  while (true) {
    if (shared.failure.empty() && shared.active < max_in_flight_ && next_script < scripts.size()) {
      const size_t script = next_script++;
      if (scripts[script].empty()) continue;
      ++shared.active;
      lock.unlock();
      submit(script);
      lock.lock();
      continue;
    }
    if (shared.ready.empty()) {
      if (shared.active == 0) break;
      shared.cv.wait(lock);
      continue;
    }
    const size_t script = shared.ready.front();
    shared.ready.pop_front();
    const Step& done = scripts[script][next_step[script] - 1];
    if (shared.failure.empty()) {
      ++accepted;
      ++by_type_[done.type];
    }
    if (!shared.failure.empty() || next_step[script] == scripts[script].size()) {
      --shared.active;
      continue;
    }
    lock.unlock();
    submit(script);
    lock.lock();
  }
  accepted_ += accepted;
  if (!shared.failure.empty()) return Status::FailedPrecondition(shared.failure);
  return Status::Ok();
}

}  // namespace dealstream::demo
