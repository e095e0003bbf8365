// The `--follow HOST:PORT[,HOST:PORT…]/TOPIC` argument of `serve`, and the
// topic-name rule both the relay and the follower check.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace dealstream::kafka {

// Default topic of DESIGN §7.
inline constexpr char kDefaultTopic[] = "crm.events";

struct FollowTarget {
  std::string brokers;  // "host:port[,host:port…]"
  std::string topic;
  bool operator==(const FollowTarget&) const = default;
};

// Splits at the last '/'. InvalidArgument names the part that is wrong.
Result<FollowTarget> ParseFollowTarget(std::string_view text);

// Kafka's own rule: 1-249 characters from [A-Za-z0-9._-], not "." or "..".
Status ValidateTopic(std::string_view topic);
// Non-empty, comma-separated host:port entries with a numeric port.
Status ValidateBrokers(std::string_view brokers);

}  // namespace dealstream::kafka
