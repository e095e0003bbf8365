#include "projections/forecast.h"

#include <map>
#include <tuple>

namespace dealstream::projections {
namespace {

struct Sum {
  int64_t count = 0;
  int64_t amount = 0;
  __int128 weighted = 0;
};

}  // namespace

ForecastView BuildForecast(const CrmBooks& books, const Scope& scope, Granularity granularity) {
  const OpportunityBook& book = books.opportunities;
  ForecastView view;
  view.granularity = granularity;
  view.position = books.position;
  CellTable storage;
  const CellTable& cells = CellsFor(books, scope, storage, {.month = true});

  CurrencyChoice choice = ChooseCurrency(book, scope, cells);
  const std::optional<uint16_t> currency = choice.index;
  view.currency = choice.name;
  view.other_currencies = std::move(choice.others);

  if (!currency) return view;

  // (bucket start month, category order) -> sums. Won deals form the
  // "closed" category of the period they were won in.
  constexpr int kClosed = 1 << 16;
  std::map<std::pair<int32_t, int>, Sum> forecast;
  std::map<int32_t, std::pair<Sum, Sum>> won_lost;
  for (const auto& [key, value] : cells) {
    if (value.count == 0 || key.currency != *currency || !AllowsCell(scope, key)) continue;
    const int32_t bucket = BucketStart(key.month, granularity);
    const auto status = static_cast<DealStatus>(key.status);
    if (status == DealStatus::kOpen || status == DealStatus::kWon) {
      Sum& s = forecast[{bucket, status == DealStatus::kWon ? kClosed : key.category}];
      s.count += value.count;
      s.amount += value.amount;
      s.weighted += status == DealStatus::kWon ? static_cast<__int128>(value.amount) * 100
                                                : value.weighted;
    }
    if (status == DealStatus::kWon || status == DealStatus::kLost) {
      Sum& s = status == DealStatus::kWon ? won_lost[bucket].first : won_lost[bucket].second;
      s.count += value.count;
      s.amount += value.amount;
    }
  }
  for (const auto& [k, s] : forecast) {
    view.rows.push_back(ForecastRow{
        .period = BucketName(k.first, granularity),
        .category = k.second == kClosed ? std::string("closed")
                                        : std::string(book.CategoryName(static_cast<uint8_t>(k.second))),
        .count = s.count,
        .amount = {s.amount, view.currency},
        .weighted_amount = {WeightedMinor(s.weighted), view.currency}});
  }
  for (const auto& [bucket, wl] : won_lost) {
    view.won_lost.push_back(WonLostRow{.period = BucketName(bucket, granularity),
                                       .won_count = wl.first.count,
                                       .won_amount = {wl.first.amount, view.currency},
                                       .lost_count = wl.second.count,
                                       .lost_amount = {wl.second.amount, view.currency}});
  }
  return view;
}

}  // namespace dealstream::projections
