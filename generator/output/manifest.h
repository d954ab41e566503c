// What the last build made and from what, kept in the output folder's
// .safesite file so the next build can redo only what changed. It holds
// only what the tree it sits in already publishes: page titles, file
// hashes, and the warnings about public pages.
#pragma once

#include "model/page.h"
#include "support/diagnostics.h"
#include "support/file_system.h"

#include <cstdint>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>

namespace safesite {

// A free page as the last build loaded it: enough to plan the site and link
// to it without reading it again, and the warnings its checks gave.
struct PageRecord : PagePlan {
    FileStamp stamp;
    std::vector<Diagnostic> warnings;
    bool operator==(const PageRecord&) const = default;
};

struct OutputRecord {
    std::uint64_t hash = 0;  // of the bytes written
    bool operator==(const OutputRecord&) const = default;
};

struct Manifest {
    std::uint64_t key = 0;      // the program and its options
    std::uint64_t global = 0;   // every input except the free pages
    std::uint64_t outline = 0;  // every free page's address, title and place
    std::unordered_map<std::string, PageRecord> pages;      // by source path, "pages/about.md"
    std::unordered_map<std::string, OutputRecord> outputs;  // by path inside the tree

    bool operator==(const Manifest&) const = default;
    std::string text() const;
    // Nullopt for anything this version did not write: the build is then a full one.
    static std::optional<Manifest> parse(std::string_view text);
};

}  // namespace safesite
