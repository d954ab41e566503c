// Reading the plain text of a published Ofsted report into an inspection
// skeleton. It takes only what the report states: what it cannot find it
// leaves as a note, and it never guesses a grade.
#pragma once

#include "support/date.h"

#include <optional>
#include <string>
#include <vector>

namespace safesite {

struct ImportedJudgement {
    std::string area;    // "help-and-protection"
    std::string grade;   // as the framework names it: "requires-improvement"
    std::string parent;  // the area this is part of, or empty
    std::string wording; // the report's words, for the reviewer
};

struct ImportedRecommendation {
    std::string id;         // "r4": the report's number where it has one
    std::string timescale;  // from the heading above it
    std::string heading;    // that heading, as the report words it
    std::string text;
};

struct OfstedReport {
    std::string authority;
    std::string title;
    std::string framework;         // guessed from the wording; empty if not
    std::string framework_reason;  // why, in words
    std::optional<Date> visit_start, visit_end, published;
    std::vector<ImportedJudgement> judgements;
    std::vector<ImportedRecommendation> recommendations;
    std::vector<std::string> strengths;
    std::vector<std::string> notes;  // what the report did not say, or said twice differently
};

OfstedReport read_ofsted_report(std::string_view text);

// The report as content/inspections/<id>.xml. With an empty id, one is made
// from the authority and year ("halton-2014").
std::string inspection_xml(const OfstedReport& report, std::string id, const std::string& source_name);

}  // namespace safesite
