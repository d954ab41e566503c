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

// My plan speaks to the child by name, about their plan: until a worker has
// written both, it is not made (an imported record has neither).
bool has_my_plan(const Child& child);

// The files render_child_documents writes for a child, inside the tree.
std::vector<std::string> child_document_files(const std::string& id, bool my_plan);
std::vector<std::string> child_document_files(const Child& child);

// How many findings of one kind a record has, and the line of the first.
struct FindingKind {
    std::string code;
    int count = 0;
    int line = 0;
    bool operator==(const FindingKind&) const = default;
};
// `sorted` a record's findings in line order; the kinds in order of first appearance.
std::vector<FindingKind> finding_kinds(const std::vector<Diagnostic>& sorted);

// What the index of children and the caseload show of each: kept while the
// child itself is let go.
struct ChildSummary {
    std::string id, name, preferred, status;
    int findings = 0;
    bool my_plan = true;
    std::vector<FindingKind> kinds;
    bool operator==(const ChildSummary&) const = default;
};
ChildSummary summary_of(const Child& child, const std::vector<Diagnostic>& sorted_findings);

// A restricted page about no one child (the index, the caseload), in the
// frame of every restricted document; false on a template or disk error.
bool write_restricted_page(const RestrictedContext& context, const std::string& file, const std::string& title, const std::string& template_name,
                           Record values, const WriteFile& write, Diagnostics& diags, int* pages);

// index.html, listing every child.
bool render_children_index(const RestrictedContext& context, const std::vector<ChildSummary>& children, const WriteFile& write,
                           Diagnostics& diags, int* pages);

}  // namespace safesite
