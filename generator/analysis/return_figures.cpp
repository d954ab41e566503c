#include "analysis/return_figures.h"

#include "analysis/timeliness/year_measures.h"
#include "model/report.h"  // period_end
#include "support/working_days.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace safesite {

namespace {

struct Year {
    Date first, last;  // 1 April and 31 March, both counted
    explicit Year(const std::string& period) : first{std::stoi(period.substr(0, 4)), 4, 1}, last(period_end(period)) {}
    bool holds(const std::optional<Date>& d) const { return d && first <= *d && *d <= last; }
};

ReturnFigure count(std::string id, std::string label, long n, std::string counted) {
    return {std::move(id), std::move(label), "count", "neither", n, 0, std::move(counted), static_cast<double>(n)};
}

ReturnFigure percent(std::string id, std::string label, std::string better, long part, long whole, std::string counted) {
    std::optional<double> value;
    if (whole > 0) value = std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0;
    return {std::move(id), std::move(label), "percent", std::move(better), part, whole, std::move(counted), value};
}

// ---- Children in need ----------------------------------------------------

long referrals_within_12_months(const CinChild& child, const Year& year, long& referrals) {
    std::vector<Date> dates;
    for (const CinEpisode& e : child.episodes)
        if (e.referral) dates.push_back(*e.referral);
    std::sort(dates.begin(), dates.end());
    long repeats = 0;
    for (std::size_t i = 0; i < dates.size(); ++i) {
        if (!year.holds(dates[i])) continue;
        ++referrals;
        // The previous referral may be in any episode, NFA or not, and in the year before.
        if (i > 0 && dates[i - 1] >= add_months(dates[i], -12)) ++repeats;
    }
    return repeats;
}

struct Conference {
    Date held;
    std::optional<Date> enquiry_started;
    Location where;
};

// Each initial conference once per child, with the start of the section 47
// enquiry that led to it when the return records one.
std::vector<Conference> conferences_of(const CinChild& child) {
    std::vector<Conference> out;
    auto add = [&](Date held, std::optional<Date> started, const Location& where) {
        for (Conference& c : out)
            if (c.held == held) {
                if (!c.enquiry_started) c.enquiry_started = started;
                return;
            }
        out.push_back({held, started, where});
    };
    for (const CinEpisode& e : child.episodes) {
        for (const CinSection47& s : e.section47s)
            if (s.conference && !s.conference_not_required.value_or(false)) add(*s.conference, s.start, s.where);
        if (e.initial_conference) add(*e.initial_conference, std::nullopt, e.where);
    }
    return out;
}

// A date after the census day is a mistake in the return (a year typed
// wrongly, say): it is named, and the event counts in no year until fixed.
void warn_after_census(const std::optional<Date>& reference_date, const CinChild& child, const CinEpisode& e, Diagnostics& diags) {
    if (!reference_date) return;
    auto check = [&](const std::optional<Date>& d, const char* element, const Location& where) {
        if (d && *d > *reference_date)
            diags.warning(where,
                          "child " + child.la_child_id + "'s <" + element + "> is " + d->long_form() + ", after the census's reference date, " +
                              reference_date->long_form(),
                          "check the date in the case management system and send the return again", "date-after-census");
    };
    check(e.referral, "CINreferralDate", e.where);
    check(e.closure, "CINclosureDate", e.where);
    for (const CinAssessment& a : e.assessments) {
        check(a.start, "AssessmentActualStartDate", a.where);
        check(a.authorised, "AssessmentAuthorisationDate", a.where);
    }
    for (const CinSection47& s : e.section47s) {
        check(s.start, "S47ActualStartDate", s.where);
        check(s.conference, "DateOfInitialCPC", s.where);
    }
    for (const CinProtectionPlan& p : e.protection_plans) {
        check(p.start, "CPPstartDate", p.where);
        check(p.end, "CPPendDate", p.where);
    }
}

}  // namespace

