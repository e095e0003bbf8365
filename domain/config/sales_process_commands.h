// Commands of the sales process configuration (DESIGN §2.3): the stages an
// opportunity moves through, each with a default win probability and a
// forecast category.
//
// Configuration aggregates have one record each, at a fixed id: they share
// stream category "config", and their commands name the record with
// kFixedId instead of a target field (kTargetField is empty). They are not
// creations: the first command creates the stream, later ones replace the
// configuration, and until then the defaults are in force.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "domain/common/reflect.h"

namespace dealstream::domain {

// Where an opportunity in a stage counts in the forecast. The won stage is
// "closed" and the lost stage "omitted", as in Salesforce.
enum class ForecastCategory { kPipeline, kBestCase, kCommit, kClosed, kOmitted };
constexpr auto EnumNames(ForecastCategory) {
  return std::array{std::pair{ForecastCategory::kPipeline, std::string_view("pipeline")},
                    std::pair{ForecastCategory::kBestCase, std::string_view("best_case")},
                    std::pair{ForecastCategory::kCommit, std::string_view("commit")},
                    std::pair{ForecastCategory::kClosed, std::string_view("closed")},
                    std::pair{ForecastCategory::kOmitted, std::string_view("omitted")}};
}

struct SalesStage {
  std::string name;
  int32_t probability = 0;
  ForecastCategory forecast_category = ForecastCategory::kPipeline;
  bool closed = false;
  bool operator==(const SalesStage&) const = default;
};
constexpr auto Fields(const SalesStage*) {
  using T = SalesStage;
  return std::tuple{
      F("name", &T::name).MinLength(1).MaxLength(80).Doc("e.g. \"Needs Analysis\"; unique"),
      F("probability", &T::probability).Range(0, 100).Doc("default win probability, percent"),
      F("forecast_category", &T::forecast_category),
      F("closed", &T::closed).Doc("true for the won and the lost stage only")};
}

// Replaces the whole process. Open stages come first, in process order;
// then exactly one won stage (closed, 100, "closed") and one lost stage
// (closed, 0, "omitted").
struct ConfigureSalesProcess {
  static constexpr std::string_view kType = "ConfigureSalesProcess";
  static constexpr std::string_view kTargetField = "";
  static constexpr std::string_view kFixedId = "sales_process";
  static constexpr bool kCreates = false;
  std::vector<SalesStage> stages;
};
constexpr auto Fields(const ConfigureSalesProcess*) {
  using T = ConfigureSalesProcess;
  return std::tuple{
      F("stages", &T::stages).Doc("open stages in order, then the won and the lost stage")};
}

}  // namespace dealstream::domain
