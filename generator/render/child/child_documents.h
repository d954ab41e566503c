// Each child's restricted documents: the plan written to the child, the
// professional plan and the merged chronology, plus an index of children.
// They are written to their own tree, never inside the public site, and
// each is one self-contained file.
#pragma once

#include "analysis/abbreviations.h"
#include "model/child.h"
#include "model/site.h"
#include "render/template_set.h"

#include <functional>

namespace safesite {

struct RestrictedContext {
    const Site& site;
    const TemplateSet& templates;
    const AbbreviationIndex& abbreviations;
    Date today;
};

using WriteFile = std::function<bool(const std::string& path, std::string_view data)>;

// One child's documents (my plan, professional plan, chronology), with the
// practice checks' `findings` on them; false on a template error. Safe to
// call for different children at once.
bool render_child_documents(const RestrictedContext& context, const Child& child, const Diagnostics& findings, const WriteFile& write,
                            Diagnostics& diags, int* pages);

// The files render_child_documents writes for a child, inside the tree.
std::vector<std::string> child_document_files(const std::string& id);
std::vector<std::string> child_document_files(const Child& child);

// What the index of children shows of each: kept while the child itself is let go.
struct ChildSummary {
    std::string id, name, preferred, status;
    int findings = 0;
    bool operator==(const ChildSummary&) const = default;
};
ChildSummary summary_of(const Child& child, const Diagnostics& findings);

// index.html, listing every child.
bool render_children_index(const RestrictedContext& context, const std::vector<ChildSummary>& children, const WriteFile& write,
                           Diagnostics& diags, int* pages);

}  // namespace safesite