struct ChildrenInNeedTally::Counts {
    long referrals = 0, repeats = 0;
    long assessed = 0, assessed_in_time = 0, enquiries = 0, conferences = 0, timed_conferences = 0, conferences_in_time = 0;
    long plans_started = 0, later_plans = 0, plans_ended = 0, long_plans = 0, children_on_plans = 0;
};

ChildrenInNeedTally::ChildrenInNeedTally(const std::string& period, std::optional<Date> reference_date, const std::string& path, Diagnostics& diags)
    : period_(period), reference_date_(reference_date), diags_(diags), counts_(std::make_unique<Counts>()) {
    Year year(period);
    plans_ = std::make_unique<timeliness::ProtectionPlanTally>(year.first, year.last);
    if (reference_date_ && *reference_date_ != year.last)
        diags_.warning({path, 0, 0}, "the census's reference date is " + reference_date_->long_form() + ", but the figures are for " + period_ +
                                         ", which ends on " + year.last.long_form(),
                       "a census holds the episodes open in its own year: use the census for " + period_ + ", or --period for the census's year",
                       "figures-other-year");
}

ChildrenInNeedTally::~ChildrenInNeedTally() = default;

void ChildrenInNeedTally::add(const CinChild& child) {
    Year year(period_);
    Counts& n = *counts_;
    Diagnostics& diags = diags_;
    n.repeats += referrals_within_12_months(child, year, n.referrals);
    for (const CinEpisode& e : child.episodes) {
        warn_after_census(reference_date_, child, e, diags);
        if (!e.referral)
            diags.warning(e.where, "child " + child.la_child_id + " has an episode with no referral date; its referral is not counted",
                          "every CINdetails needs a CINreferralDate");
        for (const CinAssessment& a : e.assessments) {
            if (!year.holds(a.authorised)) continue;
            if (!a.start || *a.start > *a.authorised) {
                diags.warning(a.where,
                              "child " + child.la_child_id + "'s assessment was authorised on " + a.authorised->long_form() +
                                  (a.start ? " but started after that, on " + a.start->long_form() : " but has no start date") +
                                  "; it is left out of assessments-within-45-working-days",
                              "check AssessmentActualStartDate against AssessmentAuthorisationDate");
                continue;
            }
            ++n.assessed;
            if (working_days_between(*a.start, *a.authorised) <= 45) ++n.assessed_in_time;
        }
        for (const CinSection47& s : e.section47s)
            if (year.holds(s.start)) ++n.enquiries;
    }
    for (const Conference& c : conferences_of(child)) {
        if (!year.holds(c.held)) continue;
        ++n.conferences;
        if (!c.enquiry_started) continue;
        if (*c.enquiry_started > c.held) {
            diags.warning(c.where,
                          "child " + child.la_child_id + "'s initial conference on " + c.held.long_form() + " is before its section 47 enquiry started, on " +
                              c.enquiry_started->long_form() + "; it is left out of initial-conferences-within-15-working-days",
                          "check S47ActualStartDate against DateOfInitialCPC");
            continue;
        }
        ++n.timed_conferences;
        if (working_days_between(*c.enquiry_started, c.held) <= 15) ++n.conferences_in_time;
    }
    std::vector<const CinProtectionPlan*> plans;
    for (const CinEpisode& e : child.episodes)
        for (const CinProtectionPlan& p : e.protection_plans) {
            if (!p.start) {
                diags.warning(p.where, "child " + child.la_child_id + " has a child protection plan with no start date; it is not counted",
                              "every ChildProtectionPlans block needs a CPPstartDate");
                continue;
            }
            if (p.end && *p.end < *p.start) {
                diags.warning(p.where,
                              "child " + child.la_child_id + "'s child protection plan ends on " + p.end->long_form() + ", before it started on " +
                                  p.start->long_form() + "; it is not counted",
                              "check CPPstartDate against CPPendDate");
                continue;
            }
            plans.push_back(&p);
        }
    bool on_plan = false;
    for (const CinProtectionPlan* p : plans) {
        if (year.holds(p->start)) {
            ++n.plans_started;
            bool earlier = std::any_of(plans.begin(), plans.end(), [&](const CinProtectionPlan* q) { return *q->start < *p->start; });
            if (earlier || p->previous_plans.value_or(0) > 0) ++n.later_plans;
        }
        if (year.holds(p->end)) {
            ++n.plans_ended;
            if (*p->end >= add_months(*p->start, 24)) ++n.long_plans;
        }
        on_plan = on_plan || (*p->start <= year.last && (!p->end || *p->end > year.last));
    }
    if (on_plan) ++n.children_on_plans;
    plans_->add(child);
}

