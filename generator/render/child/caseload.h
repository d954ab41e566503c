// The team manager's view of every child's record: the open findings of each
// child counted by kind, most urgent first (late conferences and assessments
// before late reviews, then plans that drift and children moved too often).
// Restricted like every child's document. A hundred children a page, so a
// council's whole caseload stays far below 1 MB a page; and the same list
// for each kind on pages of its own, a filter that needs no JavaScript.
#pragma once

#include "render/child/child_documents.h"

#include <string_view>

namespace safesite {

// One column of the caseload: a timeliness finding, in urgency order.
struct CaseloadKind {
    std::string_view code;
    std::string_view column;  // the table's heading
    std::string_view title;   // the filter page's heading
};
const std::vector<CaseloadKind>& caseload_kinds();

// The children in the order the caseload lists them: by their count of each
// kind in turn (most first), then by their other findings, then as given.
std::vector<const ChildSummary*> most_urgent_first(const std::vector<ChildSummary>& children);

inline constexpr std::size_t kCaseloadPerPage = 100;

// caseload.html (and caseload-2.html, ...), then caseload-<code>.html for each
// kind any child has; false on a template or disk error.
bool render_caseload(const RestrictedContext& context, const std::vector<ChildSummary>& children, const WriteFile& write, Diagnostics& diags,
                     int* pages);

}  // namespace safesite
