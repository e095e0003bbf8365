// StreamLanes: one command at a time per stream, in arrival order.
//
// Commands on the same record that run side by side can only race: all but
// one fail the expected-version check and start over, and under load an
// unlucky command can lose every round. A lane lets the next command of a
// stream start only when the one before it has been committed (or refused),
// so in one process commands on one record never conflict, and none starves.
// Commands on different streams still run and share group commits freely.
#pragma once

#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dealstream::commands {

class StreamLanes {
 public:
  using Work = std::function<void()>;

  // Runs `work` now if no command of `stream` is in the lane, otherwise after
  // the ones before it. `work` must lead to exactly one Leave(stream).
  void Enter(const std::string& stream, Work work);

  // The command at the head of `stream`'s lane has finished; starts the next.
  void Leave(const std::string& stream);

  // Streams with a command in their lane (for tests and metrics).
  size_t busy() const;

 private:
  // Runs work without growing the stack when a log completes appends on the
  // calling thread: work started from inside other work is queued and run by
  // the outermost call.
  static void Run(Work work);

  mutable std::mutex mu_;
  std::unordered_map<std::string, std::deque<Work>> waiting_;
};

}  // namespace dealstream::commands
