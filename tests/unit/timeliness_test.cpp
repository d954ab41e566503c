// The timeliness findings: each rule at both sides of each of its
// boundaries, on entries written by hand and by an import alike.
// September to November 2024 has no bank holiday, so from Monday 2 September
// 2024: 15 working days is Monday 23 September, 20 is Monday 30 September,
// 45 is Monday 4 November.
#include <doctest/doctest.h>

#include "analysis/timeliness/calendar.h"
#include "analysis/timeliness/case_events.h"
#include "analysis/timeliness/timeliness.h"
#include "test_site.h"

using namespace safesite;

namespace {

Date d(const char* iso) { return parse_full_date(iso).value(); }

struct Record {
    Child child;
    Record() {
        child.preferred = "Sam";
        child.source_path = "children/sam/child.xml";
    }
    Record& entry(const char* date, std::string category, std::string event = "", std::string plan_kind = "", std::string key = "",
                  std::string source = "") {
        ChronologyEntry e;
        e.date = d(date);
        e.category = std::move(category);
        e.event = std::move(event);
        e.plan_kind = std::move(plan_kind);
        e.key = std::move(key);
        e.source = std::move(source);
        e.where = {"", static_cast<int>(child.chronology.size()) + 10, 5};
        child.chronology.push_back(e);
        return *this;
    }
    // "line code: message" for every timeliness finding.
    std::string findings(const char* today = "2030-01-01", const std::string& only = "") const {
        Diagnostics diags;
        add_timeliness_findings(child, d(today), diags);
        std::string out;
        for (const Diagnostic& g : diags.items()) {
            CHECK(g.where.path == "children/sam/child.xml");
            if (only.empty() || g.code == only) out += std::to_string(g.where.line) + " " + g.code + ": " + g.message + "\n";
        }
        return out;
    }
    std::string codes(const char* today = "2030-01-01") const {
        std::string out;
        std::string all = findings(today);
        for (std::size_t at = 0; at < all.size();) {
            std::size_t end = all.find('\n', at);
            std::string line = all.substr(at, end - at);
            out += line.substr(0, line.find(':')) + "\n";
            at = end + 1;
        }
        return out;
    }
};

}  // namespace

TEST_CASE("timeliness: working-day and month deadlines") {
    using namespace timeliness;
    CHECK(add_working_days(d("2024-09-02"), 45) == d("2024-11-04"));
    CHECK(add_working_days(d("2024-09-02"), 20) == d("2024-09-30"));
    // Christmas and Boxing Day 2024 are not working days.
    CHECK(add_working_days(d("2024-12-20"), 3) == d("2024-12-27"));
    CHECK(cp_review_due(d("2023-11-30"), std::nullopt) == d("2024-02-29"));
    CHECK(cp_review_due(d("2023-11-30"), d("2024-02-29")) == d("2024-08-29"));
    CHECK(cla_review_due(d("2024-09-02"), 0, std::nullopt) == d("2024-09-30"));
    CHECK(cla_review_due(d("2024-09-02"), 1, d("2024-09-30")) == d("2024-12-30"));
    CHECK(cla_review_due(d("2024-09-02"), 2, d("2024-12-30")) == d("2025-06-30"));
    CHECK(start_in_words("Assessment completed and authorised (started 2 May 2024). Factors") == d("2024-05-02"));
    CHECK(start_in_words("Assessment started on 12 November 2024, not yet completed.") == d("2024-11-12"));
    CHECK(start_in_words("Assessment started 2024-05-02 by the team") == d("2024-05-02"));
    CHECK_FALSE(start_in_words("Assessment started last week"));
}

