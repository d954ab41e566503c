// content/children/<id>/child.xml into Children. Restricted data: it flows
// only to the restricted documents and to checks.
#pragma once

#include "content/content_folder.h"
#include "model/child.h"

namespace safesite {

std::vector<Child> load_children(ContentFolder& folder, Diagnostics& diags);

}  // namespace safesite
