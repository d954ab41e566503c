// A CSV table as the statutory returns write them (RFC 4180): a header row
// of column names, commas, fields in double quotes that may hold commas,
// quotes ("") and line breaks, CRLF or LF line ends, and an optional UTF-8
// byte order mark, as spreadsheets save.
#pragma once

#include "support/diagnostics.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesite {

struct CsvRow {
    int line = 0;  // the line the row starts on, counting the header as 1
    std::vector<std::string> fields;
};

class CsvTable {
public:
    // Parses `text` from `path`. Problems (an unclosed quote, a row with the
    // wrong number of fields) go to `diags` with the row's line; such rows
    // are left out.
    static CsvTable parse(const std::string& path, std::string_view text, Diagnostics& diags);

    const std::string& path() const { return path_; }
    const std::vector<std::string>& columns() const { return columns_; }
    const std::vector<CsvRow>& rows() const { return rows_; }
    // The index of a column by name, or nullopt.
    std::optional<std::size_t> column(std::string_view name) const;
    bool has_columns(const std::vector<std::string>& names) const;
    // The field in `column` of `row`, trimmed; empty when the column is absent.
    std::string field(const CsvRow& row, std::string_view column) const;

private:
    std::string path_;
    std::vector<std::string> columns_;
    std::vector<CsvRow> rows_;
};

}  // namespace safesite
