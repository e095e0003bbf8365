#include "server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <vector>

#include "api/http_client.h"

extern char** environ;

namespace dealstream::replay::testing {

ServerProcess::ServerProcess(const std::string& data, const std::string& durability,
                             const std::string& admin_token) {
  int out[2];
  if (pipe(out) != 0) return;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::vector<std::string> args = {DEALSTREAM_BINARY, "serve", "--data", data, "--listen",
                                   "127.0.0.1:0", "--durability", durability};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int spawned = posix_spawn(&pid_, DEALSTREAM_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  out_ = out[0];
  if (spawned != 0) {
    pid_ = -1;
    return;
  }
  const std::regex printed(
      "listening on http://127\\.0\\.0\\.1:([0-9]+)\n(Admin token: (ds_[A-Za-z0-9_-]+)|Admin tokens exist.*)\n");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::smatch m;
  while (!std::regex_search(banner_, m, printed) && std::chrono::steady_clock::now() < deadline) {
    pollfd p{out_, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buf[4096];
    const ssize_t n = read(out_, buf, sizeof buf);
    if (n <= 0) break;
    banner_.append(buf, static_cast<size_t>(n));
  }
  if (std::regex_search(banner_, m, printed)) {
    port_ = static_cast<uint16_t>(std::stoi(m[1]));
    admin_token_ = m[3].matched ? m[3].str() : admin_token;
  }
}

ServerProcess::~ServerProcess() { Stop(); }

api::Response ServerProcess::Call(const std::string& method, const std::string& target,
                                  const std::string& body, const std::string& token) const {
  return Call(method, target, body, {{"Authorization", "Bearer " + (token.empty() ? admin_token_ : token)}});
}

api::Response ServerProcess::Call(
    const std::string& method, const std::string& target, const std::string& body,
    const std::vector<std::pair<std::string, std::string>>& headers) const {
  api::Request r{.method = method, .target = target};
  r.headers.Set("Authorization", "Bearer " + admin_token_);
  for (const auto& [name, value] : headers) r.headers.Set(name, value);
  if (!body.empty()) {
    r.headers.Set("Content-Type", "application/json");
    r.body = body;
  }
  auto response = api::HttpCall("127.0.0.1", port_, r, std::chrono::seconds(60));
  return response.ok() ? *response : api::Response{.status = 0};
}

void ServerProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  (void)waitpid(pid_, &status, 0);
  pid_ = -1;
  if (out_ >= 0) close(out_);
  out_ = -1;
}

bool ServerProcess::Stop() {
  if (pid_ <= 0) return false;
  kill(pid_, SIGTERM);
  int status = 0;
  const bool reaped = waitpid(pid_, &status, 0) == pid_;
  pid_ = -1;
  if (out_ >= 0) close(out_);
  out_ = -1;
  return reaped && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace dealstream::replay::testing
