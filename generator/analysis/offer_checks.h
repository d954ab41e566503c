// Checks on the care leavers' local offer: the statutory areas it must
// cover, a way to ask for everything, how current it is, and whether its
// words are plain enough.
#pragma once

#include "analysis/abbreviations.h"
#include "analysis/site_map.h"
#include "model/content.h"

namespace safesite {

void check_local_offer(const Content& content, const SiteMap& map, const AbbreviationIndex& abbreviations, Date today, Diagnostics& diags);

}  // namespace safesite
