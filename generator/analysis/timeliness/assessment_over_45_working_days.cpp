// DfE, Working together to safeguard children (2023), 4.3 and the CIN
// census guide: "the maximum timeframe for the assessment to conclude ...
// should be no longer than 45 working days from the point of referral";
// the census times it from AssessmentActualStartDate to
// AssessmentAuthorisationDate. Late: authorised more than 45 working days
// after it started (day 46 or later), or not authorised and 46 working days
// or more have passed by today.
#include "analysis/timeliness/rule.h"

#include "support/working_days.h"

namespace safesite::timeliness {

void assessment_over_45_working_days(const CaseEvents& events, const RuleContext& rule) {
    for (const Assessment& a : events.assessments) {
        if (!a.start) continue;
        if (a.authorised) {
            int n = working_days_between(*a.start, *a.authorised);
            if (n > 45)
                rule.finding(*a.entry, "assessment-over-45-working-days",
                             "the assessment started on " + a.start->long_form() + " was authorised on " + a.authorised->long_form() + ", " +
                                 days(n, "working") + " later: more than 45",
                             "record why it took longer, and what the wait meant for " + rule.child.preferred);
        } else if (int n = working_days_between(*a.start, rule.today); n > 45) {
            rule.finding(*a.entry, "assessment-over-45-working-days",
                         "the assessment started on " + a.start->long_form() + " is not authorised " + days(n, "working") + " later (on " +
                             rule.today.long_form() + "): more than 45",
                         "finish and authorise the assessment, or record when it was");
        }
    }
}

}  // namespace safesite::timeliness
