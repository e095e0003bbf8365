// Logging for benchmarks that run the server in-process: as `dealstream
// serve` logs (app/serve_command.cc) — server threads format one line per
// request and queue it for a logging thread — but into a null sink, so that
// writing 100,000s of lines to the terminal is not what a benchmark measures.
#pragma once

namespace dealstream::bench {

void LogLikeServeIntoNothing();

}  // namespace dealstream::bench
