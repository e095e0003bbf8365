#include "kafka_testing.h"

#include <librdkafka/rdkafka.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

namespace dealstream::kafka::testing {

using eventstore::RecordedEvent;

uint64_t AppendEvents(eventstore::EventLog& log, int count, int streams, int per_append,
                      const std::string& stream_prefix) {
  uint64_t last = 0;
  for (int i = 0; i < count; i += per_append) {
    const std::string id = std::to_string(i % streams);
    eventstore::AppendRequest r{.stream = *eventstore::StreamName::Make(stream_prefix, id)};
    for (int k = 0; k < per_append && i + k < count; ++k) {
      eventstore::ProposedEvent e;
      e.type = "crm.test.thing_happened.v1";
      e.subject = id;
      e.data = R"({"n":)" + std::to_string(i + k) + R"(,"note":"event )" + std::to_string(i + k) +
               R"( of a relayed log"})";
      e.metadata.actor = "employee-" + std::to_string(i % 7);
      e.metadata.correlation_id = "corr-" + std::to_string(i / 10);
      r.events.push_back(std::move(e));
    }
    auto result = log.Append(std::move(r));
    if (!result.ok()) return 0;
    last = result->last_position.value;
  }
  return last;
}

std::vector<RecordedEvent> ReadLog(const eventstore::EventLog& log) {
  std::vector<RecordedEvent> out;
  eventstore::GlobalPosition from{1};
  for (;;) {
    auto read = log.ReadAll(from, 4096, {});
    if (!read.ok() || read->events.empty()) return out;
    for (auto& e : read->events) out.push_back(std::move(e));
    from = read->next;
  }
}

namespace {

rd_kafka_t* NewClient(rd_kafka_type_t type, const std::string& brokers,
                      std::vector<std::pair<std::string, std::string>> extra = {}) {
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  char error[512];
  extra.insert(extra.begin(), {"bootstrap.servers", brokers});
  for (const auto& [k, v] : extra)
    rd_kafka_conf_set(conf, k.c_str(), v.c_str(), error, sizeof error);
  rd_kafka_t* rk = rd_kafka_new(type, conf, error, sizeof error);
  if (rk == nullptr) rd_kafka_conf_destroy(conf);
  return rk;
}

int PartitionCount(rd_kafka_t* rk, const std::string& topic) {
  rd_kafka_topic_t* t = rd_kafka_topic_new(rk, topic.c_str(), nullptr);
  const rd_kafka_metadata_t* md = nullptr;
  int count = 0;
  if (rd_kafka_metadata(rk, 0, t, &md, 5000) == RD_KAFKA_RESP_ERR_NO_ERROR) {
    if (md->topic_cnt == 1 && md->topics[0].err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      count = md->topics[0].partition_cnt;
    }
    rd_kafka_metadata_destroy(md);
  }
  rd_kafka_topic_destroy(t);
  return count;
}

}  // namespace

std::vector<Consumed> ReadTopic(const std::string& brokers, const std::string& topic,
                                size_t min_messages, int timeout_ms) {
  std::vector<Consumed> out;
  rd_kafka_t* rk = NewClient(RD_KAFKA_CONSUMER, brokers,
                             {{"group.id", "dealstream-test-reader"},
                              {"enable.auto.commit", "false"},
                              {"enable.partition.eof", "true"}});
  if (rk == nullptr) return out;
  rd_kafka_poll_set_consumer(rk);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  int partitions = 0;
  while (partitions == 0 && std::chrono::steady_clock::now() < deadline) {
    partitions = PartitionCount(rk, topic);
  }
  rd_kafka_topic_partition_list_t* list = rd_kafka_topic_partition_list_new(partitions);
  for (int p = 0; p < partitions; ++p) {
    rd_kafka_topic_partition_list_add(list, topic.c_str(), p)->offset = RD_KAFKA_OFFSET_BEGINNING;
  }
  rd_kafka_assign(rk, list);
  rd_kafka_topic_partition_list_destroy(list);
  std::set<int32_t> at_end;
  while (std::chrono::steady_clock::now() < deadline &&
         (at_end.size() < static_cast<size_t>(partitions) || out.size() < min_messages)) {
    rd_kafka_message_t* m = rd_kafka_consumer_poll(rk, 100);
    if (m == nullptr) continue;
    if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
      at_end.insert(m->partition);
    } else if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      at_end.erase(m->partition);
      Consumed c;
      c.partition = m->partition;
      c.offset = m->offset;
      if (m->key) c.key.assign(static_cast<const char*>(m->key), m->key_len);
      if (m->payload) c.value.assign(static_cast<const char*>(m->payload), m->len);
      rd_kafka_headers_t* headers = nullptr;
      if (rd_kafka_message_headers(m, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR) {
        const char* name;
        const void* value;
        size_t size;
        for (size_t i = 0; !rd_kafka_header_get_all(headers, i, &name, &value, &size); ++i) {
          c.headers.push_back({name, std::string(static_cast<const char*>(value), size)});
        }
      }
      auto event = codec::FromKafkaMessage(c.headers, c.value);
      if (event.ok()) c.event = std::move(*event);
      out.push_back(std::move(c));
    }
    rd_kafka_message_destroy(m);
  }
  rd_kafka_consumer_close(rk);
  rd_kafka_destroy(rk);
  return out;
}

