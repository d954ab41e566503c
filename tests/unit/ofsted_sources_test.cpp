// Reports that reach safesite in other shapes: services run by a trust or
// company, text copied out of a PDF viewer rather than laid out, and visit
// dates that cannot be right as printed.
#include <doctest/doctest.h>

#include "importers/inspection_xml.h"
#include "importers/ofsted_report.h"

#include <algorithm>

using namespace safesite;

namespace {

std::string judgements_of(const OfstedReport& r) {
    std::string out;
    for (const auto& j : r.judgements) out += (j.parent.empty() ? "" : j.parent + ">") + j.area + "=" + j.grade + "\n";
    return out;
}

bool has_note(const OfstedReport& r, std::string_view words) {
    return std::any_of(r.notes.begin(), r.notes.end(), [&](const std::string& n) { return n.find(words) != std::string::npos; });
}

// An ILACS report under `title`, its first paragraph `about`.
std::string ilacs(const std::string& title, const std::string& about) {
    return title +
           "\n"
           "Inspection dates: 12 to 23 January 2026\n"
           "Lead inspector: Sam Example, His Majesty\xE2\x80\x99s Inspector\n\n"
           " Judgement                                   Grade\n\n"
           " The impact of leaders on social work        Requires improvement\n"
           " practice with children and families         to be good\n\n"
           " The experiences and progress of             Inadequate\n"
           " children who need help and protection\n\n"
           " The experiences and progress of             Good\n"
           " children in care\n\n"
           " The experiences and progress of care        Good\n"
           " leavers\n\n"
           " Overall effectiveness                       Inadequate\n\n" +
           about +
           "\n\n"
           "What needs to improve?\n\n"
           "\xE2\x97\xBC The timeliness of assessments.\n";
}

const char* kGrades =
    "leadership=requires-improvement-to-be-good\nhelp-and-protection=inadequate\nchildren-in-care=good\ncare-leavers=good\noverall=inadequate\n";

}  // namespace

TEST_CASE("a service run by a trust or company is read like any ILACS report, for the council it serves") {
    struct Case {
        const char* title;
        const char* about;
        const char* authority;
    };
    const Case cases[] = {
        {"Inspection of Bradford Children and Families Trust",
         "The trust has run children's social care for the City of Bradford Metropolitan District Council since April 2023.", "Bradford"},
        {"Inspection of Together for Children", "Together for Children provides children's social care on behalf of the council.", "Sunderland"},
        {"Inspection of Achieving for Children",
         "Achieving for Children provides children's social care on behalf of the Royal Borough of Kingston upon Thames.", "Kingston upon Thames"},
        {"Inspection of Slough Children First", "Slough Children First is owned by the council.", "Slough"},
        {"Inspection of Doncaster Children's Services Trust", "The trust works for the council.", "Doncaster"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.title);
        OfstedReport r = read_ofsted_report(ilacs(c.title, c.about));
        CHECK(r.framework == "ilacs-2018");
        CHECK(r.framework_reason.ends_with("children's services (ILACS, 2018 on)"));
        CHECK(r.graded);
        CHECK(r.title == c.title);
        CHECK(r.authority == c.authority);
        CHECK(judgements_of(r) == kGrades);
        CHECK(r.recommendations.size() == 1);
        CHECK_FALSE(has_note(r, "framework could not be told"));
    }
    CHECK(read_ofsted_report(ilacs(cases[0].title, "")).framework_reason ==
          "the title names the inspection of a trust or company that runs a council's children's services (ILACS, 2018 on)");
    // Without a trust's name, the ILACS rows on the first page tell it too.
    OfstedReport r = read_ofsted_report(ilacs("Inspection of Leeds", "Leeds is a large city."));
    CHECK(r.framework == "ilacs-2018");
    CHECK(judgements_of(r) == kGrades);
    // A letter to a trust stays a letter, and names the council after its greeting, not Ofsted's Manchester.
    OfstedReport visit = read_ofsted_report(
        "Ofsted\nPiccadilly Gate\nManchester\nM1 2WD\n\nDear Mx Director\n\n"
        "Monitoring visit to Achieving for Children\n\n"
        "This letter summarises the findings of the monitoring visit to Achieving for Children, for Richmond upon Thames, on 8 and\n"
        "9 November 2023.\n");
    CHECK(visit.framework == "monitoring-visit");
    CHECK(visit.authority == "Richmond upon Thames");
    CHECK(visit.judgements.empty());
}

