// DfE, Working together to safeguard children (2023), 4.12: the initial
// child protection conference "should take place within 15 working days of
// a strategy discussion"; the CIN census has no strategy discussion, so its
// measure times the conference from S47ActualStartDate. Late: held more than
// 15 working days after the enquiry started (day 16 or later). A conference
// with no enquiry before it in the record cannot be timed.
#include "analysis/timeliness/rule.h"

#include "support/working_days.h"

namespace safesite::timeliness {

void conference_over_15_working_days(const CaseEvents& events, const RuleContext& rule) {
    for (const Conference& c : events.conferences) {
        if (!c.enquiry_start) continue;
        int n = working_days_between(*c.enquiry_start, c.held);
        if (n > 15)
            rule.finding(*c.entry, "conference-over-15-working-days",
                         "the initial child protection conference on " + c.held.long_form() + " was " + days(n, "working") +
                             " after the section 47 enquiry started on " + c.enquiry_start->long_form() + ": more than 15",
                         "record why the conference was late, and what was done to keep " + rule.child.preferred + " safe meanwhile");
    }
}

}  // namespace safesite::timeliness
