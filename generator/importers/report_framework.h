// Which framework a report was written under, told from its own title.
#pragma once

#include "importers/report_lines.h"

#include <string>
#include <vector>

namespace safesite {

struct ReportFramework {
    std::string id;      // "ilacs-2018"; empty when the title names none we know
    std::string reason;  // why, in words, for the reviewer
    std::string title;   // the report's title as printed, wrapped lines joined
    bool graded = true;  // false for letters (focused and monitoring visits, JTAIs)
};

ReportFramework recognise_framework(const std::vector<ReportLine>& lines);

// Whether words name a trust or company that runs a council's children's
// services ("Bradford Children and Families Trust", "Together for Children").
bool names_a_provider(std::string_view words);
// Whether the first page has the ILACS judgement table's rows.
bool has_ilacs_table(const std::vector<ReportLine>& lines);

}  // namespace safesite
