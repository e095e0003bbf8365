// CSV (RFC 4180): a strict reader for the importers and field escaping for
// the exports. CRLF and LF line endings are both accepted; quoted fields may
// hold commas, quotes ("") and line breaks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace dealstream::replay {

struct CsvTable {
  std::vector<std::string> header;
  // Data rows; every row has header.size() fields.
  std::vector<std::vector<std::string>> rows;
  // 1-based line number of each row in the file (for error messages).
  std::vector<size_t> lines;
};

// Parses `text` (named `file` in errors). The first record is the header.
// Errors: InvalidArgument naming the file, line and rule (unterminated
// quote, a row with the wrong number of fields, a stray quote, an empty
// file, a UTF-8 byte-order mark is skipped silently).
Result<CsvTable> ParseCsv(std::string_view text, std::string_view file);

// Reads and parses a file. Errors as ParseCsv, plus NotFound.
Result<CsvTable> ReadCsvFile(const std::string& path);

// The index of column `name` in the header; InvalidArgument naming the file
// and the missing column.
Result<size_t> ColumnIndex(const CsvTable& table, std::string_view name, std::string_view file);

// `field` quoted when it holds a comma, quote, CR or LF (quotes doubled).
std::string CsvField(std::string_view field);

}  // namespace dealstream::replay