std::vector<Consumed> ReadTopicWithKcat(const std::string& brokers, const std::string& topic) {
  std::vector<Consumed> out;
  const std::string command =
      "kcat -b '" + brokers + "' -C -t '" + topic + "' -o beginning -e -J -q 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::string line;
  char buffer[65536];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
    line += buffer;
    if (line.empty() || line.back() != '\n') continue;
    auto json = nlohmann::json::parse(line, nullptr, false);
    line.clear();
    if (json.is_discarded() || !json.is_object()) continue;
    Consumed c;
    c.partition = json.value("partition", -1);
    c.offset = json.value("offset", int64_t{-1});
    if (json["key"].is_string()) c.key = json["key"].get<std::string>();
    if (json["payload"].is_string()) c.value = json["payload"].get<std::string>();
    const auto& headers = json["headers"];
    for (size_t i = 0; headers.is_array() && i + 1 < headers.size(); i += 2) {
      c.headers.push_back({headers[i].get<std::string>(),
                           headers[i + 1].is_string() ? headers[i + 1].get<std::string>() : ""});
    }
    auto event = codec::FromKafkaMessage(c.headers, c.value);
    if (event.ok()) c.event = std::move(*event);
    out.push_back(std::move(c));
  }
  ::pclose(pipe);
  return out;
}

namespace {

Status CreateTopicOnce(const std::string& brokers, const std::string& topic, int partitions) {
  rd_kafka_t* rk = NewClient(RD_KAFKA_PRODUCER, brokers);
  if (rk == nullptr) return Status::Unavailable("cannot create an admin client");
  char error[512];
  rd_kafka_NewTopic_t* nt =
      rd_kafka_NewTopic_new(topic.c_str(), partitions, 1, error, sizeof error);
  rd_kafka_queue_t* queue = rd_kafka_queue_new(rk);
  rd_kafka_CreateTopics(rk, &nt, 1, nullptr, queue);
  rd_kafka_event_t* ev = rd_kafka_queue_poll(queue, 30000);
  Status s = Status::Unavailable("no answer to CreateTopics");
  if (ev != nullptr) {
    const rd_kafka_CreateTopics_result_t* result = rd_kafka_event_CreateTopics_result(ev);
    size_t n = 0;
    const rd_kafka_topic_result_t** topics =
        result ? rd_kafka_CreateTopics_result_topics(result, &n) : nullptr;
    if (rd_kafka_event_error(ev)) {
      s = Status::Unavailable(rd_kafka_event_error_string(ev));
    } else if (n == 1 && rd_kafka_topic_result_error(topics[0])) {
      s = Status::Unavailable(rd_kafka_topic_result_error_string(topics[0]));
    } else {
      s = Status::Ok();
    }
    rd_kafka_event_destroy(ev);
  }
  rd_kafka_NewTopic_destroy(nt);
  rd_kafka_queue_destroy(queue);
  rd_kafka_destroy(rk);
  return s;
}

}  // namespace

