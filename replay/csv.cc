#include "replay/csv.h"

#include <fstream>
#include <sstream>

namespace dealstream::replay {
namespace {

Status Bad(std::string_view file, size_t line, const std::string& rule) {
  return Status::InvalidArgument(std::string(file) + " line " + std::to_string(line) + ": " +
                                 rule);
}

}  // namespace

Result<CsvTable> ParseCsv(std::string_view text, std::string_view file) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  CsvTable table;
  std::vector<std::string> record;
  std::string field;
  size_t line = 1;
  size_t record_line = 1;
  size_t i = 0;
  bool record_has_content = false;
  auto end_record = [&]() -> Status {
    record.push_back(std::move(field));
    field.clear();
    if (table.header.empty()) {
      table.header = std::move(record);
    } else if (record.size() != table.header.size()) {
      return Bad(file, record_line,
                 "expected " + std::to_string(table.header.size()) + " fields, found " +
                     std::to_string(record.size()));
    } else {
      table.rows.push_back(std::move(record));
      table.lines.push_back(record_line);
    }
    record.clear();
    record_has_content = false;
    return Status::Ok();
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {
      if (!field.empty()) return Bad(file, line, "a quote inside an unquoted field");
      const size_t open_line = line;
      ++i;
      while (true) {
        if (i >= text.size()) return Bad(file, open_line, "a quoted field is never closed");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field.push_back(text[i++]);
      }
      record_has_content = true;
      if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        return Bad(file, line, "text after the closing quote of a field");
      }
      continue;
    }
    if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      record_has_content = true;
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      if (record_has_content || !field.empty()) {
        if (Status s = end_record(); !s.ok()) return s;
      }
      ++line;
      record_line = line;
      continue;
    }
    field.push_back(c);
    record_has_content = true;
    ++i;
  }
  if (record_has_content || !field.empty()) {
    if (Status s = end_record(); !s.ok()) return s;
  }
  if (table.header.empty()) return Status::InvalidArgument(std::string(file) + ": the file is empty");
  return table;
}

Result<CsvTable> ReadCsvFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open the file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::Unavailable(path + ": read failed");
  return ParseCsv(buffer.str(), path);
}

Result<size_t> ColumnIndex(const CsvTable& table, std::string_view name, std::string_view file) {
  for (size_t i = 0; i < table.header.size(); ++i) {
    if (table.header[i] == name) return i;
  }
  return Status::InvalidArgument(std::string(file) + ": the header has no column '" +
                                 std::string(name) + "'");
}

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace dealstream::replay