std::vector<ReturnFigure> ChildrenInNeedTally::figures() const {
    const Counts& n = *counts_;
    std::vector<ReturnFigure> out = {
        count("referrals", "Referrals to children's social care", n.referrals, "referrals"),
        percent("re-referrals-within-12-months", "Referrals within 12 months of a previous referral for the same child", "lower", n.repeats, n.referrals,
                "referrals"),
        percent("assessments-within-45-working-days", "Assessments completed within 45 working days", "higher", n.assessed_in_time, n.assessed,
                "assessments completed"),
        count("section-47-enquiries", "Section 47 enquiries started", n.enquiries, "enquiries"),
        count("initial-conferences", "Initial child protection conferences", n.conferences, "conferences"),
        percent("initial-conferences-within-15-working-days",
                "Initial child protection conferences held within 15 working days of the section 47 enquiry starting", "higher", n.conferences_in_time,
                n.timed_conferences, "conferences with the enquiry's start date"),
        count("cp-plans-started", "Child protection plans started", n.plans_started, "plans"),
        count("cp-plans-at-31-march", "Children on a child protection plan at 31 March", n.children_on_plans, "children"),
        percent("cp-plans-second-or-subsequent", "Child protection plans started that were a second or later plan for the child", "lower", n.later_plans,
                n.plans_started, "plans started"),
        percent("cp-plans-ended-after-2-years", "Child protection plans ended that had lasted two years or more", "lower", n.long_plans, n.plans_ended,
                "plans ended"),
    };
    for (ReturnFigure& f : plans_->figures()) out.push_back(std::move(f));
    return out;
}

std::vector<ReturnFigure> children_in_need_figures(const CinCensus& census, const std::string& path, const std::string& period, Diagnostics& diags) {
    ChildrenInNeedTally tally(period, census.reference_date, path, diags);
    for (const CinChild& child : census.children) tally.add(child);
    return tally.figures();
}

// ---- Children looked after ---------------------------------------------

namespace {

// Short breaks: a child looked after only under an agreed series of
// short-term placements is not counted as looked after at 31 March.
bool short_break(const LookedAfterEpisode& e) { return e.legal_status == "V3" || e.legal_status == "V4"; }

// A new episode moves the child to new carers when it starts care (S),
// changes placement and carers (P), or changes both legal status and
// placement (T). Changes of legal status alone (L) or of placement with the
// same carers (U, B) are not moves.
bool new_carers(const LookedAfterEpisode& e) { return e.reason_new == "S" || e.reason_new == "P" || e.reason_new == "T"; }

int placements_in_year(std::vector<const LookedAfterEpisode*> episodes, const Year& year) {
    std::sort(episodes.begin(), episodes.end(), [](auto* a, auto* b) { return *a->start < *b->start; });
    int placements = 0;
    for (const LookedAfterEpisode* e : episodes) {
        if (*e->start > year.last || (e->end && *e->end < year.first)) continue;
        // The first placement of the year counts however its episode began.
        if (placements == 0 || new_carers(*e)) ++placements;
    }
    return placements;
}

// The age reached on the birthday that falls in the year.
int age_in_year(Date born, const Year& year) {
    int birthday_year = born.month >= 4 ? year.first.year : year.last.year;
    return birthday_year - born.year;
}

}  // namespace

