// The deadlines the rules share with the year's figures, so a finding on a
// child and the council's measure count the same review as late.
#pragma once

#include "support/date.h"

#include <optional>

namespace safesite::timeliness {

// The day `n` working days after `from` (the deadline of "within n working
// days": a task done on it is on time, the next working day late).
Date add_working_days(Date from, int n);
Date add_days(Date from, long n);

// A child protection review is due 3 months after the plan started (the
// first) and then 6 months after the previous one.
Date cp_review_due(Date plan_start, const std::optional<Date>& previous_review);

// A looked-after review is due 20 working days after the child became
// looked after (the first), 3 months after the first (the second), and then
// 6 months after the previous one. `held` is how many were held before.
Date cla_review_due(Date care_start, int held, const std::optional<Date>& previous_review);

}  // namespace safesite::timeliness
