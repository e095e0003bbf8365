// The organisational role an employee is hired into. It is not an access
// role (those belong to API tokens) but it decides who may approve, manage
// and be counted where.
#pragma once

#include <array>
#include <string_view>
#include <utility>

namespace dealstream::domain {

enum class EmployeeRole { kSales, kPresales, kManager, kDirector, kService, kFinance, kAdmin };
constexpr auto EnumNames(EmployeeRole) {
  return std::array{std::pair{EmployeeRole::kSales, std::string_view("sales")},
                    std::pair{EmployeeRole::kPresales, std::string_view("presales")},
                    std::pair{EmployeeRole::kManager, std::string_view("manager")},
                    std::pair{EmployeeRole::kDirector, std::string_view("director")},
                    std::pair{EmployeeRole::kService, std::string_view("service")},
                    std::pair{EmployeeRole::kFinance, std::string_view("finance")},
                    std::pair{EmployeeRole::kAdmin, std::string_view("admin")}};
}

}  // namespace dealstream::domain