TEST_CASE("assessment-over-45-working-days: day 45 is on time, day 46 late; an open one from day 46") {
    Record on_time, late, open;
    on_time.entry("2024-11-04", "assessment", "Assessment completed and authorised (started 2 September 2024).");
    late.entry("2024-11-05", "assessment", "Assessment completed and authorised (started 2 September 2024).");
    CHECK(on_time.findings() == "");
    CHECK(late.findings() ==
          "10 assessment-over-45-working-days: the assessment started on 2 September 2024 was authorised on 5 November 2024, 46 working days later: "
          "more than 45\n");
    open.entry("2024-09-02", "assessment", "Assessment started on 2 September 2024, not yet completed.", "", "assessment-started:2024-09-02",
               "cin-census");
    CHECK(open.findings("2024-11-04") == "");
    CHECK(open.findings("2024-11-05") ==
          "10 assessment-over-45-working-days: the assessment started on 2 September 2024 is not authorised 46 working days later (on 5 November "
          "2024): more than 45\n");
    // Imported open, then imported again once authorised (in time): one assessment, on time.
    open.entry("2024-11-04", "assessment", "Assessment completed and authorised (started 2 September 2024).", "", "assessment:2024-11-04",
               "cin-census");
    CHECK(open.findings("2025-06-01") == "");
    // A hand-written assessment that does not say when it started cannot be timed.
    Record untimed;
    untimed.entry("2024-11-05", "assessment", "Assessment finished.");
    CHECK(untimed.findings() == "");
}

TEST_CASE("conference-over-15-working-days: day 15 on time, day 16 late, from the latest enquiry before it") {
    Record on_time, late;
    on_time.entry("2024-09-02", "section-47").entry("2024-09-23", "conference");
    late.entry("2024-09-02", "section-47").entry("2024-09-24", "conference");
    CHECK(on_time.findings() == "");
    CHECK(late.findings() ==
          "11 conference-over-15-working-days: the initial child protection conference on 24 September 2024 was 16 working days after the section 47 "
          "enquiry started on 2 September 2024: more than 15\n");
    // An earlier enquiry that needed no conference is not the one timed.
    Record two;
    two.entry("2023-01-09", "section-47", "Section 47 enquiry started. An initial child protection conference was not needed.")
        .entry("2024-09-02", "section-47")
        .entry("2024-09-23", "conference");
    CHECK(two.findings() == "");
    Record none;
    none.entry("2024-09-24", "conference");
    CHECK(none.findings() == "");
}

TEST_CASE("cp-review-late: first within 3 months (to the month's last day), then 6 months apart") {
    auto plan = [](const char* first, const char* second) {
        Record r;
        r.entry("2023-11-30", "plan-start", "", "child-protection").entry(first, "review", "", "child-protection");
        if (second) r.entry(second, "review", "", "child-protection");
        r.entry("2024-09-01", "plan-end", "", "child-protection");
        return r;
    };
    CHECK(plan("2024-02-29", "2024-08-29").findings() == "");
    CHECK(plan("2024-03-01", nullptr).codes() == "11 cp-review-late\n");
    CHECK(plan("2024-03-01", nullptr).findings().starts_with(
        "11 cp-review-late: the child protection review on 1 March 2024 was 92 days after the plan started on 30 November 2023; it was due by 29 "
        "February 2024 (3 months)\n"));
    CHECK(plan("2024-02-29", "2024-08-30").findings() ==
          "12 cp-review-late: the child protection review on 30 August 2024 was 183 days after the review on 29 February 2024; it was due by 29 "
          "August 2024 (6 months)\n");
    // No review at all: late once the plan is open past its due day.
    Record open;
    open.entry("2024-01-10", "plan-start", "", "child-protection");
    CHECK(open.findings("2024-04-10") == "");
    CHECK(open.findings("2024-04-11") ==
          "10 cp-review-late: no child protection review is recorded after the plan started on 10 January 2024 (92 days to 11 April 2024); one was "
          "due by 10 April 2024\n");
    // A plan that ended on its due day needed no review.
    Record ended;
    ended.entry("2024-01-10", "plan-start", "", "child-protection").entry("2024-04-10", "plan-end", "", "child-protection");
    CHECK(ended.findings() == "");
    // Imported reviews: the return holds only its year's, so a gap from before 1 April of the first one's year is not judged.
    Record imported;
    imported.entry("2020-01-10", "plan-start", "", "child-protection", "cp-plan-start:2020-01-10", "cin-census")
        .entry("2023-07-10", "review", "", "", "cp-review:2023-07-10", "cin-census")
        .entry("2024-01-08", "review", "", "", "cp-review:2024-01-08", "cin-census");
    CHECK(imported.findings("2024-07-08", "cp-review-late") == "");
    CHECK(imported.findings("2024-07-09", "cp-review-late").starts_with("12 cp-review-late: no child protection review is recorded after the review on 8 January 2024"));
}

