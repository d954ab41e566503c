// DfE, Characteristics of children in need, methodology: plans "lasting two
// years or more" are those that ended (or are open) on or after the same
// date two years after they started. A plan that has lasted that long has
// drifted: the finding is on the plan's start.
#include "analysis/timeliness/rule.h"

namespace safesite::timeliness {

void cp_plan_over_two_years(const CaseEvents& events, const RuleContext& rule) {
    for (const ProtectionPlan& p : events.protection_plans) {
        Date two_years = add_months(p.start, 24);
        Date until = p.end ? *p.end : rule.today;
        if (until < two_years) continue;
        long n = until.days_since_epoch() - p.start.days_since_epoch();
        rule.finding(*p.entry, "cp-plan-over-two-years",
                     p.end ? "the child protection plan from " + p.start.long_form() + " to " + p.end->long_form() + " lasted two years or more (" +
                                 days(n) + ")"
                           : "the child protection plan that started on " + p.start.long_form() + " has been open two years or more (" + days(n) +
                                 " on " + rule.today.long_form() + ")",
                     "ask what is keeping " + rule.child.preferred + " on the plan, and whether another plan would help more");
    }
}

}  // namespace safesite::timeliness
