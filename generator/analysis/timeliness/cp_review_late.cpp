// DfE, Working together to safeguard children (2023), 4.18: "the first child
// protection review conference should be held within 3 months of the
// initial conference, and further reviews held at intervals of not more than
// 6 months". The plan starts on the day of the initial conference. Late: a
// review after the same day 3 (or 6) months on (clamped to the month's last
// day: a plan from 30 November is due by 28 or 29 February); or no review
// by then while the plan was still open, by its end or by today. Reviews
// from a census before 1 April of its year are not in it: a gap that starts
// before then is not judged.
#include "analysis/timeliness/review_timing.h"
#include "analysis/timeliness/rule.h"

namespace safesite::timeliness {

namespace {

long days_from(Date a, Date b) { return b.days_since_epoch() - a.days_since_epoch(); }

std::string since(const TimedReview& r, Date start) {
    return r.held_before == 0 ? "the plan started on " + start.long_form() : "the review on " + r.anchor.long_form();
}

}  // namespace

void cp_review_late(const CaseEvents& events, const RuleContext& rule) {
    for (const ProtectionPlan& p : events.protection_plans) {
        std::vector<Date> dates;
        for (const ChronologyEntry* r : p.reviews) dates.push_back(r->date);
        ReviewTiming t = time_reviews(ReviewRule::protection, p.start, dates, reviews_known_from(p.reviews));
        for (std::size_t i = 0; i < t.reviews.size(); ++i) {
            const TimedReview& r = t.reviews[i];
            if (!r.late()) continue;
            rule.finding(*p.reviews[i], "cp-review-late",
                         "the child protection review on " + r.date.long_form() + " was " + days(days_from(r.anchor, r.date)) + " after " +
                             since(r, p.start) + "; it was due by " + r.due.long_form() + (r.held_before ? " (6 months)" : " (3 months)"),
                         "record why the review was late; hold the next within 6 months");
        }
        Date until = p.end ? *p.end : rule.today;
        if (until > t.next.due && t.next.judged)
            rule.finding(p.reviews.empty() ? *p.entry : *p.reviews.back(), "cp-review-late",
                         "no child protection review is recorded after " + since(t.next, p.start) + " (" + days(days_from(t.next.anchor, until)) +
                             " to " + (p.end ? "the plan's end on " : "") + until.long_form() + "); one was due by " + t.next.due.long_form(),
                         "hold the review, or add its entry to the chronology");
    }
}

}  // namespace safesite::timeliness
