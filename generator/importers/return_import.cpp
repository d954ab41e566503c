#include "importers/return_import.h"

#include "importers/cin_census.h"
#include "importers/ssda903.h"
#include "support/concat.h"
#include "support/text.h"

namespace safesite {

std::string without_identifiers(std::string line) {
    for (const char* tag : {"UPN", "FormerUPN", "NHSNumber", "NHSnumber", "PostCode", "Postcode", "HomePostcode", "PlacementPostcode"}) {
        std::string open = concat("<", tag, ">");
        for (std::size_t at = line.find(open); at != std::string::npos; at = line.find(open, at + open.size())) {
            std::size_t start = at + open.size();
            std::size_t end = line.find('<', start);
            line.replace(start, (end == std::string::npos ? line.size() : end) - start, "...");
        }
    }
    return line;
}

namespace {

// Every quoted line through without_identifiers().
void scrub(Diagnostics& diags) {
    Diagnostics clean;
    for (Diagnostic d : diags.items()) {
        d.source_line = without_identifiers(d.source_line);
        clean.add(std::move(d));
    }
    diags = std::move(clean);
}

ReturnImport write(FileSystem& fs, const std::string& content_dir, const std::vector<ImportedChild>& children, std::string_view source,
                   ReturnImport r, Diagnostics& diags) {
    if (!fs.is_directory(content_dir)) {
        diags.error({content_dir, 0, 0}, "the content folder does not exist", "name it with --content DIR");
        return r;
    }
    r.summary = write_child_records(fs, content_dir, children, source, diags);
    return r;
}

}  // namespace

ReturnImport import_cin_census(FileSystem& fs, const std::string& file, const std::string& content_dir, const std::string& year,
                               Diagnostics& diags) {
    ReturnImport r;
    Diagnostics reading;
    CinCensus census = read_cin_census_file(fs, file, reading);
    scrub(reading);
    diags.append(reading);
    r.in_return = census.children.size();
    r.year = year;
    if (r.year.empty() && census.reference_date) r.year = collection_year_of(census.reference_date->year, census.reference_date->month);
    if (census.children.empty()) return r;
    if (r.year.empty()) {
        diags.error({file, 0, 0}, "the census has no <ReferenceDate>, so its year is not known", "say which year it is with --year YYYY-YY");
        return r;
    }
    CodeLists lists(r.year);
    return write(fs, content_dir, cin_children(census, lists, diags), kCinSource, std::move(r), diags);
}

ReturnImport import_ssda903(FileSystem& fs, const std::string& dir, const std::string& content_dir, const std::string& year,
                            Diagnostics& diags) {
    ReturnImport r;
    LookedAfterReturn ret = read_ssda903(fs, dir, diags);
    r.in_return = ret.children.size();
    r.year = year.empty() ? looked_after_year(ret) : year;
    if (ret.children.empty()) return r;
    if (r.year.empty()) {
        diags.error({dir, 0, 0}, "the return has no dates, so its year is not known", "say which year it is with --year YYYY-YY");
        return r;
    }
    CodeLists lists(r.year);
    return write(fs, content_dir, looked_after_children(ret, lists, diags), kLookedAfterSource, std::move(r), diags);
}

std::string import_summary(const ReturnImport& r, const std::string& what) {
    const ImportSummary& s = r.summary;
    std::string out = "Imported " + with_thousands(s.children) + " of " +
                      counted(static_cast<long long>(r.in_return), "child", "children") + " from " + what;
    if (!r.year.empty()) out += " (" + r.year + ")";
    out += ": " + counted(s.created, "new record", "new records") + ", " + with_thousands(s.updated) + " updated, " +
           with_thousands(s.unchanged) + " unchanged; " + counted(s.entries_added, "entry", "entries") + " added.\n";
    return out;
}

}  // namespace safesite
