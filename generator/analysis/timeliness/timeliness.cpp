#include "analysis/timeliness/timeliness.h"

#include "analysis/practice_checks.h"
#include "analysis/timeliness/rule.h"

namespace safesite {

namespace timeliness {

std::string days(long n, const char* kind) {
    std::string k = kind;
    return std::to_string(n) + (k.empty() ? "" : " " + k) + (n == 1 ? " day" : " days");
}

}  // namespace timeliness

void add_timeliness_findings(const Child& child, Date today, Diagnostics& diags) {
    using namespace timeliness;
    CaseEvents events = case_events(chronology_in_order(child), child.status, child.status_since);
    RuleContext rule{child, today, diags};
    assessment_over_45_working_days(events, rule);
    conference_over_15_working_days(events, rule);
    cp_review_late(events, rule);
    cp_plan_over_two_years(events, rule);
    repeat_cp_plan(events, rule);
    cla_review_late(events, rule);
    placement_moves_in_year(events, rule);
}

}  // namespace safesite
