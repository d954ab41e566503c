#include "analysis/timeliness/review_timing.h"

#include "analysis/timeliness/calendar.h"

namespace safesite::timeliness {

ReviewTiming time_reviews(ReviewRule rule, Date start, const std::vector<Date>& reviews, const std::optional<Date>& known_from) {
    ReviewTiming out;
    bool start_seen = !known_from || start >= *known_from;
    // Reviews before the data are not in it: the child is counted as having
    // had the first two, which gives the longest gap the rules allow.
    int held = start_seen || rule == ReviewRule::protection ? 0 : 2;
    std::optional<Date> previous;
    auto timed = [&](Date date) {
        Date anchor = previous ? *previous : start;
        Date due = rule == ReviewRule::protection ? cp_review_due(start, previous) : cla_review_due(start, held, previous);
        bool judged = previous ? (!known_from || *previous >= *known_from) : start_seen;
        return TimedReview{date, anchor, due, held, judged};
    };
    for (Date r : reviews) {
        out.reviews.push_back(timed(r));
        previous = r;
        ++held;
    }
    out.next = timed(Date{});
    return out;
}

}  // namespace safesite::timeliness
