// Was the child seen, assessed, conferenced and reviewed in time; has a plan
// drifted; has a child in care moved too often. Worked out from the child's
// chronology (imported or hand-written alike) as of `today`; each finding is
// a warning at the entry it is about. docs/timeliness.md defines each code.
#pragma once

#include "model/child.h"
#include "support/diagnostics.h"

namespace safesite {

void add_timeliness_findings(const Child& child, Date today, Diagnostics& diags);

}  // namespace safesite
