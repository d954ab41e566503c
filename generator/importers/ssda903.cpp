#include "importers/ssda903.h"

#include "importers/csv_table.h"

#include <map>

namespace safesite {

std::optional<Date> parse_uk_date(std::string_view text) {
    if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
    std::string iso = std::string(text.substr(6, 4)) + "-" + std::string(text.substr(3, 2)) + "-" + std::string(text.substr(0, 2));
    return parse_full_date(iso);
}

namespace {

enum class Table { header, episodes, reviews, missing, oc3, uasc, unknown };

struct TableKind {
    Table table;
    const char* usual_name;
    std::vector<std::string> columns;  // the columns that tell it apart
};

const std::vector<TableKind>& table_kinds() {
    static const std::vector<TableKind> kinds = {
        {Table::uasc, "uasc.csv", {"CHILD", "SEX", "DOB", "DUC"}},
        {Table::header, "header.csv", {"CHILD", "SEX", "DOB", "ETHNIC"}},
        {Table::episodes, "episodes.csv", {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "DEC", "REC"}},
        {Table::reviews, "reviews.csv", {"CHILD", "REVIEW", "REVIEW_CODE"}},
        {Table::missing, "missing.csv", {"CHILD", "MISSING", "MIS_START", "MIS_END"}},
        {Table::oc3, "oc3.csv", {"CHILD", "IN_TOUCH", "ACTIV", "ACCOM"}},
    };
    return kinds;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

class ReturnReader {
public:
    ReturnReader(Diagnostics& diags, LookedAfterReturn& out) : diags_(diags), out_(out) {}

    void header(const CsvTable& t) {
        for (const CsvRow& row : t.rows()) {
            std::string id = t.field(row, "CHILD");
            Location where{t.path(), row.line, 1};
            if (id.empty()) {
                diags_.error(where, "this row has no CHILD id", "every row of the header table names the council's id for the child");
                continue;
            }
            if (index_.count(id)) {
                diags_.error(where, "child '" + id + "' is listed twice in the header table", "each child has one row in the header table");
                out_.children[index_[id]].has_errors = true;
                continue;
            }
            index_[id] = out_.children.size();
            LookedAfterChild& child = out_.children.emplace_back();
            child.child_id = id;
            child.where = where;
            child.sex = t.field(row, "SEX");
            child.born = date(t, row, "DOB", child);
            child.ethnicity = t.field(row, "ETHNIC");
        }
    }

    void rows(const CsvTable& t, Table kind) {
        for (const CsvRow& row : t.rows()) {
            std::string id = t.field(row, "CHILD");
            Location where{t.path(), row.line, 1};
            auto it = index_.find(id);
            if (it == index_.end()) {
                diags_.warning(where, "child '" + id + "' is not in the header table; this row is left out",
                               "every child in the return has a row in the header table");
                continue;
            }
            LookedAfterChild& child = out_.children[it->second];
            switch (kind) {
            case Table::episodes: {
                LookedAfterEpisode& e = child.episodes.emplace_back();
                e.where = where;
                e.start = date(t, row, "DECOM", child);
                if (!e.start && t.field(row, "DECOM").empty()) error(child, where, "this episode has no start date (DECOM)");
                e.reason_new = t.field(row, "RNE");
                e.legal_status = t.field(row, "LS");
                e.category_of_need = t.field(row, "CIN");
                e.placement = t.field(row, "PLACE");
                e.provider = t.field(row, "PLACE_PROVIDER");
                e.end = date(t, row, "DEC", child);
                e.reason_end = t.field(row, "REC");
                e.reason_place_change = t.field(row, "REASON_PLACE_CHANGE");
                break;
            }
            case Table::reviews: {
                LookedAfterReview& r = child.reviews.emplace_back();
                r.where = where;
                r.date = date(t, row, "REVIEW", child);
                r.participation = t.field(row, "REVIEW_CODE");
                break;
            }
            case Table::missing: {
                MissingPeriod& m = child.missing.emplace_back();
                m.where = where;
                m.kind = t.field(row, "MISSING");
                m.start = date(t, row, "MIS_START", child);
                m.end = date(t, row, "MIS_END", child);
                break;
            }
            case Table::oc3: {
                CareLeaverCheck& c = child.care_leaver.emplace_back();
                c.where = where;
                c.in_touch = t.field(row, "IN_TOUCH");
                c.activity = t.field(row, "ACTIV");
                c.accommodation = t.field(row, "ACCOM");
                break;
            }
            case Table::uasc: child.unaccompanied_ceased = date(t, row, "DUC", child); break;
            default: break;
            }
        }
    }

private:
    void error(LookedAfterChild& child, const Location& where, std::string message, std::string hint = {}) {
        diags_.error(where, std::move(message), std::move(hint));
        child.has_errors = true;
    }

    std::optional<Date> date(const CsvTable& t, const CsvRow& row, std::string_view column, LookedAfterChild& child) {
        std::string value = t.field(row, column);
        if (value.empty()) return std::nullopt;
        auto d = parse_uk_date(value);
        if (!d)
            error(child, {t.path(), row.line, 1}, std::string(column) + " has the value '" + value + "', which is not a date",
                  "SSDA903 writes dates as dd/mm/YYYY, e.g. 31/03/2025");
        return d;
    }

    Diagnostics& diags_;
    LookedAfterReturn& out_;
    std::map<std::string, std::size_t> index_;
};

}  // namespace

LookedAfterReturn read_ssda903(FileSystem& fs, const std::string& dir, Diagnostics& diags, long long max_bytes) {
    LookedAfterReturn out;
    if (!fs.is_directory(dir)) {
        diags.error({dir, 0, 0}, "this is not a folder", "name the folder that holds the SSDA903 tables (header.csv, episodes.csv, ...)");
        return out;
    }
    std::vector<std::pair<Table, CsvTable>> tables;
    for (const DirectoryEntry& entry : fs.list(dir)) {
        if (entry.is_directory || entry.name.size() < 4 || entry.name.substr(entry.name.size() - 4) != ".csv") continue;
        std::string path = join_path(dir, entry.name);
        auto checked = fs.read_checked(path, max_bytes, true);
        if (checked.problem == FileSystem::Checked::too_big) {
            diags.error({path, 0, 0}, "the file is " + std::to_string(checked.size) + " bytes, more than safesite reads (" + std::to_string(max_bytes) + ")",
                        "a table this large is not one council's return; check that this is the right file");
            continue;
        }
        if (!checked.data) {
            diags.error({path, 0, 0}, "cannot read the file: " + checked.error);
            continue;
        }
        int errors_before = diags.error_count();
        CsvTable table = CsvTable::parse(path, *checked.data, diags);
        if (diags.error_count() > errors_before && table.columns().empty()) continue;
        Table kind = Table::unknown;
        for (const TableKind& k : table_kinds())
            if (table.has_columns(k.columns)) {
                kind = k.table;
                break;
            }
        if (kind == Table::unknown) {
            const TableKind* named = nullptr;
            for (const TableKind& k : table_kinds())
                if (entry.name == k.usual_name) named = &k;
            if (named)
                diags.error({path, 1, 1}, "this is not an SSDA903 " + entry.name.substr(0, entry.name.size() - 4) + " table: its columns are " + joined(table.columns()),
                            "the table needs the columns " + joined(named->columns));
            else
                diags.warning({path, 1, 1}, "safesite does not read this table (columns " + joined(table.columns()) + ")",
                              "it reads header, episodes, reviews, missing, oc3 and uasc");
            continue;
        }
        tables.emplace_back(kind, std::move(table));
    }
    const CsvTable* header = nullptr;
    for (const auto& [kind, table] : tables)
        if (kind == Table::header) {
            if (header)
                diags.error({table.path(), 1, 1}, "a second header table; " + header->path() + " is the first", "keep one year's return in the folder");
            else
                header = &table;
        }
    if (!header) {
        diags.error({dir, 0, 0}, "there is no SSDA903 header table (CHILD, SEX, DOB, ETHNIC) in this folder",
                    "the header table lists every child in the return; export header.csv with the other tables");
        return out;
    }
    ReturnReader reader(diags, out);
    reader.header(*header);
    for (const auto& [kind, table] : tables)
        if (kind != Table::header) reader.rows(table, kind);
    return out;
}

}  // namespace safesite
