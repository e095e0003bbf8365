#include "demo/names.h"

#include <vector>

namespace dealstream::demo {

namespace {

const std::vector<std::string> kFirst = {
    "Anna", "Ben",  "Chen", "Dara",  "Elena", "Farid", "Grace", "Hiro",  "Ines",  "Jonas",
    "Kira", "Liam", "Mei",  "Nadia", "Omar",  "Priya", "Quinn", "Rosa",  "Sven",  "Tara",
    "Umar", "Vera", "Wei",  "Xenia", "Yusuf", "Zoe",   "Li",    "Marta", "Pavel", "Sofia"};
const std::vector<std::string> kLast = {
    "Andersen", "Brooks", "Castro", "Dubois", "Evans", "Fischer", "Garcia", "Huang",   "Ito",
    "Jensen",   "Kowal",  "Larsen", "Moreau", "Novak", "Okafor",  "Patel",  "Qureshi", "Rossi",
    "Schmidt",  "Tanaka", "Ulloa",  "Varga",  "Wang",  "Yilmaz",  "Zhang"};
const std::vector<std::string> kStem = {
    "Apex",   "Blue River", "Cedar",    "Delta", "Evergreen", "Falcon",    "Granite",   "Harbor",
    "Iron",   "Juniper",    "Keystone", "Lumen", "Meridian",  "Northwind", "Orion",     "Pioneer",
    "Quartz", "Redwood",    "Summit",   "Titan", "Unity",     "Vertex",    "Westfield", "Zenith"};
const std::vector<std::string> kKind = {"Logistics", "Manufacturing", "Health",  "Energy",
                                        "Foods",     "Retail",        "Bank",    "Telecom",
                                        "Motors",    "Chemicals",     "Systems", "Utilities"};
const std::vector<std::string> kSuffix = {"Inc.", "Ltd.", "Group", "GmbH", "Co.", "S.A."};
const std::vector<std::string> kIndustry = {"manufacturing", "healthcare",    "energy",
                                            "retail",        "finance",       "telecom",
                                            "logistics",     "public sector", "education"};

}  // namespace

std::string PersonName(Rng& rng) { return rng.Pick(kFirst) + " " + rng.Pick(kLast); }

std::string CompanyName(Rng& rng, size_t index) {
  const size_t stem = index % kStem.size();
  const size_t kind = (index / kStem.size()) % kKind.size();
  const size_t round = index / (kStem.size() * kKind.size());
  std::string name = kStem[stem] + " " + kKind[kind];
  if (round > 0) name += " " + std::to_string(round + 1);
  return name + " " + rng.Pick(kSuffix);
}

std::string Industry(Rng& rng) { return rng.Pick(kIndustry); }

}  // namespace dealstream::demo
