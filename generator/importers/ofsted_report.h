// Reading a published Ofsted report on children's services into an
// inspection. It takes only what the report states: what it cannot find it
// leaves out with a note, and it never guesses a grade.
#pragma once

#include "importers/judgement_table.h"
#include "importers/report_recommendations.h"
#include "support/date.h"

#include <optional>
#include <string>
#include <vector>

namespace safesite {

struct OfstedReport {
    std::string authority;       // "Birmingham"
    std::string authority_code;  // "E08000025"
    std::string title;
    std::string framework;         // empty if the report's title names none safesite knows
    std::string framework_reason;  // why, in words
    bool graded = true;            // false for letters that carry no grades
    std::string lead_inspector;
    std::optional<Date> visit_start, visit_end, published;
    std::vector<ImportedJudgement> judgements;
    std::vector<ImportedRecommendation> recommendations;
    std::vector<std::string> strengths;
    std::vector<std::string> notes;  // what the report did not say, or said twice differently
};

// From the report's text (read_report_file gives it from a PDF).
OfstedReport read_ofsted_report(std::string_view text);

}  // namespace safesite
