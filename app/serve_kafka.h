// The Kafka side of `dealstream serve` (DESIGN §7): the relay's metrics on a
// leader, and what makes a node a read replica with --follow HOST:PORT/TOPIC:
// its follower's metrics and readiness, the answer its API gives to writes,
// and the rule that a replica's copy is never written by anything else.
#pragma once

#include <string>

#include "api/metrics.h"
#include "api/route_groups.h"
#include "base/status.h"
#include "eventstore/rocks_event_log.h"
#include "kafka/follow_target.h"
#include "kafka/follower.h"
#include "kafka/relay.h"

namespace dealstream::app {

// The detail of the 503 a follower answers to every write: which topic it
// follows at which brokers, and that writes go to the leader.
std::string ReadOnlyDetail(const kafka::FollowTarget& target);

// FailedPrecondition naming the topic when `log` is a read replica's copy
// (a follower wrote it): anything but the follower appending to it would
// fork it from the leader's log. `what` names the refused action, e.g.
// "serve without --follow". OK for logs that were never a replica.
Status CheckNotReplica(const eventstore::RocksEventLog& log, const std::string& data_dir,
                       const std::string& what);

// The relay's and the follower's families on /metrics (kafka/metrics_text.h).
// Both must outlive `metrics`' last Render.
void AddRelayMetrics(api::Metrics& metrics, const kafka::Relay& relay);
void AddFollowerMetrics(api::Metrics& metrics, const kafka::Follower& follower);

// The /readyz check "kafka follower caught up", with the reason it fails
// (stopped, cluster unreachable, never caught up, or too far behind).
api::ReadinessCheck FollowerReadiness(const kafka::Follower& follower);

}  // namespace dealstream::app
