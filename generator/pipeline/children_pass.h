// Children's records, a batch at a time: each child is loaded, checked (its
// findings reported), added to the leak guard and, when building, its
// documents written to the restricted tree on every core; then let go. A
// build with thousands of children holds a batch of them, not all. A record
// whose file, and whose documents' templates, glossary and settings, are as
// the last build found them is not read at all: its findings, index line and
// leak-guard needles come from what that build kept (pipeline/child_cache.h),
// and its documents are kept.
#pragma once

#include "analysis/abbreviations.h"
#include "pipeline/leak_check.h"
#include "pipeline/site_build.h"
#include "model/content.h"
#include "output/site_writer.h"
#include "render/child/child_documents.h"

namespace safesite {

struct ChildrenPass {
    FileSystem& fs;
    const BuildOptions& options;
    const Content& content;  // everything but the children
    const AbbreviationIndex& abbreviations;
    const TemplateSet* templates;  // null when only checking
    SiteWriter& restricted;
    // What every child's documents depend on besides the child's own file:
    // when both are as the last build found them, its documents are kept.
    std::uint64_t key = 0;
    std::uint64_t context = 0;
};

struct ChildrenResult {
    std::vector<ChildSummary> children;  // for the index, in folder order
    int pages = 0;
    int kept = 0;         // children whose documents were kept, not rendered
    bool opened = false;  // the restricted tree is being written
    bool failed = false;  // a template or the disk failed
    int cache_parts = 0;  // parts of what the build keeps of the records (pipeline/child_cache.h)
};

ChildrenResult build_children(const ChildrenPass& pass, LeakCheck& leaks, Diagnostics& diags);

}  // namespace safesite
