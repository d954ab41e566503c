// Working days in England: Monday to Friday, less the bank holidays of
// England and Wales. The Department for Education's timeliness measures
// (assessments within 45 working days, conferences within 15) count these.
#pragma once

#include "support/date.h"

#include <vector>

namespace safesite {

// The bank holidays of England and Wales in `year`, in date order: the
// regular ones with their substitute days, and the one-off changes
// proclaimed since 1999 (jubilees, a royal wedding, a state funeral, a
// coronation, VE day moved). Years before 1999 have the regular rules only.
std::vector<Date> english_bank_holidays(int year);
bool is_english_bank_holiday(Date day);
bool is_working_day(Date day);  // Monday to Friday and not a bank holiday

// Working days after `from` up to and including `to`: a task started on a
// Monday and finished on the Tuesday took 1 working day; finished the same
// day, 0. Negative when `to` is before `from`. Both dates must be full.
int working_days_between(Date from, Date to);

// 0 Monday ... 6 Sunday.
int weekday(Date day);
Date from_days_since_epoch(long days);

}  // namespace safesite
