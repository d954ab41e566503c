#include "analysis/timeliness/year_measures.h"

#include "analysis/timeliness/review_timing.h"

#include <algorithm>
#include <cmath>

namespace safesite::timeliness {

namespace {

ReturnFigure percent(std::string id, std::string label, long part, long whole, std::string counted) {
    std::optional<double> value;
    if (whole > 0) value = std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0;
    return {std::move(id), std::move(label), "percent", "higher", part, whole, std::move(counted), value};
}

bool in(Date d, Date first, Date last) { return first <= d && d <= last; }

// Every review of the plan up to 31 March on time, and none overdue then.
bool reviews_on_time(const CinProtectionPlan& p, Date first, Date last) {
    std::vector<Date> reviews;
    for (Date r : p.reviews)
        if (r <= last) reviews.push_back(r);
    std::sort(reviews.begin(), reviews.end());
    std::optional<Date> known_from;
    if (!reviews.empty()) known_from = first;
    ReviewTiming t = time_reviews(ReviewRule::protection, *p.start, reviews, known_from);
    bool late = std::any_of(t.reviews.begin(), t.reviews.end(), [](const TimedReview& r) { return r.late(); });
    return !late && !(t.next.judged && last > t.next.due);
}

struct CareSpan {
    Date start;
    std::optional<Date> end;
    bool short_breaks = true;
    int placements_in_year = 0;
    std::vector<Date> reviews;
};

// Periods of care: from an episode starting care (S) to one that ends it
// (any reason but X1, "the episode ceased and a new one began").
std::vector<CareSpan> care_spans(const LookedAfterChild& child, Date first, Date last) {
    std::vector<const LookedAfterEpisode*> rows;
    for (const LookedAfterEpisode& e : child.episodes)
        if (e.start && (!e.end || *e.end >= *e.start)) rows.push_back(&e);
    std::stable_sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return *a->start < *b->start; });
    std::vector<CareSpan> out;
    for (const LookedAfterEpisode* e : rows) {
        if (out.empty() || out.back().end) out.push_back({*e->start, std::nullopt, true, 0, {}});
        CareSpan& span = out.back();
        span.short_breaks = span.short_breaks && (e->legal_status == "V3" || e->legal_status == "V4");
        if (e->reason_new != "L" && in(*e->start, first, last)) ++span.placements_in_year;
        if (e->end && e->reason_end != "X1") span.end = e->end;
    }
    for (const LookedAfterReview& r : child.reviews) {
        if (!r.date) continue;
        for (CareSpan& s : out)
            if (s.start <= *r.date && (!s.end || *r.date <= *s.end)) {
                s.reviews.push_back(*r.date);
                break;
            }
    }
    for (CareSpan& s : out) std::sort(s.reviews.begin(), s.reviews.end());
    return out;
}

}  // namespace

void ProtectionPlanTally::add(const CinChild& child) {
    for (const CinEpisode& e : child.episodes)
        for (const CinProtectionPlan& p : e.protection_plans) {
            if (!p.start || *p.start > last_ || (p.end && *p.end <= last_)) continue;
            if (add_months(*p.start, 24) <= last_) ++open_two_years_;
            if (add_months(*p.start, 3) > last_) continue;  // not yet due a review
            ++reviewed_;
            if (reviews_on_time(p, first_, last_)) ++reviewed_on_time_;
        }
}

std::vector<ReturnFigure> ProtectionPlanTally::figures() const {
    return {
        percent("cp-reviews-on-time", "Child protection plans open at 31 March for 3 months or more whose reviews were all on time", reviewed_on_time_,
                reviewed_, "plans open at 31 March for 3 months or more"),
        {"cp-plans-open-2-years-at-31-march", "Child protection plans open at 31 March that had lasted two years or more", "count", "neither",
         open_two_years_, 0, "plans", static_cast<double>(open_two_years_)},
    };
}

std::vector<ReturnFigure> protection_plan_measures(const CinCensus& census, Date first, Date last) {
    ProtectionPlanTally tally(first, last);
    for (const CinChild& child : census.children) tally.add(child);
    return tally.figures();
}

std::vector<ReturnFigure> looked_after_measures(const LookedAfterReturn& lac, Date first, Date last) {
    long looked_after = 0, moved = 0, timed = 0, on_time = 0;
    for (const LookedAfterChild& child : lac.children) {
        bool counted = false, moved_often = false;
        int placements = 0;
        for (const CareSpan& s : care_spans(child, first, last)) {
            if (s.start > last || (s.end && *s.end < first) || s.short_breaks) continue;
            counted = true;
            placements += s.placements_in_year;
            ReviewTiming t = time_reviews(ReviewRule::care, s.start, s.reviews, first);
            for (const TimedReview& r : t.reviews) {
                if (!r.judged || !in(r.date, first, last)) continue;
                ++timed;
                if (!r.late()) ++on_time;
            }
        }
        moved_often = placements >= 3;
        if (counted) ++looked_after;
        if (moved_often) ++moved;
    }
    ReturnFigure moves = percent("cla-three-or-more-placements", "Children looked after in the year with three or more placements starting in the year",
                                 moved, looked_after, "children looked after in the year");
    moves.better = "lower";
    return {moves, percent("cla-reviews-on-time", "Looked-after reviews in the year held on time", on_time, timed, "reviews that could be timed")};
}

}  // namespace safesite::timeliness
