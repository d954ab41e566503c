#include "analysis/timeliness/calendar.h"

#include "support/working_days.h"

namespace safesite::timeliness {

Date add_days(Date from, long n) { return from_days_since_epoch(from.days_since_epoch() + n); }

Date add_working_days(Date from, int n) {
    Date d = from;
    while (n > 0) {
        d = add_days(d, 1);
        if (is_working_day(d)) --n;
    }
    return d;
}

Date cp_review_due(Date plan_start, const std::optional<Date>& previous_review) {
    return previous_review ? add_months(*previous_review, 6) : add_months(plan_start, 3);
}

Date cla_review_due(Date care_start, int held, const std::optional<Date>& previous_review) {
    if (held == 0 || !previous_review) return add_working_days(care_start, 20);
    return add_months(*previous_review, held == 1 ? 3 : 6);
}

}  // namespace safesite::timeliness
