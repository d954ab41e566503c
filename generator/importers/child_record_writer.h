// The one writer of imported records into children/<id>/child.xml. A new
// child gets a whole record; an existing record gets only the entries whose
// source and key it does not already hold, inserted after its last entry, so
// every byte a worker wrote (their entries, impacts, plan, comments and
// layout) stays exactly as it was. Re-importing the same return adds nothing.
#pragma once

#include "importers/imported_child.h"
#include "support/file_system.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesite {

// A return's id as a safe folder name and child id: "child-" and the id in
// lower case letters, digits and hyphens ("DfEX_0001" gives "child-dfex-0001").
std::string child_folder_name(std::string_view source_id);

struct MergedRecord {
    std::string text;
    int added = 0;  // entries new to the record
};

// `existing` is the record's text, or nullopt for a new child. Returns
// nullopt, with an error, when the existing record cannot be read safely or
// belongs to another child.
std::optional<MergedRecord> merge_child_record(const std::optional<std::string>& existing, const std::string& path, const std::string& id,
                                               const ImportedChild& child, std::string_view source, Diagnostics& diags);

struct ImportSummary {
    int children = 0;  // children in the return that were imported
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    long long entries_added = 0;
};

// Merges children, one at a time as a return is read, into
// `content_dir`/children/. Each record is written whole to a temporary file
// and moved into place, so a record is never half written.
class ChildRecordWriter {
public:
    ChildRecordWriter(FileSystem& fs, std::string content_dir, std::string_view source, Diagnostics& diags)
        : fs_(fs), content_dir_(std::move(content_dir)), source_(source), diags_(diags) {}
    void add(const ImportedChild& child);
    const ImportSummary& summary() const { return summary_; }

private:
    FileSystem& fs_;
    std::string content_dir_;
    std::string_view source_;
    Diagnostics& diags_;
    ImportSummary summary_;
    std::map<std::string, std::string> folders_;  // folder -> source id, in this import
};

// Every child of `children`, through one ChildRecordWriter.
ImportSummary write_child_records(FileSystem& fs, const std::string& content_dir, const std::vector<ImportedChild>& children,
                                  std::string_view source, Diagnostics& diags);

}  // namespace safesite
