#include "demo/script.h"

#include <algorithm>
#include <cstdio>

namespace dealstream::demo {

void Finalize(Script& script, Timestamp now) {
  std::stable_sort(script.begin(), script.end(),
                   [](const Step& a, const Step& b) { return a.at < b.at; });
  auto past = std::find_if(script.begin(), script.end(), [&](const Step& s) { return s.at > now; });
  script.erase(past, script.end());
}

nlohmann::json Usd(int64_t cents) {
  char text[32];
  std::snprintf(text, sizeof(text), "%lld.%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return {{"amount", text}, {"currency", "USD"}};
}

}  // namespace dealstream::demo
