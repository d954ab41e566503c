// A whole build, as a list of stages: load, check, render, publish.
#pragma once

#include "content/content_folder.h"
#include "pipeline/locations.h"
#include "support/date.h"
#include "support/diagnostics.h"
#include "support/file_system.h"

#include <functional>
#include <string>

namespace safesite {

struct BuildOptions {
    std::string content_dir = "content";
    std::string out_dir = "site";
    // Children's documents, never inside out_dir; empty: beside it, "<out>-restricted".
    std::string restricted_dir;
    // Empty: content/../templates, else the installed theme (see pipeline/locations.h).
    std::string templates_dir;
    std::string installed_templates_dir = safesite::installed_templates();
    Date today = today_utc();
    bool publish = true;  // false for `safesite check`
    unsigned jobs = 0;    // threads for rendering; 0 means one per core
    bool full = false;    // ignore the last build's record and build everything
    // Names this program exactly (version and executable), so a new program
    // never reuses what an older one built.
    std::string tool;
    ContentLimits limits;
    // Children's findings past this many are set aside on disk until they are
    // shown (see Diagnostics::set_aside), so thousands of records need not hold them all.
    std::size_t findings_in_memory = 2000;
    // Bytes of free pages' Markdown kept in memory between planning and
    // building, so each is read once; pages past it are read twice.
    std::size_t page_text_in_memory = std::size_t{16} << 20;
    // Children's text needles the leak guard holds at once (see pipeline/leak_check.h).
    std::size_t leak_budget = 500000;
    // Called from any thread as pages are built: how many of how many.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

struct BuildReport {
    Diagnostics diags;
    int pages = 0;  // HTML pages written
    int restricted_pages = 0;
    int children_kept = 0;  // children whose documents were kept from the last build, not rendered
    int files = 0;  // every file written, assets included
    int removed = 0;  // files the site no longer has
    bool updated = false;  // the last build's site was updated, not replaced whole
    int pages_built = 0;  // pages read and rendered, not kept from the last build
    std::string restricted_dir;  // where children's documents went, or would have gone
    bool ok() const { return !diags.has_errors(); }
};

BuildReport build_site(FileSystem& fs, const BuildOptions& options);

}  // namespace safesite
