// The judgements a report gives, read only from where the framework states
// them: the judgement table on its first pages, and the sentences that give
// the overall and board judgements ("The overall judgement is requires
// improvement"). Grades mentioned anywhere else (an earlier inspection's,
// "judged inadequate in 2014") are never read.
#pragma once

#include "importers/report_lines.h"

#include <string>
#include <vector>

namespace safesite {

struct ImportedJudgement {
    std::string area;    // "help-and-protection"
    std::string grade;   // as the framework names it: "requires-improvement"
    std::string parent;  // the area this is part of, or empty
    std::string wording; // the report's words, for the reviewer
};

struct Judgements {
    std::vector<ImportedJudgement> list;
    std::vector<std::string> notes;  // rows or sentences that could not be read
    std::vector<std::string> disputed;  // areas graded twice, differently: left out
};

Judgements read_judgements(const std::vector<ReportLine>& lines, const std::string& framework);

// The report's grade words as the framework's grade id ("requires
// improvement" is "requires-improvement-to-be-good" under ILACS); empty if
// the words are not exactly one grade.
std::string grade_id(std::string words, const std::string& framework);

}  // namespace safesite
