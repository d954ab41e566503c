// What a report says must improve, each item under its timescale heading
// ("Priority and immediate action", "Within three months", "What needs to
// improve"), and the strengths it lists.
#pragma once

#include "importers/report_lines.h"

#include <string>
#include <vector>

namespace safesite {

struct ImportedRecommendation {
    std::string id;         // "r4": the report's number where it has one
    std::string timescale;  // from the heading above it
    std::string heading;    // that heading, as the report words it
    std::string text;
};

struct ReportLists {
    std::vector<ImportedRecommendation> recommendations;
    std::vector<std::string> strengths;
    std::vector<std::string> notes;  // sections of asks nothing could be read from
};

ReportLists read_lists(const std::vector<ReportLine>& lines);

}  // namespace safesite
