#include "kafka/follow_target.h"

#include <charconv>

namespace dealstream::kafka {
namespace {

constexpr size_t kMaxTopicLength = 249;

bool IsTopicChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

Status ValidateBroker(std::string_view entry) {
  const size_t colon = entry.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return Status::InvalidArgument("broker address '" + std::string(entry) + "' must be HOST:PORT");
  }
  const std::string_view port = entry.substr(colon + 1);
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535) {
    return Status::InvalidArgument("broker address '" + std::string(entry) +
                                   "' has no valid port (1-65535)");
  }
  return Status::Ok();
}

}  // namespace

Status ValidateTopic(std::string_view topic) {
  if (topic.empty() || topic.size() > kMaxTopicLength) {
    return Status::InvalidArgument("Kafka topic must have 1-249 characters");
  }
  if (topic == "." || topic == "..") {
    return Status::InvalidArgument("Kafka topic may not be '.' or '..'");
  }
  for (char c : topic) {
    if (!IsTopicChar(c)) {
      return Status::InvalidArgument("Kafka topic '" + std::string(topic) +
                                     "' may only contain letters, digits, '.', '_' and '-'");
    }
  }
  return Status::Ok();
}

Status ValidateBrokers(std::string_view brokers) {
  if (brokers.empty()) return Status::InvalidArgument("Kafka brokers are missing (HOST:PORT)");
  size_t start = 0;
  while (start <= brokers.size()) {
    const size_t comma = brokers.find(',', start);
    const size_t end = comma == std::string_view::npos ? brokers.size() : comma;
    if (Status s = ValidateBroker(brokers.substr(start, end - start)); !s.ok()) return s;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return Status::Ok();
}

Result<FollowTarget> ParseFollowTarget(std::string_view text) {
  const size_t slash = text.rfind('/');
  if (slash == std::string_view::npos) {
    return Status::InvalidArgument("--follow must be HOST:PORT/TOPIC, e.g. 127.0.0.1:9092/" +
                                   std::string(kDefaultTopic));
  }
  FollowTarget target{std::string(text.substr(0, slash)), std::string(text.substr(slash + 1))};
  if (Status s = ValidateBrokers(target.brokers); !s.ok()) return s;
  if (Status s = ValidateTopic(target.topic); !s.ok()) return s;
  return target;
}

}  // namespace dealstream::kafka
