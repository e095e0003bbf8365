#include "app/replay_cli.h"

#include <charconv>
#include <cstdio>
#include <functional>
#include <map>

#include "app/progress.h"
#include "app/replay_cli_internal.h"
#include "replay/data_dir.h"
#include "replay/history.h"
#include "replay/projection_query.h"
#include "replay/read_side.h"

namespace dealstream::app {
namespace replay_cli {

int Fail(const std::string& command, const Status& status) {
  std::fprintf(stderr, "dealstream %s: %s\n", command.c_str(), status.message().c_str());
  return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
}

std::string DataPath(const Args& args) { return args.OptionOr("data", "./data"); }

Result<std::optional<Timestamp>> TimeOption(const Args& args, const std::string& name) {
  auto text = args.Option(name);
  if (!text) return std::optional<Timestamp>();
  auto t = ParseTimestamp(*text);
  if (!t.ok()) return Status::InvalidArgument("--" + name + ": " + t.error().message());
  return std::optional<Timestamp>(*t);
}

Result<uint64_t> NumberOption(const Args& args, const std::string& name, uint64_t fallback) {
  auto text = args.Option(name);
  if (!text) return fallback;
  uint64_t v = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (text->empty() || ec != std::errc() || end != text->data() + text->size()) {
    return Status::InvalidArgument("--" + name + ": '" + *text + "' is not a whole number");
  }
  return v;
}

namespace {

Result<eventstore::StreamName> StreamArg(const Args& args) {
  auto stream = eventstore::StreamName::Parse(args.positional[0]);
  if (!stream.ok()) {
    return Status::InvalidArgument("STREAM: " + stream.error().message() +
                                   " (e.g. opportunity-1C1I7A6R)");
  }
  return *stream;
}

}  // namespace

int History(const Args& args) {
  const std::string format = args.OptionOr("format", "table");
  if (Status s = CheckChoice("format", format, {"table", "json"}); !s.ok()) return Fail("history", s);
  auto stream = StreamArg(args);
  if (!stream.ok()) return Fail("history", stream.error());
  auto from = NumberOption(args, "from-version", 1);
  if (!from.ok()) return Fail("history", from.error());
  auto limit = NumberOption(args, "limit", 1000);
  if (!limit.ok()) return Fail("history", limit.error());
  auto dir = replay::DataDir::Open({.path = DataPath(args)});
  if (!dir.ok()) return Fail("history", dir.error());
  auto history = replay::LoadHistory((*dir)->log(), *stream,
                                     {.from_version = *from, .limit = *limit});
  if (!history.ok()) return Fail("history", history.error());
  const std::string out = format == "json" ? replay::ToJson(*history) + "\n"
                                           : replay::ToTable(*history);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int State(const Args& args) {
  const std::string format = args.OptionOr("format", "text");
  if (Status s = CheckChoice("format", format, {"text", "json"}); !s.ok()) return Fail("state", s);
  auto stream = StreamArg(args);
  if (!stream.ok()) return Fail("state", stream.error());
  auto as_of = TimeOption(args, "as-of");
  if (!as_of.ok()) return Fail("state", as_of.error());
  auto known_at = TimeOption(args, "known-at");
  if (!known_at.ok()) return Fail("state", known_at.error());
  auto dir = replay::DataDir::Open({.path = DataPath(args)});
  if (!dir.ok()) return Fail("state", dir.error());
  auto state = replay::LoadStateAsOf((*dir)->log(), *stream, {*as_of, *known_at});
  if (!state.ok()) return Fail("state", state.error());
  const std::string out = format == "json" ? replay::ToJson(*state) + "\n" : replay::ToText(*state);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int Query(const Args& args) {
  replay::QueryRequest request;
  request.projection = args.positional[0];
  const std::string format = args.OptionOr("format", "json");
  if (Status s = CheckChoice("format", format, {"json", "csv"}); !s.ok()) return Fail("query", s);
  request.format = format == "csv" ? replay::QueryFormat::kCsv : replay::QueryFormat::kJson;
  auto as_of = TimeOption(args, "as-of");
  if (!as_of.ok()) return Fail("query", as_of.error());
  auto known_at = TimeOption(args, "known-at");
  if (!known_at.ok()) return Fail("query", known_at.error());
  request.at.as_of = *as_of;
  request.at.known_at = *known_at;
  if (args.Option("position")) {
    auto position = NumberOption(args, "position", 0);
    if (!position.ok()) return Fail("query", position.error());
    request.at.position = *position;
  }
  request.filters.department = args.Option("department");
  request.filters.owner = args.Option("owner");
  request.filters.region = args.Option("region");
  request.filters.product = args.Option("product");
  request.filters.period = args.Option("period");
  request.filters.currency = args.Option("currency");
  request.granularity = args.Option("granularity");
  auto dir = replay::DataDir::Open({.path = DataPath(args)});
  if (!dir.ok()) return Fail("query", dir.error());
  Progress progress("catching up", "events");
  auto side = replay::ReadSide::Open(
      **dir, {.read_only = true,
              .on_catch_up = [&](uint64_t done, uint64_t total) { progress.Update(done, total); }});
  if (!side.ok()) return Fail("query", side.error());
  auto answer = replay::RunQuery((*side)->models(), request);
  if (!answer.ok()) return Fail("query", answer.error());
  std::fwrite(answer->data(), 1, answer->size(), stdout);
  if (request.format == replay::QueryFormat::kJson) std::fputc('\n', stdout);
  return 0;
}

}  // namespace replay_cli

std::optional<int> RunReplaySubcommand(const std::string& command, int argc, char** argv) {
  using Handler = int (*)(const Args&);
  struct Entry {
    ArgSpec spec;
    Handler run;
  };
  static const std::map<std::string, Entry> kCommands = {
      {"history", {{{"format", "from-version", "limit"}, {}, 1, 1}, &replay_cli::History}},
      {"state", {{{"as-of", "known-at", "format"}, {}, 1, 1}, &replay_cli::State}},
      {"query",
       {{{"as-of", "known-at", "position", "department", "owner", "region", "product", "period",
          "currency", "granularity", "format"},
         {}, 1, 1},
        &replay_cli::Query}},
      {"verify", {{{"expect-head"}, {"no-projections"}, 0, 0}, &replay_cli::Verify}},
      {"rebuild", {{{}, {}, 0, 0}, &replay_cli::Rebuild}},
      {"export", {{{"format", "from", "output"}, {"sealed"}, 0, 0}, &replay_cli::Export}},
      {"import", {{{"durability"}, {}, 2, 2}, &replay_cli::Import}},
      {"forget", {{{"subject"}, {}, 0, 0}, &replay_cli::Forget}},
  };
  auto it = kCommands.find(command);
  if (it == kCommands.end()) return std::nullopt;
  auto args = ParseArgs(argc, argv, 2, it->second.spec);
  if (!args.ok()) {
    replay_cli::Fail(command, args.error());
    std::fputs(ReplayUsage(), stderr);
    return 2;
  }
  return it->second.run(*args);
}

const char* ReplayUsage() {
  return "  history STREAM [--format table|json] [--from-version N] [--limit N]\n"
         "           every event of a record with actor, times, causes and field changes\n"
         "  state STREAM [--as-of TIME] [--known-at TIME] [--format text|json]\n"
         "           a record as of a business time and/or recorded time\n"
         "  query PROJECTION [--as-of TIME] [--known-at TIME] [--position P]\n"
         "        [--department ID] [--owner ID] [--region R] [--product ID] [--period P]\n"
         "        [--currency C] [--granularity month|quarter|year] [--format json|csv]\n"
         "           PROJECTION: departments, employees, forecast, funnel, lifecycle,\n"
         "           lifecycle-transitions, pipeline, won-lost; as JSON only: competition,\n"
         "           customer-value, expenses, products, receivables, service\n"
         "  verify [--expect-head POSITION:HASH] [--no-projections]\n"
         "           positions, versions, hash chain, head, projections = fresh rebuild\n"
         "  rebuild  rebuild the projections from the log (beside a running server: by it)\n"
         "  export --format jsonl|csv [--from POSITION] [--sealed] [--output FILE]\n"
         "  import maven-crm SOURCE_DIR [--durability fsync|os]\n"
         "  import jsonl FILE|-           (into an empty data directory; no server running)\n"
         "  forget --subject CONTACT_ID   delete a contact's personal-data key (beside a\n"
         "           running server: through its admin API)\n"
         "  TIME is RFC 3339 or YYYY-MM-DD (the end of that day, UTC)\n";
}

}  // namespace dealstream::app