TEST_CASE("cp-plan-over-two-years: the same date two years on is two years") {
    Record short_plan, long_plan, open;
    short_plan.entry("2022-03-01", "plan-start", "", "child-protection").entry("2024-02-29", "plan-end", "", "child-protection");
    long_plan.entry("2022-03-01", "plan-start", "", "child-protection").entry("2024-03-01", "plan-end", "", "child-protection");
    CHECK(short_plan.findings("2030-01-01", "cp-plan-over-two-years") == "");
    CHECK(long_plan.findings("2030-01-01", "cp-plan-over-two-years") != "");
    CHECK(long_plan.findings().find("cp-plan-over-two-years: the child protection plan from 1 March 2022 to 1 March 2024 lasted two years or more "
                                    "(731 days)") != std::string::npos);
    open.entry("2022-03-01", "plan-start", "", "child-protection")
        .entry("2022-06-01", "review", "", "child-protection")
        .entry("2022-12-01", "review", "", "child-protection")
        .entry("2023-06-01", "review", "", "child-protection")
        .entry("2023-12-01", "review", "", "child-protection");
    CHECK(open.findings("2024-02-29") == "");
    CHECK(open.findings("2024-03-01") ==
          "10 cp-plan-over-two-years: the child protection plan that started on 1 March 2022 has been open two years or more (731 days on 1 March "
          "2024)\n");
}

TEST_CASE("repeat-cp-plan: a plan starting within two years of an earlier one's end, naming it") {
    auto second = [](const char* start) {
        Record r;
        r.entry("2021-06-01", "plan-start", "", "child-protection").entry("2022-03-01", "plan-end", "", "child-protection");
        r.entry(start, "plan-start", "", "child-protection").entry(start, "plan-end", "", "child-protection");
        return r.findings("2030-01-01", "repeat-cp-plan");
    };
    CHECK(second("2024-03-01") ==
          "12 repeat-cp-plan: this child protection plan starts on 1 March 2024, 731 days after the plan from 1 June 2021 to 1 March 2022 ended: "
          "within two years\n");
    CHECK(second("2024-03-02") == "");
    // Starting the day the earlier one ended is one plan carried on.
    CHECK(second("2022-03-01") == "");
    CHECK(second("2022-03-02").starts_with("12 repeat-cp-plan: this child protection plan starts on 2 March 2022, 1 day after"));
    // A new plan ends one the record left open: the first lasted to 1 March 2024, two years and a day.
    Record unended;
    unended.entry("2022-02-28", "plan-start", "", "child-protection")
        .entry("2024-03-01", "plan-start", "", "child-protection");
    CHECK(unended.findings("2024-03-02", "cp-plan-over-two-years") ==
          "10 cp-plan-over-two-years: the child protection plan from 28 February 2022 to 1 March 2024 lasted two years or more (732 days)\n");
    CHECK(unended.findings("2024-03-02", "repeat-cp-plan") == "");
    // A child in need plan is not a child protection plan.
    Record cin;
    cin.entry("2021-06-01", "plan-start", "", "child-in-need").entry("2022-03-01", "plan-end", "", "child-in-need");
    cin.entry("2022-04-01", "plan-start", "", "child-protection").entry("2022-04-01", "plan-end", "", "child-protection");
    CHECK(cin.findings("2030-01-01", "repeat-cp-plan") == "");
}

