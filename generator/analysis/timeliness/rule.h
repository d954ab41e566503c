// What every timeliness rule is given, and how it reports: a warning at the
// entry's line in the child's record, with its fixed code.
#pragma once

#include "analysis/timeliness/case_events.h"
#include "support/diagnostics.h"

#include <string>

namespace safesite::timeliness {

struct RuleContext {
    const Child& child;
    Date today;
    Diagnostics& diags;

    void finding(const ChronologyEntry& at, std::string code, std::string message, std::string hint) const {
        Location where = at.where;
        where.path = child.source_path;
        diags.warning(where, std::move(message), std::move(hint), std::move(code));
    }
};

// "50 days", "1 working day".
std::string days(long n, const char* kind = "");

// One unit per rule, named by its finding code.
void assessment_over_45_working_days(const CaseEvents& events, const RuleContext& rule);
void conference_over_15_working_days(const CaseEvents& events, const RuleContext& rule);
void cp_review_late(const CaseEvents& events, const RuleContext& rule);
void cp_plan_over_two_years(const CaseEvents& events, const RuleContext& rule);
void repeat_cp_plan(const CaseEvents& events, const RuleContext& rule);
void cla_review_late(const CaseEvents& events, const RuleContext& rule);
void placement_moves_in_year(const CaseEvents& events, const RuleContext& rule);

}  // namespace safesite::timeliness
