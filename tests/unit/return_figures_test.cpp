// The yearly figures on returns built by hand, for the year 2023-24
// (1 April 2023 to 31 March 2024). Every answer is worked out in the
// comments beside the records.
#include <doctest/doctest.h>

#include "analysis/return_figures.h"

#include <map>

using namespace safesite;

namespace {

Date d(const char* iso) { return parse_full_date(iso).value(); }

CinEpisode referral(const char* on, bool nfa = false) {
    CinEpisode e;
    e.referral = d(on);
    e.referral_nfa = nfa;
    return e;
}

CinAssessment assessment(const char* start, const char* authorised) {
    CinAssessment a;
    if (start) a.start = d(start);
    a.authorised = d(authorised);
    return a;
}

CinSection47 enquiry(const char* start, const char* conference) {
    CinSection47 s;
    s.start = d(start);
    if (conference) s.conference = d(conference);
    else s.conference_not_required = true;
    return s;
}

CinProtectionPlan plan(const char* start, const char* end = nullptr, int previous = 0) {
    CinProtectionPlan p;
    if (start) p.start = d(start);
    if (end) p.end = d(end);
    p.previous_plans = previous;
    return p;
}

// A child of either return, with its id, birth date and episodes.
template <typename Child, typename Episode>
Child with_episodes(std::string Child::*id_field, const char* id, const char* born, std::vector<Episode> episodes) {
    Child c;
    c.*id_field = id;
    c.born = d(born);
    c.episodes = std::move(episodes);
    return c;
}

CinChild child(const char* id, std::vector<CinEpisode> episodes) { return with_episodes(&CinChild::la_child_id, id, "2015-01-01", std::move(episodes)); }

CinCensus hand_made_census() {
    CinCensus census;
    census.reference_date = d("2024-03-31");
    // A: referred in September 2022 (no further action), again on 1 June 2023: a re-referral.
    CinEpisode a2 = referral("2023-06-01");
    // Friday 2 June to Friday 4 August 2023: 20 working days in June, 21 in July, 4 in August = 45, in time.
    a2.assessments.push_back(assessment("2023-06-02", "2023-08-04"));
    // Monday 3 July to Monday 24 July: 4 + 5 + 5 + 1 = 15 working days, in time.
    a2.section47s.push_back(enquiry("2023-07-03", "2023-07-24"));
    a2.protection_plans.push_back(plan("2023-07-24"));  // a first plan, open at 31 March
    CinChild a = child("A", {referral("2022-09-10", true), a2});
    // B: referred 31 March 2022, again 1 April 2023: twelve months and a day, not a re-referral.
    CinEpisode b1 = referral("2022-03-31");
    b1.protection_plans.push_back(plan("2021-01-15", "2023-05-10"));  // ended in the year after more than two years
    CinEpisode b2 = referral("2023-04-01");
    // Monday 3 April to Monday 12 June 2023: 50 weekdays, less Good Friday, Easter Monday, 1 May, the
    // coronation on 8 May and the spring holiday = 45 working days, in time.
    b2.assessments.push_back(assessment("2023-04-03", "2023-06-12"));
    // Friday 1 September to Monday 6 November: 20 + 22 + 3 + 1 = 46 working days, late.
    b2.assessments.push_back(assessment("2023-09-01", "2023-11-06"));
    // Monday 2 October to Tuesday 24 October: 16 working days, late.
    b2.section47s.push_back(enquiry("2023-10-02", "2023-10-24"));
    // A second plan (B had one before); it ends on 31 March, so is not open at 31 March.
    b2.protection_plans.push_back(plan("2023-10-24", "2024-03-31"));
    CinChild b = child("B", {b1, b2});
    // C: unborn, referred in January 2024 with no further action; an enquiry found no conference was needed.
    CinEpisode c1 = referral("2024-01-15", true);
    c1.section47s.push_back(enquiry("2024-02-01", nullptr));
    CinChild c = child("C", {c1});
    c.born.reset();
    c.expected_birth = d("2024-05-01");
    // D: referred 1 May 2023 (no further action) and again on 20 May: two referrals, the second a re-referral.
    CinEpisode d2 = referral("2023-05-20");
    // The conference is recorded in the episode and in its enquiry: one conference. Monday 22 May to
    // Thursday 15 June: 4 + 2 (the spring holiday on 29 May) + 2 + 5 + 4 = 17 working days, late.
    d2.initial_conference = d("2023-06-15");
    d2.section47s.push_back(enquiry("2023-05-22", "2023-06-15"));
    d2.protection_plans.push_back(plan("2023-06-15", "2023-12-01", 2));  // a later plan: two before it; ended short
    CinChild dd = child("D", {referral("2023-05-01", true), d2});
    // E: broken records. An assessment authorised before it started, a plan with no start and an
    // episode with no referral date are left out with warnings; a conference recorded only in the
    // episode counts as a conference but cannot be timed.
    CinEpisode e1 = referral("2023-11-01");
    e1.assessments.push_back(assessment("2028-04-28", "2023-12-01"));
    e1.initial_conference = d("2024-02-20");
    e1.protection_plans.push_back(plan(nullptr));
    CinEpisode e2;
    CinChild e = child("E", {e1, e2});
    // F: on a plan since 2020; an assessment authorised the day before the year began.
    CinEpisode f1 = referral("2019-12-01");
    f1.protection_plans.push_back(plan("2020-01-10"));
    f1.assessments.push_back(assessment("2023-02-01", "2023-03-31"));
    CinChild f = child("F", {f1});
    // G: referred the day after the year ended; an enquiry started in the year, its conference after it.
    CinEpisode g1 = referral("2024-04-01");
    g1.section47s.push_back(enquiry("2024-03-28", "2024-04-15"));
    CinChild g = child("G", {g1});
    // H: a plan of exactly two years, ended on 31 March 2024.
    CinEpisode h1 = referral("2022-03-01");
    h1.protection_plans.push_back(plan("2022-03-31", "2024-03-31"));
    CinChild h = child("H", {h1});
    census.children = {a, b, c, dd, e, f, g, h};
    return census;
}

std::map<std::string, ReturnFigure> by_id(const std::vector<ReturnFigure>& figures) {
    std::map<std::string, ReturnFigure> out;
    for (const ReturnFigure& f : figures) out[f.id] = f;
    return out;
}

}  // namespace

