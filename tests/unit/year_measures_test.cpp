// The year's timeliness measures at each side of their boundaries. The
// hand-made returns in tests/data/figures pin them on whole files too
// (tests/integration/cli.sh).
#include <doctest/doctest.h>

#include "analysis/return_figures.h"

#include <map>

using namespace safesite;

namespace {

Date d(const char* iso) { return parse_full_date(iso).value(); }

CinChild on_plan(const char* id, const char* start, const char* end, std::vector<const char*> reviews) {
    CinProtectionPlan p;
    p.start = d(start);
    if (end) p.end = d(end);
    for (const char* r : reviews) p.reviews.push_back(d(r));
    CinEpisode e;
    e.referral = d(start);
    e.protection_plans.push_back(p);
    CinChild c;
    c.la_child_id = id;
    c.born = d("2015-01-01");
    c.episodes.push_back(e);
    return c;
}

std::map<std::string, ReturnFigure> cin_figures(std::vector<CinChild> children) {
    CinCensus census;
    census.children = std::move(children);
    Diagnostics diags;
    std::map<std::string, ReturnFigure> out;
    for (ReturnFigure& f : children_in_need_figures(census, "cin.xml", "2023-24", diags)) out[f.id] = f;
    return out;
}

LookedAfterEpisode episode(const char* start, const char* rne, const char* end = nullptr, const char* reason_end = "X1") {
    LookedAfterEpisode e;
    e.start = d(start);
    e.reason_new = rne;
    e.legal_status = "C2";
    if (end) {
        e.end = d(end);
        e.reason_end = reason_end;
    }
    return e;
}

std::map<std::string, ReturnFigure> lac_figures(std::vector<LookedAfterChild> children) {
    LookedAfterReturn r;
    r.children = std::move(children);
    Diagnostics diags;
    std::map<std::string, ReturnFigure> out;
    for (ReturnFigure& f : looked_after_figures(r, "2023-24", diags)) out[f.id] = f;
    return out;
}

LookedAfterChild in_care(const char* id, std::vector<LookedAfterEpisode> episodes, std::vector<const char*> reviews = {}) {
    LookedAfterChild c;
    c.child_id = id;
    c.born = d("2012-01-01");
    c.episodes = std::move(episodes);
    for (const char* r : reviews) c.reviews.push_back({d(r), "PN1", {}});
    return c;
}

}  // namespace

TEST_CASE("cp-plans-open-2-years-at-31-march: from 31 March two years before counts, from 1 April does not") {
    auto f = cin_figures({on_plan("A", "2022-03-31", nullptr, {}), on_plan("B", "2022-04-01", nullptr, {}),
                          on_plan("C", "2021-01-01", "2024-03-31", {})});
    CHECK(f["cp-plans-open-2-years-at-31-march"].count == 1);
    CHECK(f["cp-plans-open-2-years-at-31-march"].unit == "count");
}

TEST_CASE("cp-reviews-on-time: plans open 3 months or more at 31 March, every review in time and none overdue") {
    // From 31 December: 3 months to the day on 31 March, no review due yet: counted, on time.
    // From 30 December: its first review was due by 30 March: late.
    // From 1 January: not yet 3 months, not counted.
    auto f = cin_figures({on_plan("A", "2023-12-31", nullptr, {}), on_plan("B", "2023-12-30", nullptr, {}), on_plan("C", "2024-01-01", nullptr, {})});
    CHECK(f["cp-reviews-on-time"].count == 1);
    CHECK(f["cp-reviews-on-time"].out_of == 2);
    // Started 30 November: first review due by 29 February 2024 (the month's last day).
    auto g = cin_figures({on_plan("A", "2023-11-30", nullptr, {"2024-02-29"}), on_plan("B", "2023-11-30", nullptr, {"2024-03-01"})});
    CHECK(g["cp-reviews-on-time"].count == 1);
    CHECK(g["cp-reviews-on-time"].out_of == 2);
    CHECK(*g["cp-reviews-on-time"].value == doctest::Approx(50.0));
    CHECK(g["cp-reviews-on-time"].better == "higher");
}

TEST_CASE("cla-reviews-on-time: working day 20 and 21, 3 months and a day, reviews before the year not timed") {
    // Monday 4 September 2023: 20 working days is Monday 2 October.
    auto f = lac_figures({in_care("A", {episode("2023-09-04", "S")}, {"2023-10-02", "2024-01-02"}),
                          in_care("B", {episode("2023-09-04", "S")}, {"2023-10-03", "2024-01-03"}),
                          in_care("C", {episode("2020-01-01", "S")}, {"2023-05-01", "2023-11-01", "2024-03-01"})});
    // A: both on time. B: the first a day late, the second on time (3 months after the first).
    // C: looked after before the year; 1 May cannot be timed, 1 November is 6 months on, 1 March on time.
    CHECK(f["cla-reviews-on-time"].count == 5);
    CHECK(f["cla-reviews-on-time"].out_of == 6);
    auto g = lac_figures({in_care("C", {episode("2020-01-01", "S")}, {"2023-05-01", "2023-11-02"})});
    CHECK(g["cla-reviews-on-time"].count == 0);
    CHECK(g["cla-reviews-on-time"].out_of == 1);
}

TEST_CASE("cla-three-or-more-placements: placements starting in the year, among every child looked after in it") {
    auto f = lac_figures({
        // Three starting in the year, the last on 31 March.
        in_care("A", {episode("2023-04-01", "S", "2023-06-01"), episode("2023-06-01", "P", "2024-03-31"), episode("2024-03-31", "P")}),
        // The first started on 31 March 2023, the day before the year: two in it.
        in_care("B", {episode("2023-03-31", "S", "2023-06-01"), episode("2023-06-01", "P", "2023-07-01"), episode("2023-07-01", "P")}),
        // A change of legal status is not a placement.
        in_care("C", {episode("2023-04-01", "S", "2023-06-01"), episode("2023-06-01", "L", "2023-07-01"), episode("2023-07-01", "P")}),
        // Left care in the year: still counted as looked after in it.
        in_care("D", {episode("2020-01-01", "S", "2023-04-01", "E13")}),
    });
    CHECK(f["cla-three-or-more-placements"].count == 1);
    CHECK(f["cla-three-or-more-placements"].out_of == 4);
    CHECK(f["cla-three-or-more-placements"].better == "lower");
}
