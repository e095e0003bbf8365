#include "codec/upcasters/opportunity_opened_v1.h"

#include <charconv>
#include <cmath>

#include "codec/json_dom.h"
#include "codec/value_rules.h"
#include "domain/common/values.h"

namespace dealstream::codec::upcasters {

Result<std::string, FieldError> OpportunityOpenedV1ToV2(std::string_view payload) {
  auto dom = ParseOrderedJsonDom(payload);
  if (!dom.ok()) return Unexpected(std::move(dom).error());
  nlohmann::ordered_json& v1 = *dom;
  if (!v1.is_object()) return Unexpected(FieldError{"", "a v1 payload must be a JSON object"});

  const auto currency_it = v1.find("currency");
  if (currency_it == v1.end() || !currency_it->is_string() ||
      !IsCurrencyCode(currency_it->get_ref<const std::string&>())) {
    return Unexpected(ErrorAt("currency", "v1 needs a currency code of three upper-case letters"));
  }
  const std::string currency = currency_it->get<std::string>();
  const auto amount_it = v1.find("amount");
  if (amount_it == v1.end() || !amount_it->is_number()) {
    return Unexpected(ErrorAt("amount", "v1 needs the amount as a JSON number"));
  }

  // Exact conversion: the shortest decimal that reads back as the same
  // double is the number the writer meant ("125000.5", never
  // "125000.49999…"); it must then pass the Money rules as written.
  std::string decimal;
  if (amount_it->is_number_float()) {
    const double value = amount_it->get<double>();
    if (!(std::fabs(value) < 9007199254740992.0)) {  // 2^53; also false for NaN
      return Unexpected(ErrorAt("amount", "is too large to have been stored exactly"));
    }
    char buffer[400];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (ec != std::errc()) return Unexpected(ErrorAt("amount", "cannot be written as a decimal"));
    decimal.assign(buffer, end);
  } else {
    decimal = amount_it->dump();
  }
  auto minor = ParseAmount(decimal, currency, /*allow_negative=*/true);
  if (!minor.ok()) {
    const bool decimals = minor.error().find("decimal places") != std::string::npos;
    return Unexpected(ErrorAt(
        "amount", decimals ? "has more decimals than " + currency + " allows" : minor.error()));
  }

  // Rebuild in field order: amount becomes Money, currency goes away.
  nlohmann::ordered_json v2 = nlohmann::ordered_json::object();
  for (auto& [key, value] : v1.items()) {
    if (key == "currency") continue;
    if (key == "amount") {
      v2["amount"] = {{"amount", FormatAmount(*minor, currency)},
                      {"currency", currency}};
    } else {
      v2[key] = std::move(value);
    }
  }
  return v2.dump();
}

}  // namespace dealstream::codec::upcasters
