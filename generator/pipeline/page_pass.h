// The public pages, each checked, built and written on every core. A page
// depends only on the plan of the site and itself, and writes only its own
// file and slot. A free page's body is parsed again here (from the text kept
// from planning, or read again past its budget) and
// released as soon as the page is written; its search entry stays until its
// part of the index is written. In an update, a page whose inputs have not
// changed is kept as the last build left it.
#pragma once

#include "analysis/abbreviations.h"
#include "analysis/site_map.h"
#include "pipeline/site_build.h"
#include "output/site_writer.h"
#include "render/site_context.h"

#include <functional>

namespace safesite {

struct PagePass {
    FileSystem& fs;
    const BuildOptions& options;
    const Content& content;
    const SiteMap& map;
    const AbbreviationIndex& abbreviations;
    const SiteContext* site;  // null when only checking: pages are checked, not built
    SiteWriter& writer;
    const Manifest* before;   // the last build's record, when pages may be kept
    // Writes a public file, through the leak guard.
    std::function<bool(const std::string& path, std::string_view data, Diagnostics& into)> publish;
};

struct PagePassResult {
    std::vector<Diagnostics> diags;  // by page, in site map order
    bool failed = false;
    std::size_t built = 0;        // pages rendered, not kept
    std::size_t search_parts = 0;
};

PagePassResult build_pages(const PagePass& pass);

}  // namespace safesite
