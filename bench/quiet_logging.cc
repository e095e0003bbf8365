#include "quiet_logging.h"

#include <spdlog/async.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

namespace dealstream::bench {

void LogLikeServeIntoNothing() {
  spdlog::init_thread_pool(32768, 1);
  spdlog::set_default_logger(spdlog::create_async<spdlog::sinks::null_sink_mt>("bench"));
}

}  // namespace dealstream::bench
