// What inspectors keep finding in chronologies and plans, checked before
// anything is printed. Each finding is a warning with a stable code that
// users filter and count (see docs/site-pages.md for the list and thresholds).
#pragma once

#include "analysis/abbreviations.h"
#include "model/child.h"
#include "model/site.h"

#include <vector>

namespace safesite {

// Findings for one child, in file order.
Diagnostics check_child(const Child& child, const AbbreviationIndex& glossary, const PracticeThresholds& thresholds, Date today);

// The chronology merged into one timeline: date order, a partial date
// ("2019", "2019-06") before the full dates it covers, then file order.
std::vector<const ChronologyEntry*> chronology_in_order(const Child& child);

// The reading age a child's documents are written for: their recorded
// reading age; or, when none is recorded, their age in years; or, for a
// child under 7, who has the plan read to them, the site's plain-English
// target (site.xml's <readability target-age>, 11 by default).
int reading_age_for(const Child& child, Date today, int site_target);

// Whole years from `born` to `on`.
int age_on(Date born, Date on);

}  // namespace safesite
