#include "kafka/client.h"

namespace dealstream::kafka::internal {

Result<ConfPtr> MakeConf(const Settings& settings) {
  ConfPtr conf(rd_kafka_conf_new());
  char error[512];
  for (const auto& [name, value] : settings) {
    if (rd_kafka_conf_set(conf.get(), name.c_str(), value.c_str(), error, sizeof error) !=
        RD_KAFKA_CONF_OK) {
      return Status::InvalidArgument("Kafka client setting " + name + "=" + value +
                                     " was refused: " + error);
    }
  }
  return conf;
}

Result<ClientPtr> MakeClient(rd_kafka_type_t type, ConfPtr conf) {
  char error[512];
  // rd_kafka_new takes ownership of the configuration only when it succeeds.
  rd_kafka_t* client = rd_kafka_new(type, conf.get(), error, sizeof error);
  if (client == nullptr) {
    return Status::InvalidArgument(std::string("cannot create the Kafka client: ") + error);
  }
  (void)conf.release();
  return ClientPtr(client);
}

std::string ErrorText(rd_kafka_resp_err_t err) {
  return std::string(rd_kafka_err2str(err)) + " (" + rd_kafka_err2name(err) + ")";
}

}  // namespace dealstream::kafka::internal
