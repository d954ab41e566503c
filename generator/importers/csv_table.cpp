#include "importers/csv_table.h"

#include "support/text.h"

#include <algorithm>

namespace safesite {

CsvTable CsvTable::parse(const std::string& path, std::string_view text, Diagnostics& diags) {
    CsvTable table;
    table.path_ = path;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<CsvRow> rows;
    CsvRow row{1, {}};
    std::string field;
    bool quoted = false;    // inside a quoted field
    bool any = false;       // the row has anything in it
    int line = 1;
    int quote_line = 0;
    auto end_row = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
        if (any) rows.push_back(std::move(row));
        row = CsvRow{line + 1, {}};
        any = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && trim(field).empty()) {
            quoted = true;
            quote_line = line;
            field.clear();
            any = true;
        } else if (c == ',') {
            row.fields.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            end_row();
            ++line;
        } else {
            field += c;
            if (c != ' ' && c != '\t') any = true;
        }
    }
    if (quoted) {
        diags.error({path, quote_line, 1}, "a quoted field starts on this row and is never closed",
                    "close the field with a double quote; write a quote inside a field as two (\"\")");
        return table;
    }
    if (any || !field.empty()) end_row();
    if (rows.empty()) {
        diags.error({path, 1, 1}, "the file is empty", "export the table again, with its header row of column names");
        return table;
    }
    for (auto& name : rows.front().fields) table.columns_.push_back(trim(name));
    for (std::size_t r = 1; r < rows.size(); ++r) {
        if (rows[r].fields.size() != table.columns_.size()) {
            diags.error({path, rows[r].line, 1},
                        "row has " + std::to_string(rows[r].fields.size()) + " fields but the header has " + std::to_string(table.columns_.size()),
                        "a comma inside a value needs the value in double quotes");
            continue;
        }
        table.rows_.push_back(std::move(rows[r]));
    }
    return table;
}

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
    auto it = std::find(columns_.begin(), columns_.end(), name);
    if (it == columns_.end()) return std::nullopt;
    return static_cast<std::size_t>(it - columns_.begin());
}

bool CsvTable::has_columns(const std::vector<std::string>& names) const {
    return std::all_of(names.begin(), names.end(), [&](const std::string& n) { return column(n).has_value(); });
}

std::string CsvTable::field(const CsvRow& row, std::string_view name) const {
    auto i = column(name);
    return i ? trim(row.fields[*i]) : std::string();
}

}  // namespace safesite
