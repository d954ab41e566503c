// The reviews of one child protection plan or one period of care, each with
// the day it was due: the walk the findings and the year's figures share.
#pragma once

#include "support/date.h"

#include <optional>
#include <vector>

namespace safesite::timeliness {

enum class ReviewRule { protection, care };

struct TimedReview {
    Date date;
    Date anchor;     // the plan's start, the start of care, or the review before
    Date due;
    int held_before;  // reviews before this one (2 when they are not in the data)
    bool judged;     // false when the gap starts before the data does
    bool late() const { return judged && date > due; }
};

struct ReviewTiming {
    std::vector<TimedReview> reviews;
    TimedReview next;  // the one due after the last review (`date` unset)
};

// `reviews` in date order. `known_from`: the first day the reviews come from
// (reviews_known_from), or none when every review is in the record.
ReviewTiming time_reviews(ReviewRule rule, Date start, const std::vector<Date>& reviews, const std::optional<Date>& known_from);

}  // namespace safesite::timeliness
