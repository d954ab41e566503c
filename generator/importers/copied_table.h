// A judgement table as text copied out of a PDF viewer rather than laid out:
// each cell on its own line, the grade on the line after its area, and a
// footnote number alone on a line between them. Put back as laid-out rows
// (label, a wide gap, grade), the table reads as the PDF's does.
#pragma once

#include "importers/report_lines.h"

#include <vector>

namespace safesite {

// The lines with each grade cell that stands alone joined to the area above
// it; laid-out text comes back as it was.
std::vector<ReportLine> rejoin_copied_rows(const std::vector<ReportLine>& lines);

}  // namespace safesite
