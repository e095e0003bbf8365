// verify, rebuild, export, import and forget. On a directory a running
// server holds, forget, rebuild and `import maven-crm` go through it and
// `import jsonl` is refused with what to do (replay_cli_server.cc).
#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/progress.h"
#include "app/replay_cli_internal.h"
#include "replay/data_dir.h"
#include "replay/forget.h"
#include "replay/log_transfer.h"
#include "replay/maven/import.h"
#include "replay/read_side.h"
#include "replay/verify.h"

namespace dealstream::app::replay_cli {
namespace {

Result<eventstore::Durability> DurabilityOption(const Args& args) {
  const std::string value = args.OptionOr("durability", "fsync");
  if (Status s = CheckChoice("durability", value, {"fsync", "os"}); !s.ok()) return s;
  return value == "os" ? eventstore::Durability::kOs : eventstore::Durability::kFsync;
}

}  // namespace

int Verify(const Args& args) {
  replay::VerifyOptions options;
  options.projections = !args.Flag("no-projections");
  if (auto text = args.Option("expect-head")) {
    auto head = replay::ParseHead(*text);
    if (!head.ok()) return Fail("verify", head.error());
    options.expected_head = *head;
  }
  auto dir = replay::DataDir::Open({.path = DataPath(args)});
  if (!dir.ok()) return Fail("verify", dir.error());
  Progress progress("verify", "events");
  options.progress = [&](uint64_t done, uint64_t total) { progress.Update(done, total); };
  auto outcome = replay::VerifyDataDir(**dir, options);
  if (!outcome.ok()) return Fail("verify", outcome.error());
  if (!outcome->ok && outcome->first_bad_position != 0) {
    std::printf("FAILED at position %llu: %s\n",
                static_cast<unsigned long long>(outcome->first_bad_position),
                outcome->problem.c_str());
    return 1;
  }
  std::printf("log OK: %s events, head %s\n", WithThousands(outcome->events_checked).c_str(),
              replay::FormatHead(outcome->head).c_str());
  for (const replay::ProjectionCheck& p : outcome->projections) {
    if (!p.ok) {
      std::printf("projection %s: FAILED: %s\n", p.name.c_str(), p.detail.c_str());
    } else if (p.has_snapshot && p.detail.empty()) {
      std::printf("projection %s: OK, snapshot at position %llu equals a fresh rebuild\n",
                  p.name.c_str(), static_cast<unsigned long long>(p.checkpoint));
    } else {
      std::printf("projection %s: not compared: %s\n", p.name.c_str(), p.detail.c_str());
    }
  }
  if (!outcome->ok) {
    std::printf("FAILED: %s\n", outcome->problem.c_str());
    return 1;
  }
  std::printf("OK\n");
  return 0;
}

int Rebuild(const Args& args) {
  auto dir = replay::DataDir::Open({.path = DataPath(args)});
  if (!dir.ok()) return Fail("rebuild", dir.error());
  Progress catch_up("catching up", "events");
  auto side = replay::ReadSide::Open(
      **dir, {.read_only = false,
              .on_catch_up = [&](uint64_t done, uint64_t total) { catch_up.Update(done, total); }});
  if (!side.ok() && side.error().code() == StatusCode::kFailedPrecondition) {
    return RebuildThroughServer(DataPath(args), side.error());
  }
  if (!side.ok()) return Fail("rebuild", side.error());
  Progress progress("rebuild", "events");
  uint64_t last = 0;
  Status s = (*side)->models().Rebuild([&](uint64_t done, uint64_t total) {
    last = done;
    progress.Update(done, total);
  });
  if (!s.ok()) return Fail("rebuild", s);
  progress.Finish(last);
  const projections::WorkerStats stats = (*side)->models().stats();
  std::printf("rebuilt %s: generation %llu at position %llu, snapshot stored\n",
              stats.name.c_str(), static_cast<unsigned long long>(stats.generation),
              static_cast<unsigned long long>(stats.position));
  return 0;
}

int Export(const Args& args) {
  auto format = args.Option("format");
  if (!format) return Fail("export", Status::InvalidArgument("--format jsonl|csv is required"));
  if (Status s = CheckChoice("format", *format, {"jsonl", "csv"}); !s.ok()) return Fail("export", s);
  replay::ExportOptions options;
  options.format = *format == "csv" ? replay::ExportFormat::kCsv : replay::ExportFormat::kJsonLines;
  options.sealed = args.Flag("sealed");
  auto from = NumberOption(args, "from", 1);
  if (!from.ok()) return Fail("export", from.error());
  options.from_position = *from;
  auto dir = replay::DataDir::Open({.path = DataPath(args)});
  if (!dir.ok()) return Fail("export", dir.error());
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (auto path = args.Option("output")) {
    file.open(*path, std::ios::binary | std::ios::trunc);
    if (!file) return Fail("export", Status::Unavailable("--output: cannot write " + *path));
    out = &file;
  }
  std::ios::sync_with_stdio(false);
  auto stats = replay::ExportLog(**dir, options, *out);
  if (!stats.ok()) return Fail("export", stats.error());
  std::fprintf(stderr, "exported %s events (head %s)\n", WithThousands(stats->events).c_str(),
               replay::FormatHead(stats->head).c_str());
  return 0;
}

int Import(const Args& args) {
  const std::string& kind = args.positional[0];
  const std::string& source = args.positional[1];
  if (Status s = CheckChoice("import", kind, {"maven-crm", "jsonl"}); !s.ok()) {
    return Fail("import", Status::InvalidArgument("'" + kind + "' is not maven-crm or jsonl"));
  }
  auto durability = DurabilityOption(args);
  if (!durability.ok()) return Fail("import", durability.error());
  auto dir = replay::DataDir::Open(
      {.path = DataPath(args), .read_only = false, .durability = *durability});
  if (!dir.ok() && dir.error().code() == StatusCode::kFailedPrecondition) {
    if (kind == "maven-crm") return ImportMavenThroughServer(DataPath(args), source, dir.error());
    return Fail("import", ImportRefusal(DataPath(args), dir.error()));
  }
  if (!dir.ok()) return Fail("import", dir.error());
  if (kind == "jsonl") {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (source != "-") {
      file.open(source, std::ios::binary);
      if (!file) return Fail("import", Status::NotFound(source + ": cannot open the file"));
      in = &file;
    }
    Progress progress("import", "events");
    auto stats = replay::ImportJsonLines((*dir)->raw_log(), *in,
                                         [&](uint64_t done) { progress.Update(done, 0); });
    if (!stats.ok()) return Fail("import", stats.error());
    progress.Finish(stats->events);
    std::printf("imported %s events, head %s\n", WithThousands(stats->events).c_str(),
                replay::FormatHead(stats->head).c_str());
    return 0;
  }
  Progress progress("import", "commands");
  replay::maven::RunOptions options;
  options.progress = [&](uint64_t done, uint64_t total) { progress.Update(done, total); };
  auto report = replay::maven::ImportMaven(**dir, source, options);
  if (!report.ok()) return Fail("import", report.error());
  progress.Finish(report->stats.commands);
  const std::string text = replay::maven::FormatReport(*report);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

int Forget(const Args& args) {
  auto subject = args.Option("subject");
  if (!subject) return Fail("forget", Status::InvalidArgument("--subject CONTACT_ID is required"));
  auto dir = replay::DataDir::Open({.path = DataPath(args), .read_only = false});
  if (!dir.ok() && dir.error().code() == StatusCode::kFailedPrecondition) {
    return ForgetThroughServer(DataPath(args), *subject, dir.error());
  }
  if (!dir.ok()) return Fail("forget", dir.error());
  auto result = replay::ForgetContact((*dir)->raw_log(), (*dir)->vault().keys(), *subject, Now());
  if (!result.ok()) return Fail("forget", result.error());
  if (result->already_forgotten) {
    std::printf("contact %s was already forgotten at %s\n", result->contact_id.c_str(),
                FormatTimestamp(result->forgotten_at).c_str());
  } else {
    std::printf("forgot contact %s: its key is deleted; personal fields of %llu of its %llu "
                "events now read as [redacted]\n",
                result->contact_id.c_str(), static_cast<unsigned long long>(result->sealed_events),
                static_cast<unsigned long long>(result->events));
  }
  return 0;
}

}  // namespace dealstream::app::replay_cli
