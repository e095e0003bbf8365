// Names for the demo company's people and customers.
#pragma once

#include <string>

#include "demo/random.h"

namespace dealstream::demo {

std::string PersonName(Rng& rng);
// Distinct for distinct `index`.
std::string CompanyName(Rng& rng, size_t index);
std::string Industry(Rng& rng);

}  // namespace dealstream::demo
