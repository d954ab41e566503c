// Each child's restricted documents: the plan written to the child, the
// professional plan and the merged chronology, plus an index of children.
// They are written to their own tree, never inside the public site, and
// each is one self-contained file.
#pragma once

#include "analysis/abbreviations.h"
#include "model/content.h"
#include "render/template_set.h"

#include <functional>
#include <map>

namespace safesite {

struct RestrictedContext {
    const Content& content;
    const TemplateSet& templates;
    const AbbreviationIndex& abbreviations;
    Date today;
    const std::map<std::string, Diagnostics>& findings;  // by child id
};

using WriteFile = std::function<bool(const std::string& path, std::string_view data)>;

// Writes every child's documents through `write` (called from up to `jobs`
// threads at once, for different files); false on a template error.
bool render_restricted(const RestrictedContext& context, const WriteFile& write, Diagnostics& diags, int* pages, unsigned jobs = 1);

}  // namespace safesite
