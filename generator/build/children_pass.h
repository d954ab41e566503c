// Children's records, a batch at a time: each child is loaded, checked (its
// findings reported), added to the leak guard and, when building, its
// documents written to the restricted tree on every core; then let go. A
// build with thousands of children holds a batch of them, not all.
#pragma once

#include "analysis/abbreviations.h"
#include "analysis/leak_guard.h"
#include "build/site_build.h"
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
};

struct ChildrenResult {
    std::vector<ChildSummary> children;  // for the index, in folder order
    int pages = 0;
    bool opened = false;  // the restricted tree is being written
    bool failed = false;  // a template or the disk failed
};

ChildrenResult build_children(const ChildrenPass& pass, LeakGuard& guard, Diagnostics& diags);

}  // namespace safesite
