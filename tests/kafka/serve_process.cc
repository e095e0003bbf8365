#include "serve_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "api/http_client.h"

extern char** environ;

namespace dealstream::kafka::testing {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

pid_t Spawn(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::string binary = DEALSTREAM_BINARY;
  std::vector<std::string> copy = args;
  std::vector<char*> argv{binary.data()};
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int ExitCode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

ServeProcess::ServeProcess(const std::vector<std::string>& args, const std::string& log_prefix)
    : out_path_(log_prefix + ".out"), err_path_(log_prefix + ".err") {
  pid_ = Spawn(args, out_path_, err_path_);
}

ServeProcess::~ServeProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
}

bool ServeProcess::WaitListening(std::chrono::seconds timeout) {
  static const std::regex kBanner("listening on http://[0-9.]+:([0-9]+)\n");
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (pid_ > 0 && std::chrono::steady_clock::now() < deadline) {
    std::smatch m;
    const std::string out = Stdout();
    if (std::regex_search(out, m, kBanner)) {
      port_ = static_cast<uint16_t>(std::stoi(m[1]));
      return true;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

std::string ServeProcess::Stdout() const { return ReadFile(out_path_); }
std::string ServeProcess::Stderr() const { return ReadFile(err_path_); }

std::string ServeProcess::StderrTail() const {
  const std::string err = Stderr();
  return err.size() <= 4096 ? err : err.substr(err.size() - 4096);
}

int ServeProcess::Stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return ExitCode(status);
}

api::Response ServeProcess::Call(const std::string& method, const std::string& target,
                                 const std::string& token, const std::string& body) const {
  api::Request r{.method = method, .target = target};
  if (!token.empty()) r.headers.Set("Authorization", "Bearer " + token);
  if (!body.empty()) {
    r.headers.Set("Content-Type", "application/json");
    r.body = body;
  }
  auto response = api::HttpCall("127.0.0.1", port_, r, std::chrono::seconds(30));
  return response.ok() ? *response : api::Response{.status = 0, .body = response.error().message()};
}

RunResult RunDealstream(const std::vector<std::string>& args, const std::string& log_prefix) {
  RunResult result;
  const std::string out = log_prefix + ".out", err = log_prefix + ".err";
  const pid_t pid = Spawn(args, out, err);
  if (pid <= 0) return result;
  int status = 0;
  waitpid(pid, &status, 0);
  result.code = ExitCode(status);
  result.out = ReadFile(out);
  result.err = ReadFile(err);
  return result;
}

}  // namespace dealstream::kafka::testing