Status CreateTopic(const std::string& brokers, const std::string& topic, int partitions) {
  // A broker that has just restarted may answer "not ready yet" for a while.
  Status s;
  for (int attempt = 0; attempt < 20; ++attempt) {
    s = CreateTopicOnce(brokers, topic, partitions);
    if (s.ok() || s.message().find("already exists") != std::string::npos) return Status::Ok();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  return s;
}

bool ProduceRaw(const std::string& brokers, const std::string& topic, int32_t partition,
                const std::vector<codec::KafkaMessage>& messages) {
  static std::atomic<int> failures{0};
  failures = 0;
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  char error[512];
  rd_kafka_conf_set(conf, "bootstrap.servers", brokers.c_str(), error, sizeof error);
  rd_kafka_conf_set(conf, "enable.idempotence", "true", error, sizeof error);
  rd_kafka_conf_set_dr_msg_cb(conf, [](rd_kafka_t*, const rd_kafka_message_t* m, void*) {
    if (m->err) ++failures;
  });
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
  if (rk == nullptr) return false;
  bool ok = true;
  for (const codec::KafkaMessage& m : messages) {
    rd_kafka_headers_t* headers = rd_kafka_headers_new(m.headers.size());
    for (const auto& h : m.headers) {
      rd_kafka_header_add(headers, h.name.data(), h.name.size(), h.value.data(), h.value.size());
    }
    const rd_kafka_resp_err_t err =
        rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_PARTITION(partition),
                          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                          RD_KAFKA_V_KEY(const_cast<char*>(m.key.data()), m.key.size()),
                          RD_KAFKA_V_VALUE(const_cast<char*>(m.value.data()), m.value.size()),
                          RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_END);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      rd_kafka_headers_destroy(headers);  // not taken over on failure
      ok = false;
      break;
    }
  }
  ok = ok && rd_kafka_flush(rk, 30000) == RD_KAFKA_RESP_ERR_NO_ERROR && failures == 0;
  rd_kafka_destroy(rk);
  return ok;
}

std::string UniqueTopic(const std::string& name) {
  static std::atomic<int> counter{0};
  return "test." + name + "." + std::to_string(::getpid()) + "." + std::to_string(++counter) + "." +
         std::to_string(Now().micros() % 1000000);
}

std::string CheckDeliveryContract(const std::vector<Consumed>& messages,
                                  const std::vector<RecordedEvent>& log_events,
                                  uint64_t* duplicates) {
  std::vector<const Consumed*> ordered;
  for (const Consumed& m : messages) ordered.push_back(&m);
  std::sort(ordered.begin(), ordered.end(), [](const Consumed* a, const Consumed* b) {
    return std::pair(a->partition, a->offset) < std::pair(b->partition, b->offset);
  });
  std::map<int32_t, uint64_t> max_seen;
  std::map<std::string, uint64_t> stream_version;
  std::vector<bool> seen(log_events.size() + 1, false);
  *duplicates = 0;
  for (const Consumed* m : ordered) {
    if (!m->event) {
      return "partition " + std::to_string(m->partition) + " offset " + std::to_string(m->offset) +
             ": not a CloudEvent of the log";
    }
    const uint64_t p = m->event->position.value;
    const std::string where = "partition " + std::to_string(m->partition) + " offset " +
                              std::to_string(m->offset) + " (position " + std::to_string(p) + ")";
    if (p == 0 || p > log_events.size()) return where + ": not a position of the log";
    const RecordedEvent& original = log_events[p - 1];
    if (m->key != original.stream.str()) return where + ": key is not the stream";
    if (codec::ToCloudEventJson(*m->event) != codec::ToCloudEventJson(original)) {
      return where + ": content differs from the log";
    }
    if (p <= max_seen[m->partition]) {
      if (!seen[p]) return where + ": arrived after a higher position and was never seen before";
      ++*duplicates;
      continue;
    }
    if (seen[p]) return where + ": first seen in another partition";
    max_seen[m->partition] = p;
    seen[p] = true;
    uint64_t& version = stream_version[original.stream.str()];
    if (original.version.value != version + 1) {
      return where + ": stream " + original.stream.str() + " jumps from version " +
             std::to_string(version) + " to " + std::to_string(original.version.value);
    }
    version = original.version.value;
  }
  for (uint64_t p = 1; p <= log_events.size(); ++p) {
    if (!seen[p]) return "position " + std::to_string(p) + " was never delivered";
  }
  return "";
}

std::string FixtureBrokerDir() {
  const char* dir = std::getenv("DEALSTREAM_KAFKA_DIR");
  return dir == nullptr ? "" : dir;
}

std::string FixtureBrokers() {
  std::ifstream in(FixtureBrokerDir() + "/bootstrap");
  std::string address;
  std::getline(in, address);
  return address;
}

int FixturePort(const std::string& name) {
  std::ifstream in(FixtureBrokerDir() + "/server.properties");
  const std::string prefix = "# " + name + "=";
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) == 0) return std::atoi(line.c_str() + prefix.size());
  }
  return 0;
}

int RunKafkaScript(const std::string& args) {
  const std::string command =
      std::string(DEALSTREAM_KAFKA_SCRIPT) + " " + args + " --dir '" + FixtureBrokerDir() + "'";
  const int rc = std::system(command.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace dealstream::kafka::testing
