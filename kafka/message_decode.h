// Internal to ds_kafka: one consumed Kafka message to a recorded event.
#pragma once

#include <librdkafka/rdkafka.h>

#include "base/result.h"
#include "eventstore/types.h"

namespace dealstream::kafka::internal {

// Parses the CloudEvents binary-mode message with the codec and checks that
// its key is its stream. Errors (InvalidArgument) name the partition, the
// offset and the broken rule.
Result<eventstore::RecordedEvent> DecodeMessage(const rd_kafka_message_t& message);

}  // namespace dealstream::kafka::internal