TEST_CASE("children in need figures, each worked out by hand") {
    Diagnostics diags;
    auto f = by_id(children_in_need_figures(hand_made_census(), "cin.xml", "2023-24", diags));
    REQUIRE(f.size() == 12);
    // A 1 June, B 1 April, C 15 January, D 1 May and 20 May, E 1 November.
    CHECK(f["referrals"].count == 6);
    CHECK(f["referrals"].unit == "count");
    // A's and D's second.
    CHECK(f["re-referrals-within-12-months"].count == 2);
    CHECK(f["re-referrals-within-12-months"].out_of == 6);
    CHECK(*f["re-referrals-within-12-months"].value == doctest::Approx(33.3));
    CHECK(f["re-referrals-within-12-months"].unit == "percent");
    CHECK(f["re-referrals-within-12-months"].better == "lower");
    // A's and B's first in time, B's second late; E's left out; F's in the year before.
    CHECK(f["assessments-within-45-working-days"].count == 2);
    CHECK(f["assessments-within-45-working-days"].out_of == 3);
    CHECK(*f["assessments-within-45-working-days"].value == doctest::Approx(66.7));
    // A, B, C, D and G.
    CHECK(f["section-47-enquiries"].count == 5);
    // A, B, D (once) and E; G's is next year's.
    CHECK(f["initial-conferences"].count == 4);
    // A's in time; B's and D's late; E's has no enquiry to time it from.
    CHECK(f["initial-conferences-within-15-working-days"].count == 1);
    CHECK(f["initial-conferences-within-15-working-days"].out_of == 3);
    // A's, B's second and D's.
    CHECK(f["cp-plans-started"].count == 3);
    // A and F.
    CHECK(f["cp-plans-at-31-march"].count == 2);
    // B's (an earlier plan in the file) and D's (NumberOfPreviousCPP 2).
    CHECK(f["cp-plans-second-or-subsequent"].count == 2);
    CHECK(f["cp-plans-second-or-subsequent"].out_of == 3);
    // B's two, D's and H's ended; B's first and H's (exactly two years) lasted two years or more.
    CHECK(f["cp-plans-ended-after-2-years"].count == 2);
    CHECK(f["cp-plans-ended-after-2-years"].out_of == 4);
    CHECK(*f["cp-plans-ended-after-2-years"].value == doctest::Approx(50.0));

    // E's four, and G's referral and conference, after the census day.
    REQUIRE(diags.warning_count() == 6);
    std::vector<std::string> messages;
    for (const auto& x : diags.items()) messages.push_back(x.message);
    CHECK(messages[0] == "child E's <AssessmentActualStartDate> is 28 April 2028, after the census's reference date, 31 March 2024");
    CHECK(diags.items()[0].code == "date-after-census");
    messages.erase(messages.begin());
    CHECK(messages[0] ==
          "child E's assessment was authorised on 1 December 2023 but started after that, on 28 April 2028; it is left out of "
          "assessments-within-45-working-days");
    CHECK(messages[1] == "child E has an episode with no referral date; its referral is not counted");
    CHECK(messages[2] == "child E has a child protection plan with no start date; it is not counted");
    CHECK(messages[3] == "child G's <CINreferralDate> is 1 April 2024, after the census's reference date, 31 March 2024");
    CHECK(messages[4] == "child G's <DateOfInitialCPC> is 15 April 2024, after the census's reference date, 31 March 2024");
}

