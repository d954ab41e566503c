// The Care Planning, Placement and Case Review (England) Regulations 2010,
// regulation 33: a looked-after child's first review is "within 20 working
// days of the date on which the child becomes looked after", the second
// "not more than three months after the first", and later ones "not more
// than six months after the previous". Late: held after that day (working
// day 21, or the day after the same date 3 or 6 months on), or none held by
// then while the child was still looked after. When a return's reviews are
// imported, those before its year are not in the record; the rule then
// counts the child as having had the first two and judges only the gaps it
// can see.
#include "analysis/timeliness/review_timing.h"
#include "analysis/timeliness/rule.h"

#include "support/working_days.h"

namespace safesite::timeliness {

namespace {

std::string gap(const TimedReview& r, Date to) {
    if (r.held_before == 0) return days(working_days_between(r.anchor, to), "working");
    return days(to.days_since_epoch() - r.anchor.days_since_epoch());
}

std::string since(const TimedReview& r) {
    return r.held_before == 0 ? "the child became looked after on " + r.anchor.long_form() : "the review on " + r.anchor.long_form();
}

const char* limit(const TimedReview& r) {
    return r.held_before == 0 ? " (20 working days)" : r.held_before == 1 ? " (3 months)" : " (6 months)";
}

}  // namespace

void cla_review_late(const CaseEvents& events, const RuleContext& rule) {
    for (const CarePeriod& c : events.care) {
        std::vector<Date> dates;
        for (const ChronologyEntry* r : c.reviews) dates.push_back(r->date);
        ReviewTiming t = time_reviews(ReviewRule::care, c.start, dates, reviews_known_from(c.reviews));
        for (std::size_t i = 0; i < t.reviews.size(); ++i) {
            const TimedReview& r = t.reviews[i];
            if (!r.late()) continue;
            rule.finding(*c.reviews[i], "cla-review-late",
                         "the looked-after review on " + r.date.long_form() + " was " + gap(r, r.date) + " after " + since(r) + "; it was due by " +
                             r.due.long_form() + limit(r),
                         "record why the review was late, and hold the next in time");
        }
        Date until = c.end ? *c.end : rule.today;
        if (until > t.next.due && t.next.judged)
            rule.finding(c.reviews.empty() ? *c.entry : *c.reviews.back(), "cla-review-late",
                         "no looked-after review is recorded after " + since(t.next) + " (" + gap(t.next, until) + " to " +
                             (c.end ? "leaving care on " : "") + until.long_form() + "); one was due by " + t.next.due.long_form() + limit(t.next),
                         "hold the review, or add its entry to the chronology");
    }
}

}  // namespace safesite::timeliness
