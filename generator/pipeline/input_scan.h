// What a build reads, by size and modification time: enough to tell which
// inputs changed since the last build without reading any of them.
#pragma once

#include "support/file_system.h"

#include <cstdint>
#include <optional>
#include <vector>
#include <string>

namespace safesite {

struct InputScan {
    // Every file under the content and template folders except the free
    // pages, by path and stamp: if this is the same, so is everything every
    // page depends on besides its own file.
    std::uint64_t global = 0;
    // The same without children's records: what a child's documents depend
    // on besides the child's own file.
    std::uint64_t without_children = 0;
    // content/pages, if there is one, with each file's stamp when asked for.
    std::optional<std::vector<DirectoryEntry>> page_listing;
};

// `page_stamps`: also look at each free page (only worth it when there is a
// last build to compare with; otherwise each page's stamp is taken as it is read).
InputScan scan_inputs(FileSystem& fs, const std::string& content_dir, const std::string& templates_dir, bool page_stamps = true);

}  // namespace safesite