TEST_CASE("a census from another year is named") {
    Diagnostics diags;
    children_in_need_figures(hand_made_census(), "cin.xml", "2022-23", diags);
    REQUIRE(diags.items().size() == 6);
    CHECK(diags.items()[0].message == "the census's reference date is 31 March 2024, but the figures are for 2022-23, which ends on 31 March 2023");
    CHECK(diags.items()[0].code == "figures-other-year");
    CHECK(diags.items()[0].where.path == "cin.xml");
}

TEST_CASE("a percentage with nothing to divide by has no value") {
    Diagnostics diags;
    auto f = by_id(children_in_need_figures(CinCensus{}, "cin.xml", "2023-24", diags));
    CHECK(f["referrals"].count == 0);
    CHECK_FALSE(f["re-referrals-within-12-months"].value.has_value());
}

namespace {

LookedAfterEpisode episode(const char* start, const char* reason_new, const char* end, const char* legal_status = "C2") {
    LookedAfterEpisode e;
    e.start = d(start);
    e.reason_new = reason_new;
    e.legal_status = legal_status;
    if (end) e.end = d(end);
    return e;
}

LookedAfterChild looked_after(const char* id, std::vector<LookedAfterEpisode> episodes) {
    return with_episodes(&LookedAfterChild::child_id, id, "2012-01-01", std::move(episodes));
}

LookedAfterChild leaver(const char* id, const char* born, const char* in_touch, const char* activity, const char* accommodation) {
    LookedAfterChild c;
    c.child_id = id;
    c.born = d(born);
    c.care_leaver.push_back({in_touch, activity, accommodation, {}});
    return c;
}

LookedAfterReturn hand_made_903() {
    LookedAfterReturn r;
    r.children = {
        // Two placements in the year: the one at 1 April and a move (P); a change of legal status
        // only (L) and a new placement with the same carers (U) are not moves.
        looked_after("L1", {episode("2022-01-10", "S", "2023-06-01"), episode("2023-06-01", "P", "2023-09-01"),
                            episode("2023-09-01", "L", "2023-12-01"), episode("2023-12-01", "U", nullptr)}),
        // Three: came into care (S), moved (P), moved with a new legal status (T).
        looked_after("L2", {episode("2023-05-01", "S", "2023-07-01"), episode("2023-07-01", "P", "2023-08-01"), episode("2023-08-01", "T", nullptr)}),
        // Short breaks only: not counted as looked after.
        looked_after("L3", {episode("2023-01-01", "S", nullptr, "V4")}),
        // Left care on 31 March: not looked after at 31 March.
        looked_after("L4", {episode("2021-01-01", "S", "2024-03-31")}),
        // Came into care on 31 March: looked after, one placement.
        looked_after("L5", {episode("2024-03-31", "S", nullptr)}),
        // An episode ending before it starts: warned about, not counted.
        looked_after("L6", {episode("2023-06-01", "S", "2023-05-01")}),
        // Care leavers: their age on the birthday in the year decides whether they count.
        leaver("CL1", "2004-06-15", "YES", "F2", "B1"),  // 19: in touch, in education, suitable
        leaver("CL2", "2003-02-10", "YES", "G5", "S2"),  // 21 on 10 February 2024: in touch only
        leaver("CL3", "2002-04-01", "YES", "G4", "X2"),  // 21 on 1 April 2023: in touch only
        leaver("CL4", "2005-08-01", "YES", "F1", "B1"),  // 18: not counted
        leaver("CL5", "2004-01-01", "DIED", "0", "0"),   // died: not counted
        leaver("CL6", "2003-09-01", "RHOM", "F1", "B1"), // went home: not counted
        leaver("CL7", "2002-03-31", "YES", "F1", "B1"),  // 22 on 31 March 2024: not counted
        leaver("CL8", "2004-12-25", "REFU", "P4", "Z1"), // 19: refuses contact; working part-time, suitable
        leaver("CL9", "2003-10-10", "YES", "F1", "W2"),  // 20: in touch, at university, unsuitable
    };
    return r;
}

}  // namespace