TEST_CASE("cla-review-late: 20 working days, then 3 months, then 6 months") {
    auto care = [](const char* first, const char* second, const char* third) {
        Record r;
        r.entry("2024-09-02", "placement-start").entry(first, "review").entry(second, "review").entry(third, "review");
        r.entry("2025-07-01", "placement-end");
        return r;
    };
    CHECK(care("2024-09-30", "2024-12-30", "2025-06-30").findings() == "");
    CHECK(care("2024-10-01", "2025-01-01", "2025-07-01").findings() ==
          "11 cla-review-late: the looked-after review on 1 October 2024 was 21 working days after the child became looked after on 2 September "
          "2024; it was due by 30 September 2024 (20 working days)\n");
    CHECK(care("2024-09-30", "2024-12-31", "2025-06-30").findings() ==
          "12 cla-review-late: the looked-after review on 31 December 2024 was 92 days after the review on 30 September 2024; it was due by 30 "
          "December 2024 (3 months)\n");
    // 6 months after 31 December is 30 June, the month's last day.
    CHECK(care("2024-09-30", "2024-12-31", "2025-07-01").codes() == "12 cla-review-late\n13 cla-review-late\n");
    CHECK(care("2024-09-30", "2024-12-30", "2025-07-01").codes() == "13 cla-review-late\n");
    // Still looked after with no review: late from working day 21.
    Record none;
    none.entry("2024-09-02", "placement-start");
    CHECK(none.findings("2024-09-30") == "");
    CHECK(none.codes("2024-10-01") == "10 cla-review-late\n");
    // A move is not leaving care: the period goes on.
    Record moved;
    moved.entry("2024-09-02", "placement-start").entry("2024-09-20", "placement-end").entry("2024-09-20", "placement-start");
    CHECK(moved.codes("2024-10-01") == "10 cla-review-late\n");
    // Written by hand, a placement that ends the day before the next starts is a move too; two days before, it is leaving care.
    Record next_day, two_days;
    next_day.entry("2024-09-02", "placement-start").entry("2024-09-19", "placement-end").entry("2024-09-20", "placement-start");
    two_days.entry("2024-09-02", "placement-start").entry("2024-09-18", "placement-end").entry("2024-09-20", "placement-start");
    CHECK(next_day.codes("2024-10-01") == "10 cla-review-late\n");
    CHECK(two_days.findings("2024-10-01") == "");
    // Left care before the first review was due: none needed.
    Record left;
    left.entry("2024-09-02", "placement-start").entry("2024-09-20", "placement-end");
    CHECK(left.findings() == "");
}

TEST_CASE("cla-review-late: imported reviews are judged only where the return shows the gap") {
    Record r;
    r.entry("2019-05-01", "placement-start", "", "", "placement-start:2019-05-01", "ssda903")
        .entry("2023-06-01", "review", "", "", "review:2023-06-01", "ssda903")
        .entry("2023-12-01", "review", "", "", "review:2023-12-01", "ssda903");
    // Reviews before 1 April 2023 are not in the return: the one in June is not judged, and the gap after it is 6 months.
    CHECK(r.findings("2024-06-01") == "");
    CHECK(r.codes("2024-06-02") == "12 cla-review-late\n");
}

TEST_CASE("placement-moves-in-year: three placements starting less than 12 months apart") {
    auto moves = [](const char* third) {
        Record r;
        r.entry("2023-01-01", "placement-start").entry("2023-06-01", "placement-start").entry(third, "placement-start");
        return r.findings("2030-01-01", "placement-moves-in-year");
    };
    CHECK(moves("2023-12-31") == "12 placement-moves-in-year: 3 placements started within 12 months (1 January 2023 to 31 December 2023, 364 days)\n");
    CHECK(moves("2024-01-01") == "");
}

TEST_CASE("timeliness: a plan the record leaves open ended when the child's status moved on") {
    Record r;
    r.entry("2021-10-25", "plan-start", "", "child-protection")
        .entry("2022-01-20", "review", "", "child-protection")
        .entry("2022-04-11", "placement-start");
    r.child.status = "looked-after";
    r.child.status_since = d("2022-04-11");
    // The plan ended on 11 April 2022 (no review was due after the one in January), short of two years.
    CHECK(r.findings("2026-11-22", "cp-plan-over-two-years") == "");
    CHECK(r.findings("2026-11-22", "cp-review-late") == "");
    // Still looked after: the period of care is open.
    CHECK(r.codes("2026-11-22") == "12 cla-review-late\n");
    r.child.status = "child-protection-plan";
    CHECK(r.findings("2026-11-22", "cp-plan-over-two-years") != "");
}
