#include "kafka/relay_checkpoint.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dealstream::kafka {
namespace {

constexpr char kMagic[] = "dealstream-kafka-relay 1";

Status Io(const std::string& what, const std::string& path) {
  return Status::Unavailable(what + " " + path + ": " + std::strerror(errno));
}

bool ParseHex(std::string_view hex, eventstore::Sha256* out) {
  if (hex.size() != 64) return false;
  for (size_t i = 0; i < 32; ++i) {
    unsigned byte = 0;
    auto [end, ec] = std::from_chars(hex.data() + 2 * i, hex.data() + 2 * i + 2, byte, 16);
    if (ec != std::errc() || end != hex.data() + 2 * i + 2) return false;
    (*out)[i] = static_cast<uint8_t>(byte);
  }
  return true;
}

Status WriteAll(int fd, const std::string& bytes, const std::string& path) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Io("cannot write", path);
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

Status SyncDirectory(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return Io("cannot open directory", dir);
  const int rc = ::fsync(fd);
  ::close(fd);
  return rc == 0 ? Status::Ok() : Io("cannot sync directory", dir);
}

}  // namespace

std::string RelayCheckpointPath(const std::string& data_dir, const std::string& topic) {
  return (std::filesystem::path(data_dir) / ("kafka-relay-" + topic + ".checkpoint")).string();
}

Result<RelayCheckpoint> ReadRelayCheckpoint(const std::string& path, const std::string& topic) {
  std::ifstream in(path);
  if (!in) {
    if (!std::filesystem::exists(path)) return RelayCheckpoint{topic, 0, {}};
    return Io("cannot read the relay checkpoint", path);
  }
  auto bad = [&](const std::string& why) {
    return Status::Corruption("relay checkpoint " + path + " is malformed: " + why);
  };
  std::string magic, key_topic, key_position, key_hash, hex;
  RelayCheckpoint c;
  std::getline(in, magic);
  if (magic != kMagic) return bad("unknown format line '" + magic + "'");
  if (!(in >> key_topic >> c.topic >> key_position >> c.position >> key_hash >> hex) ||
      key_topic != "topic" || key_position != "position" || key_hash != "hash") {
    return bad("expected topic, position and hash lines");
  }
  if (!ParseHex(hex, &c.hash)) return bad("the hash is not 64 hex digits");
  if (c.topic != topic) {
    return Status::FailedPrecondition("relay checkpoint " + path + " belongs to topic " + c.topic +
                                      ", not " + topic);
  }
  return c;
}

Status WriteRelayCheckpoint(const std::string& path, const RelayCheckpoint& checkpoint) {
  std::ostringstream text;
  text << kMagic << "\ntopic " << checkpoint.topic << "\nposition " << checkpoint.position
       << "\nhash " << eventstore::HexOf(checkpoint.hash) << "\n";
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Io("cannot create", tmp);
  Status s = WriteAll(fd, text.str(), tmp);
  if (s.ok() && ::fsync(fd) != 0) s = Io("cannot sync", tmp);
  ::close(fd);
  if (!s.ok()) return s;
  if (::rename(tmp.c_str(), path.c_str()) != 0) return Io("cannot rename onto", path);
  return SyncDirectory(path);
}

}  // namespace dealstream::kafka
