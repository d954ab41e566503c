// content/partnership.xml and content/reports/<period>/report.xml.
#pragma once

#include "content/content_folder.h"
#include "model/report.h"

namespace safesite {

std::optional<Partnership> load_partnership(ContentFolder& folder, Diagnostics& diags);
std::vector<Report> load_reports(ContentFolder& folder, Diagnostics& diags);

}  // namespace safesite
