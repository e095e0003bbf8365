// Internal to ds_kafka: owning handles for librdkafka objects and the one
// place where client configuration is turned into an rd_kafka_t.
#pragma once

#include <librdkafka/rdkafka.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"

namespace dealstream::kafka::internal {

struct ConfDeleter {
  void operator()(rd_kafka_conf_t* c) const { rd_kafka_conf_destroy(c); }
};
struct ClientDeleter {
  void operator()(rd_kafka_t* k) const { rd_kafka_destroy(k); }
};
struct TopicDeleter {
  void operator()(rd_kafka_topic_t* t) const { rd_kafka_topic_destroy(t); }
};
struct MessageDeleter {
  void operator()(rd_kafka_message_t* m) const { rd_kafka_message_destroy(m); }
};
struct PartitionListDeleter {
  void operator()(rd_kafka_topic_partition_list_t* l) const {
    rd_kafka_topic_partition_list_destroy(l);
  }
};
struct HeadersDeleter {
  void operator()(rd_kafka_headers_t* h) const { rd_kafka_headers_destroy(h); }
};

using ConfPtr = std::unique_ptr<rd_kafka_conf_t, ConfDeleter>;
using ClientPtr = std::unique_ptr<rd_kafka_t, ClientDeleter>;
using TopicPtr = std::unique_ptr<rd_kafka_topic_t, TopicDeleter>;
using MessagePtr = std::unique_ptr<rd_kafka_message_t, MessageDeleter>;
using PartitionListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter>;
using HeadersPtr = std::unique_ptr<rd_kafka_headers_t, HeadersDeleter>;

using Settings = std::vector<std::pair<std::string, std::string>>;

// A configuration with `settings` applied in order (later ones win).
// InvalidArgument names the property librdkafka refused and why.
Result<ConfPtr> MakeConf(const Settings& settings);

// Creates a producer or consumer from `conf` (consumed, even on failure).
Result<ClientPtr> MakeClient(rd_kafka_type_t type, ConfPtr conf);

// "Broker: Not enough in-sync replicas (NOT_ENOUGH_REPLICAS)".
std::string ErrorText(rd_kafka_resp_err_t err);

}  // namespace dealstream::kafka::internal