std::vector<ReturnFigure> looked_after_figures(const LookedAfterReturn& lac, const std::string& period, Diagnostics& diags) {
    Year year(period);
    long looked_after = 0, moved_often = 0, leavers = 0, in_touch = 0, in_eet = 0, suitably_housed = 0;
    for (const LookedAfterChild& child : lac.children) {
        std::vector<const LookedAfterEpisode*> episodes;
        for (const LookedAfterEpisode& e : child.episodes) {
            if (!e.start) {
                diags.warning(e.where, "child " + child.child_id + " has an episode with no start date (DECOM); it is not counted");
                continue;
            }
            if (e.end && *e.end < *e.start) {
                diags.warning(e.where, "child " + child.child_id + "'s episode ends on " + e.end->long_form() + ", before it started on " +
                                           e.start->long_form() + "; it is not counted",
                              "check DECOM against DEC");
                continue;
            }
            episodes.push_back(&e);
        }
        bool at_year_end = std::any_of(episodes.begin(), episodes.end(), [&](const LookedAfterEpisode* e) {
            return *e->start <= year.last && (!e->end || *e->end > year.last) && !short_break(*e);
        });
        if (at_year_end) {
            ++looked_after;
            if (placements_in_year(episodes, year) >= 3) ++moved_often;
        }
        if (child.care_leaver.empty()) continue;
        if (!child.born) {
            diags.warning(child.where, "care leaver " + child.child_id + " has no date of birth, so their age is not known; they are not counted");
            continue;
        }
        int age = age_in_year(*child.born, year);
        if (age < 19 || age > 21) continue;
        for (const CareLeaverCheck& c : child.care_leaver) {
            // Young people who died, or went home for six months or more, are not care leavers the council is measured on.
            if (c.in_touch == "DIED" || c.in_touch == "RHOM") continue;
            ++leavers;
            if (c.in_touch == "YES") ++in_touch;
            if (!c.activity.empty() && (c.activity[0] == 'F' || c.activity[0] == 'P')) ++in_eet;
            if (c.accommodation.size() == 2 && c.accommodation[1] == '1') ++suitably_housed;
        }
    }
    std::vector<ReturnFigure> out = {
        count("children-looked-after-at-31-march", "Children looked after at 31 March", looked_after, "children"),
        percent("three-or-more-placements", "Children looked after at 31 March who had three or more placements in the year", "lower", moved_often,
                looked_after, "children looked after at 31 March"),
        percent("care-leavers-in-touch", "Care leavers aged 19 to 21 the council was in touch with", "higher", in_touch, leavers,
                "care leavers aged 19 to 21"),
        percent("care-leavers-in-education-employment-or-training", "Care leavers aged 19 to 21 in education, employment or training", "higher", in_eet,
                leavers, "care leavers aged 19 to 21"),
        percent("care-leavers-in-suitable-accommodation", "Care leavers aged 19 to 21 in suitable accommodation", "higher", suitably_housed, leavers,
                "care leavers aged 19 to 21"),
    };
    for (ReturnFigure& f : timeliness::looked_after_measures(lac, year.first, year.last)) out.push_back(std::move(f));
    return out;
}

std::vector<ReturnFigure> rates_per_10000(const std::vector<ReturnFigure>& figures, long children) {
    static const std::set<std::string> with_rates = {"referrals",        "section-47-enquiries", "initial-conferences", "cp-plans-started",
                                                     "cp-plans-at-31-march", "children-looked-after-at-31-march"};
    std::vector<ReturnFigure> out;
    if (children <= 0) return out;
    for (const ReturnFigure& f : figures) {
        if (f.unit != "count" || !with_rates.count(f.id)) continue;
        std::string label = f.label;
        label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
        double rate = std::round(100000.0 * static_cast<double>(f.count) / static_cast<double>(children)) / 10.0;
        out.push_back({f.id + "-rate", "Rate of " + label, "rate", "neither", f.count, children, f.counted, rate});
    }
    return out;
}

}  // namespace safesite
