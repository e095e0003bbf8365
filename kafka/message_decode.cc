#include "kafka/message_decode.h"

#include <string>
#include <string_view>
#include <vector>

#include "codec/cloudevents.h"

namespace dealstream::kafka::internal {

Result<eventstore::RecordedEvent> DecodeMessage(const rd_kafka_message_t& message) {
  const std::string where = "partition " + std::to_string(message.partition) + " offset " +
                            std::to_string(message.offset) + ": ";
  std::vector<codec::KafkaHeader> headers;
  rd_kafka_headers_t* raw = nullptr;  // owned by the message
  if (rd_kafka_message_headers(&message, &raw) == RD_KAFKA_RESP_ERR_NO_ERROR) {
    const char* name = nullptr;
    const void* value = nullptr;
    size_t size = 0;
    for (size_t i = 0;
         rd_kafka_header_get_all(raw, i, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR; ++i) {
      headers.push_back({name, value == nullptr
                                   ? std::string()
                                   : std::string(static_cast<const char*>(value), size)});
    }
  }
  const std::string_view payload =
      message.payload == nullptr
          ? std::string_view()
          : std::string_view(static_cast<const char*>(message.payload), message.len);
  auto event = codec::FromKafkaMessage(headers, payload);
  if (!event.ok()) return Status::InvalidArgument(where + event.error().message);
  const std::string_view key =
      message.key == nullptr
          ? std::string_view()
          : std::string_view(static_cast<const char*>(message.key), message.key_len);
  if (key != event->stream.str()) {
    return Status::InvalidArgument(where + "the message key '" + std::string(key) +
                                   "' is not the event's stream " + event->stream.str());
  }
  return std::move(*event);
}

}  // namespace dealstream::kafka::internal
