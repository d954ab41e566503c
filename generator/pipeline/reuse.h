// What an update can take from the last build: which pages' files have not
// changed, and the facts that decide whether a kept page is still right.
#pragma once

#include "pipeline/input_scan.h"
#include "pipeline/site_build.h"
#include "content/site_loader.h"
#include "model/content.h"
#include "output/manifest.h"

#include <cstdint>

namespace safesite {

// The program and its options: a different one rebuilds everything.
std::uint64_t options_key(const BuildOptions& options);

// Every free page's address, title and place: other pages show these (the
// menu, previous and next, links), so when one changes every page is rebuilt.
std::uint64_t outline_of(const Content& content);

// The next build's record of a page, without its warnings.
PageRecord record_of(const Page& page);

// For loading: each page whose file has the size and time `before` recorded,
// as that build planned it, without reading it.
std::function<std::optional<Page>(const std::string& source_path, const std::optional<FileStamp>& now)> unchanged_pages(const Manifest& before);

}  // namespace safesite
