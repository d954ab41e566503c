// What statutory guidance (Working Together to Safeguard Children) expects a
// yearly report to contain, and whether each year's report was published.
#pragma once

#include "analysis/abbreviations.h"
#include "analysis/site_map.h"
#include "model/content.h"

namespace safesite {

void check_reports(const Content& content, const SiteMap& map, const AbbreviationIndex& abbreviations, Date today, Diagnostics& diags);

}  // namespace safesite
