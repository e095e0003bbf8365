#include "app/local_server.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace dealstream::app {

std::string LocalServerNotePath(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "serve.json").string();
}

Status WriteLocalServerNote(const std::string& data_dir, const LocalServerNote& note) {
  const std::string path = LocalServerNotePath(data_dir);
  const std::string tmp = path + ".tmp";
  const std::string text = nlohmann::json({{"host", note.host},
                                           {"port", note.port},
                                           {"token", note.token},
                                           {"pid", note.pid}})
                               .dump();
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return Status::Unavailable("cannot write " + tmp);
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!written || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::Unavailable("cannot write " + path);
  }
  return Status::Ok();
}

std::optional<LocalServerNote> ReadLocalServerNote(const std::string& data_dir) {
  std::ifstream in(LocalServerNotePath(data_dir));
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  if (!j.is_object() || !j["host"].is_string() || !j["port"].is_number_unsigned() ||
      !j["token"].is_string()) {
    return std::nullopt;
  }
  return LocalServerNote{.host = j["host"].get<std::string>(),
                         .port = j["port"].get<uint16_t>(),
                         .token = j["token"].get<std::string>(),
                         .pid = j.value("pid", 0L)};
}

void RemoveLocalServerNote(const std::string& data_dir) {
  std::error_code ignored;
  std::filesystem::remove(LocalServerNotePath(data_dir), ignored);
}

}  // namespace dealstream::app