TEST_CASE("children looked after and care leavers, each worked out by hand") {
    Diagnostics diags;
    auto f = by_id(looked_after_figures(hand_made_903(), "2023-24", diags));
    REQUIRE(f.size() == 7);
    CHECK(f["children-looked-after-at-31-march"].count == 3);  // L1, L2 and L5
    CHECK(f["three-or-more-placements"].count == 1);           // L2
    CHECK(f["three-or-more-placements"].out_of == 3);
    // CL1, CL2, CL3, CL8 and CL9 are 19 to 21 and counted.
    CHECK(f["care-leavers-in-touch"].count == 4);
    CHECK(f["care-leavers-in-touch"].out_of == 5);
    CHECK(*f["care-leavers-in-touch"].value == doctest::Approx(80.0));
    CHECK(f["care-leavers-in-education-employment-or-training"].count == 3);  // CL1, CL8, CL9
    CHECK(*f["care-leavers-in-education-employment-or-training"].value == doctest::Approx(60.0));
    CHECK(f["care-leavers-in-suitable-accommodation"].count == 2);  // CL1, CL8
    CHECK(*f["care-leavers-in-suitable-accommodation"].value == doctest::Approx(40.0));
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.items()[0].message == "child L6's episode ends on 1 May 2023, before it started on 1 June 2023; it is not counted");
}

TEST_CASE("rates per 10,000 children, for the counts the Department publishes rates of") {
    Diagnostics diags;
    auto counts = children_in_need_figures(hand_made_census(), "cin.xml", "2023-24", diags);
    auto more = looked_after_figures(hand_made_903(), "2023-24", diags);
    counts.insert(counts.end(), more.begin(), more.end());
    auto rates = by_id(rates_per_10000(counts, 2000));
    REQUIRE(rates.size() == 6);
    CHECK(*rates["referrals-rate"].value == doctest::Approx(30.0));  // 6 in 2,000
    CHECK(*rates["section-47-enquiries-rate"].value == doctest::Approx(25.0));
    CHECK(*rates["initial-conferences-rate"].value == doctest::Approx(20.0));
    CHECK(*rates["cp-plans-started-rate"].value == doctest::Approx(15.0));
    CHECK(*rates["cp-plans-at-31-march-rate"].value == doctest::Approx(10.0));
    CHECK(*rates["children-looked-after-at-31-march-rate"].value == doctest::Approx(15.0));
    CHECK(rates["referrals-rate"].label == "Rate of referrals to children's social care");
    CHECK(rates["referrals-rate"].unit == "rate");
    // 7 in 3,000 is 23.333...: one decimal place.
    auto odd = rates_per_10000({{"referrals", "Referrals", "count", "neither", 7, 0, "referrals", 7.0}}, 3000);
    CHECK(*odd[0].value == doctest::Approx(23.3));
}
