// `safesite import cin` and `safesite import ssda903`: read a return, turn
// it into entries with the year's code lists, and merge them into the
// children's records under the content folder.
#pragma once

#include "importers/child_record_writer.h"
#include "support/diagnostics.h"
#include "support/file_system.h"

#include <string>

namespace safesite {

struct ReturnImport {
    std::string year;        // the collection year whose code lists were used
    std::size_t in_return = 0;  // children in the return
    ImportSummary summary;
};

// `year` overrides the collection year read from the return ("2024-25").
ReturnImport import_cin_census(FileSystem& fs, const std::string& file, const std::string& content_dir, const std::string& year,
                               Diagnostics& diags);
ReturnImport import_ssda903(FileSystem& fs, const std::string& dir, const std::string& content_dir, const std::string& year,
                            Diagnostics& diags);

// A quoted source line with the contents of elements that identify a person
// outside the council (UPN, FormerUPN, NHS number, postcodes) blanked out, so
// no message can carry them.
std::string without_identifiers(std::string line);

// The summary line printed after an import.
std::string import_summary(const ReturnImport& r, const std::string& what);

}  // namespace safesite
