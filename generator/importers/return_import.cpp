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

bool content_folder_exists(FileSystem& fs, const std::string& content_dir, Diagnostics& diags) {
    if (fs.is_directory(content_dir)) return true;
    diags.error({content_dir, 0, 0}, "the content folder does not exist", "name it with --content DIR");
    return false;
}

// Every quoted line through without_identifiers().
void scrub(Diagnostics& diags) {
    Diagnostics clean;
    for (Diagnostic d : diags.items()) {
        d.source_line = without_identifiers(d.source_line);
        clean.add(std::move(d));
    }
    diags = std::move(clean);
}

}  // namespace

// The census is read twice, a child at a time: once to be sure the whole
// file is a census that can be read, so that a file broken halfway writes
// nothing; then again, each child merged into its record as it is read. The
// file is never held whole: a census of 20,000 children imports in the
// memory of one.
ReturnImport import_cin_census(FileSystem& fs, const std::string& file, const std::string& content_dir, const std::string& year,
                               Diagnostics& diags) {
    ReturnImport r;
    CinHeader header;
    {
        Diagnostics reading;
        bool readable = read_cin_census_stream(
            fs, file, reading,
            [&](const CinHeader&, CinChild&&) {
                ++r.in_return;
                return true;
            },
            &header);
        if (!readable) {
            scrub(reading);
            diags.append(reading);
            r.in_return = 0;
            return r;
        }
        // The children's own problems are told by the second reading.
    }
    r.year = year;
    if (r.year.empty() && header.reference_date) r.year = collection_year_of(header.reference_date->year, header.reference_date->month);
    if (r.in_return == 0) return r;
    if (r.year.empty()) {
        diags.error({file, 0, 0}, "the census has no <ReferenceDate>, so its year is not known", "say which year it is with --year YYYY-YY");
        return r;
    }
    if (!content_folder_exists(fs, content_dir, diags)) return r;
    CodeLists lists(r.year);
    ChildRecordWriter writer(fs, content_dir, kCinSource, diags);
    Diagnostics reading;
    read_cin_census_stream(fs, file, reading, [&](const CinHeader&, CinChild&& child) {
        // The child's own problems are told once, then its entries made and merged.
        if (auto imported = cin_child(child, lists, reading)) writer.add(*imported);
        return true;
    });
    scrub(reading);
    diags.append(reading);
    r.summary = writer.summary();
    return r;
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
    if (!content_folder_exists(fs, content_dir, diags)) return r;
    // Each child's entries are made and merged in turn, never all at once.
    CodeLists lists(r.year);
    ChildRecordWriter writer(fs, content_dir, kLookedAfterSource, diags);
    for (const LookedAfterChild& c : ret.children)
        if (auto child = looked_after_child(c, lists, diags)) writer.add(*child);
    r.summary = writer.summary();
    return r;
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
