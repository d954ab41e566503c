// The controlled lists of the child record (CONTENT.md): anything else is
// rejected, with the list in the message.
#pragma once

#include "analysis/inspection_areas.h"

namespace safesite {

const std::vector<NamedValue>& agencies();
const std::vector<NamedValue>& chronology_categories();
const std::vector<NamedValue>& significances();
const std::vector<NamedValue>& child_statuses();
const std::vector<NamedValue>& plan_kinds();

}  // namespace safesite