TEST_CASE("a judgement table copied out of a PDF viewer gives the same judgements as the PDF") {
    const char* copied =
        "Plymouth City Council\n"
        "Inspection of services for children in need of help and protection, children looked after and care leavers\n"
        "and\n"
        "Review of the effectiveness of the local safeguarding children board1\n"
        "Inspection date: 22 October - 12 November 2014\n"
        "Report published: 6 January 2015\n"
        "The overall judgement is that children's services require improvement\n"
        "The authority is not yet delivering good protection, help and care for children, young people and families.\n"
        "The judgements on areas of the service that contribute to overall effectiveness are:\n"
        "1. Children who need help and protection\n"
        "Requires improvement\n"
        "2. Children looked after and achieving permanence\n"
        "2\n"
        "Good\n"
        "2.1 Adoption performance\n"
        "Outstanding\n"
        "2.2 Experiences and progress of care leavers\n"
        "Requires improvement\n"
        "3. Leadership, management and governance\n"
        "Requires\n"
        "improvement\n"
        "The effectiveness of the Local Safeguarding Children Board (LSCB)\n"
        "Good\n"
        "1\n"
        "Ofsted produces this report under its power to combine reports.\n";
    OfstedReport r = read_ofsted_report(copied);
    CHECK(r.framework == "sif-2013");
    CHECK(judgements_of(r) ==
          "help-and-protection=requires-improvement\nlooked-after-and-permanence=good\nlooked-after-and-permanence>adoption=outstanding\n"
          "looked-after-and-permanence>care-leavers=requires-improvement\nleadership=requires-improvement\nlscb=good\noverall=requires-improvement\n");
    // An ILACS table the same way, a grade wrapped over two lines.
    OfstedReport now = read_ofsted_report(
        "Inspection of Leeds local authority children\xE2\x80\x99s services\nInspection dates: 1 to 12 May 2023\n"
        "Judgement\nGrade\n"
        "The impact of leaders on social work practice with children and families\nRequires improvement to be good\n"
        "The experiences and progress of children who need help and protection\n1\nRequires improvement\nto be good\n"
        "The experiences and progress of children in care\nGood\n"
        "The experiences and progress of care leavers\nOutstanding\n"
        "Overall effectiveness\nRequires improvement to be good\n"
        "Leeds is a large city.\n");
    CHECK(judgements_of(now) ==
          "leadership=requires-improvement-to-be-good\nhelp-and-protection=requires-improvement-to-be-good\nchildren-in-care=good\n"
          "care-leavers=outstanding\noverall=requires-improvement-to-be-good\n");
    // A sentence that ends in a grade is not a row: "... when they were" above "inadequate."
    OfstedReport prose = read_ofsted_report(
        "Inspection of Lambeth local authority children's services\nInspection dates: 1 to 12 May 2022\n\n"
        " Overall effectiveness                       Good\n\n"
        "Services for children who need adoption have improved since the last inspection, when they were\n"
        "inadequate.\n"
        "Adoption\n"
        "inadequate.\n");
    CHECK(judgements_of(prose) == "overall=good\n");
}

TEST_CASE("visit dates that cannot be right are kept as printed, with a warning quoting them") {
    OfstedReport year = read_ofsted_report(
        "Dear Mx Director\n\n"
        "Focused visit to Darlington children\xE2\x80\x99s services\n\n"
        "This letter summarises the findings of the focused visit to Darlington children\xE2\x80\x99s services on 24 October 2022 to\n"
        "25 October 2023. Her Majesty\xE2\x80\x99s Inspectors were Sam Example.\n");
    CHECK(year.visit_start->iso() == "2022-10-24");
    CHECK(year.visit_end->iso() == "2023-10-25");
    CHECK(has_note(year,
                   "the visit spans 367 days, more than the four weeks any visit takes: \"This letter summarises the findings of the focused visit to "
                   "Darlington children's services on 24 October 2022 to 25 October 2023.\"; the dates are kept as printed: check them against the report"));
    CHECK(inspection_xml(year, "x", "letter.pdf").find("<visit start=\"2022-10-24\" end=\"2023-10-25\"/>") != std::string::npos);

    OfstedReport backwards = read_ofsted_report("Inspection of Leeds local authority children's services\nInspection dates: 17 to 3 March 2023\n");
    CHECK(backwards.visit_start->iso() == "2023-03-17");
    CHECK(backwards.visit_end->iso() == "2023-03-03");
    CHECK(has_note(backwards,
                   "the visit ends before it starts: \"Inspection dates: 17 to 3 March 2023\"; the dates are kept as printed: check them against the report"));

    // Four weeks is an inspection's length, and a visit printed in two parts may span more.
    for (const char* line : {"Inspection date: 29 April - 22 May 2014", "Inspection dates: 5 to 9 December 2022 and 14 to 15 February 2023"}) {
        CAPTURE(line);
        OfstedReport r = read_ofsted_report(std::string("Inspection of Leeds local authority children's services\n") + line + "\n");
        CHECK(r.visit_start);
        CHECK_FALSE(has_note(r, "the visit"));
    }
}
