#include <doctest/doctest.h>

#include "content/schema.h"
#include "content/xml_document.h"
#include "importers/authorities.h"
#include "importers/inspection_xml.h"
#include "importers/ofsted_report.h"
#include "importers/pdf_text.h"
#include "importers/report_dates.h"
#include "shared_files.h"
#include "support/file_system.h"
#include "support/text.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

using namespace safesite;

namespace {

OfstedReport import_seed(const std::string& name) {
    DiskFileSystem disk;
    std::string err;
    auto text = disk.read(testing::shared_folder() + "/seeds/" + name, &err);
    REQUIRE_MESSAGE(text.has_value(), "cannot read seed " << name << ": " << err);
    return read_ofsted_report(*text);
}

OfstedReport import_fixture(const std::string& name) {
    ReportText text = read_report_file(testing::shared_folder() + "/fixtures/ofsted/" + name);
    REQUIRE_MESSAGE(text.error.empty(), name << ": " << text.error);
    return read_ofsted_report(text.text);
}

std::string judgements_of(const OfstedReport& r) {
    std::string out;
    for (const auto& j : r.judgements) out += (j.parent.empty() ? "" : j.parent + ">") + j.area + "=" + j.grade + "\n";
    return out;
}

std::string grade_of(const OfstedReport& r, const std::string& area) {
    for (const auto& j : r.judgements)
        if (j.area == area) return j.grade;
    return "(none)";
}

int count_timescale(const OfstedReport& r, const std::string& t) {
    int n = 0;
    for (const auto& rec : r.recommendations) n += rec.timescale == t;
    return n;
}

bool has_note(const OfstedReport& r, std::string_view words) {
    return std::any_of(r.notes.begin(), r.notes.end(), [&](const std::string& n) { return n.find(words) != std::string::npos; });
}

void check_valid_xml(const OfstedReport& r, const std::string& id) {
    Diagnostics diags;
    auto doc = XmlDocument::parse("inspections/" + id + ".xml", inspection_xml(r, id, "report.pdf"), diags);
    REQUIRE(doc);
    CHECK(validate(*doc, "inspection", diags));
    for (const auto& d : diags.items()) FAIL(format_diagnostic(d));
}

// "requires improvement" as the framework's grade id.
std::string grade_id_of(std::string label, const std::string& framework) {
    if (label == "requires improvement") return framework == "ilacs-2018" ? "requires-improvement-to-be-good" : "requires-improvement";
    return label;
}

std::vector<std::map<std::string, std::string>> read_labels() {
    std::ifstream in(testing::shared_folder() + "/fixtures/ofsted/labels.csv");
    REQUIRE(in);
    std::vector<std::map<std::string, std::string>> rows;
    std::vector<std::string> head;
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells(1);
        for (char c : line) {
            if (c == ',') cells.emplace_back();
            else if (c != '\r') cells.back() += c;
        }
        if (head.empty()) {
            head = cells;
            continue;
        }
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < head.size() && i < cells.size(); ++i) row[head[i]] = cells[i];
        rows.push_back(row);
    }
    return rows;
}

// The number of areas for improvement under each shared report's "What
// needs to improve?", counted from its bullets, including those carried
// over a page break (Tameside's 13).
const std::map<std::string, int>& improvement_counts() {
    static const std::map<std::string, int> counts = {
        {"barking-and-dagenham-2023-09-04.pdf", 8}, {"blackpool-2023-02-01.pdf", 4},          {"bromley-2024-01-12.pdf", 1},
        {"cheshire-west-and-chester-2024-08-28.pdf", 7}, {"enfield-2024-09-04.pdf", 3},       {"hampshire-2024-07-23.pdf", 2},
        {"hounslow-2023-12-01.pdf", 4},               {"kirklees-2024-08-28.pdf", 3},          {"lincolnshire-2023-06-14.pdf", 2},
        {"milton-keynes-2024-12-17.pdf", 3},          {"north-tyneside-2025-01-13.pdf", 2},    {"plymouth-2024-03-15.pdf", 8},
        {"rutland-2024-07-12.pdf", 3},                {"tameside-2024-02-13.pdf", 13},          {"waltham-forest-2024-08-20.pdf", 3},
        {"westmorland-and-furness-2024-07-12.pdf", 5},
    };
    return counts;
}

}  // namespace

TEST_CASE("every labelled ILACS report in the shared sample imports as its label says") {
    auto labels = read_labels();
    REQUIRE(labels.size() == 16);
    for (const auto& label : labels) {
        const std::string& file = label.at("file");
        CAPTURE(file);
        OfstedReport r = import_fixture(file);
        CHECK(lower_ascii(r.authority) == label.at("authority"));
        CHECK((r.authority_code.starts_with("E0") || r.authority_code.starts_with("E10")));
        CHECK(r.framework == label.at("framework"));
        REQUIRE(r.visit_start);
        CHECK(r.visit_start->iso() == label.at("visit_start"));
        CHECK(r.visit_end->iso() == label.at("visit_end"));
        CHECK_FALSE(r.published);  // ILACS reports do not print it
        if (label.at("lead_inspector") != "None") CHECK(lower_ascii(r.lead_inspector) == label.at("lead_inspector"));
        CHECK(grade_of(r, "overall") == grade_id_of(label.at("overall"), r.framework));
        CHECK(grade_of(r, "leadership") == grade_id_of(label.at("leadership"), r.framework));
        CHECK(grade_of(r, "help-and-protection") == grade_id_of(label.at("help_and_protection"), r.framework));
        if (label.at("care_leavers") == "inspection_pre_dates_judgement") {
            CHECK(grade_of(r, "children-in-care-and-care-leavers") == grade_id_of(label.at("in_care"), r.framework));
            CHECK(grade_of(r, "care-leavers") == "(none)");
            CHECK(r.judgements.size() == 4);
        } else {
            CHECK(grade_of(r, "children-in-care") == grade_id_of(label.at("in_care"), r.framework));
            CHECK(grade_of(r, "care-leavers") == grade_id_of(label.at("care_leavers"), r.framework));
            CHECK(r.judgements.size() == 5);
        }
        CHECK(static_cast<int>(r.recommendations.size()) == improvement_counts().at(file));
        CHECK(count_timescale(r, "improvement") == static_cast<int>(r.recommendations.size()));
        check_valid_xml(r, inspection_id(r));
    }
}

TEST_CASE("the single inspection framework reports of 2014 to 2016 in the shared sample import as they state") {
    struct Expected {
        const char* file;
        const char* authority;
        const char* code;
        const char* start;
        const char* end;
        const char* published;  // "" where the report does not print it
        const char* judgements;
        int priority, improvement;
    };
    // Written from each report's first page, its board section and its lists.
    const Expected expected[] = {
        {"barking-and-dagenham-2014-07-07.pdf", "Barking and Dagenham", "E09000002", "2014-04-29", "2014-05-22", "2014-07-07",
         "help-and-protection=requires-improvement\nlooked-after-and-permanence=requires-improvement\n"
         "looked-after-and-permanence>adoption=requires-improvement\nlooked-after-and-permanence>care-leavers=requires-improvement\n"
         "leadership=requires-improvement\noverall=requires-improvement\nlscb=requires-improvement\n",
         0, 18},
        {"bromley-2016-06-27.pdf", "Bromley", "E09000006", "2016-04-11", "2016-05-05", "2016-06-27",
         "help-and-protection=inadequate\nlooked-after-and-permanence=inadequate\nlooked-after-and-permanence>adoption=inadequate\n"
         "looked-after-and-permanence>care-leavers=inadequate\nleadership=inadequate\noverall=inadequate\nlscb=requires-improvement\n",
         0, 23},
        {"hampshire-2014-04-22.pdf", "Hampshire", "E10000014", "2014-02-18", "2014-03-12", "",
         "help-and-protection=good\nlooked-after-and-permanence=good\nlooked-after-and-permanence>adoption=outstanding\n"
         "looked-after-and-permanence>care-leavers=good\nleadership=outstanding\noverall=good\nlscb=good\n",
         0, 10},
        {"kirklees-2016-11-25.pdf", "Kirklees", "E08000034", "2016-09-12", "2016-10-06", "2016-11-25",
         "help-and-protection=inadequate\nlooked-after-and-permanence=inadequate\nlooked-after-and-permanence>adoption=requires-improvement\n"
         "looked-after-and-permanence>care-leavers=requires-improvement\nleadership=inadequate\noverall=inadequate\nlscb=inadequate\n",
         0, 37},
        {"milton-keynes-2016-11-25.pdf", "Milton Keynes", "E06000042", "2016-09-12", "2016-10-06", "2016-11-25",
         "help-and-protection=requires-improvement\nlooked-after-and-permanence=requires-improvement\n"
         "looked-after-and-permanence>adoption=requires-improvement\nlooked-after-and-permanence>care-leavers=requires-improvement\n"
         "leadership=requires-improvement\noverall=requires-improvement\nlscb=requires-improvement\n",
         0, 17},
        {"plymouth-2015-01-06.pdf", "Plymouth", "E06000026", "2014-10-22", "2014-11-12", "2015-01-06",
         "help-and-protection=requires-improvement\nlooked-after-and-permanence=requires-improvement\n"
         "looked-after-and-permanence>adoption=requires-improvement\nlooked-after-and-permanence>care-leavers=requires-improvement\n"
         "leadership=requires-improvement\noverall=requires-improvement\nlscb=requires-improvement\n",
         4, 19},
        {"tameside-2016-12-09.pdf", "Tameside", "E08000008", "2016-09-26", "2016-10-20", "2016-12-09",
         "help-and-protection=inadequate\nlooked-after-and-permanence=requires-improvement\nlooked-after-and-permanence>adoption=good\n"
         "looked-after-and-permanence>care-leavers=requires-improvement\nleadership=inadequate\noverall=inadequate\nlscb=requires-improvement\n",
         0, 19},
    };
    for (const Expected& e : expected) {
        CAPTURE(e.file);
        OfstedReport r = import_fixture(e.file);
        CHECK(r.authority == e.authority);
        CHECK(r.authority_code == e.code);
        CHECK(r.framework == "sif-2013");
        REQUIRE(r.visit_start);
        CHECK(r.visit_start->iso() == e.start);
        CHECK(r.visit_end->iso() == e.end);
        CHECK((r.published ? r.published->iso() : "") == e.published);
        CHECK(judgements_of(r) == e.judgements);
        CHECK(count_timescale(r, "priority") == e.priority);
        CHECK(count_timescale(r, "improvement") == e.improvement);
        check_valid_xml(r, inspection_id(r));
    }
}

TEST_CASE("the Warrington 2013 text imports as its record of main findings states") {
    OfstedReport r = import_seed("000_d8d3ea5625b419fe.txt");
    CHECK(r.authority == "Warrington");
    CHECK(r.authority_code == "E06000007");
    CHECK(r.framework == "cp-2012");
    CHECK(r.visit_start->iso() == "2013-01-17");
    CHECK(r.visit_end->iso() == "2013-01-30");
    CHECK_FALSE(r.published);
    CHECK(r.lead_inspector == "Pauline Turner");
    CHECK(judgements_of(r) == "overall=good\nhelp-and-protection=good\nquality-of-practice=good\nleadership=good\n");
    REQUIRE(r.recommendations.size() == 9);
    CHECK(count_timescale(r, "immediate") == 2);
    CHECK(count_timescale(r, "improvement") == 7);
    CHECK(r.recommendations[0].text.starts_with("ensure that all services identify and fully consider all historical information"));
    CHECK(r.recommendations[7].text.ends_with("have clear access arrangements to child and adolescent mental health service (CAMHS) provision"));
    check_valid_xml(r, "warrington-2013");
}

TEST_CASE("the Halton 2014 text imports every judgement, including the board's") {
    OfstedReport r = import_seed("002_f0d2b5c06809a76c.txt");
    CHECK(r.authority == "Halton");
    CHECK(r.framework == "sif-2013");
    CHECK(r.visit_start->iso() == "2014-11-18");
    CHECK(r.visit_end->iso() == "2014-12-10");
    CHECK(r.published->iso() == "2015-02-03");
    CHECK(judgements_of(r) ==
          "help-and-protection=requires-improvement\n"
          "looked-after-and-permanence=good\n"
          "looked-after-and-permanence>adoption=good\n"
          "looked-after-and-permanence>care-leavers=good\n"
          "leadership=requires-improvement\n"
          "overall=requires-improvement\n"
          "lscb=requires-improvement\n");
    REQUIRE(r.recommendations.size() == 28);
    CHECK(count_timescale(r, "priority") == 5);
    CHECK(r.recommendations.front().id == "r1");
    CHECK(r.recommendations.back().id == "r144");
    CHECK(r.strengths.size() == 11);
    check_valid_xml(r, "halton-2014");
}

// Report texts written for the frameworks the shared sample lacks, in the
// layout poppler gives Ofsted's PDFs: columns apart by wide gaps, labels
// that wrap, running headers and page numbers, footnote marks.
TEST_CASE("a 2009 safeguarding and looked after children report: each service's grades from the record of main findings") {
    const char* text =
        "Inspection of safeguarding and looked after children services\n"
        "Rutland County Council\n\n"
        "Inspection dates:     8 \xE2\x80\x93 19 March 2010\n"
        "Reporting inspector   Jane Example HMI\n\n"
        "Published: 23 April 2010\n\n"
        "Contents\n"
        "Record of main findings                                  30\n"
        "\f"
        "Rutland County Council Inspection of safeguarding and looked after children services     2\n"
        "Overall effectiveness\n"
        "1.   Safeguarding was judged good in 2007; children are now safer still.\n\n"
        "Areas for improvement\n"
        "2.   In order to improve the quality of provision, the council and its partners should take the following action.\n\n"
        "Immediately:\n\n"
        "\xEF\x82\xA7  ensure that every child in care has an up to date care plan\n\n"
        "Within three months:\n\n"
        "\xEF\x82\xA7  ensure that return interviews are offered to every child who goes\n"
        "    missing from care\n\n"
        "\xEF\x82\xA7  review the threshold document with partners\n\n"
        "Within six months:\n\n"
        "\xEF\x82\xA7  improve the recording of children's wishes and feelings\n\n"
        "Capacity for improvement\n"
        "3.   Leaders know their services well.\n"
        "\f"
        "Rutland County Council Inspection of safeguarding and looked after children services     3\n"
        "Record of main findings\n"
        "Safeguarding services\n\n"
        " Overall effectiveness                                  Adequate\n\n"
        " Capacity for improvement                               Good\n\n"
        " Outcomes for children and young people                 Adequate\n\n"
        "Services for looked after children\n\n"
        " Overall effectiveness                                  Good\n\n"
        " Capacity for improvement                               Good\n\n"
        " Being healthy                                          Outstanding\n"
        "\f"
        "Rutland County Council Inspection of safeguarding and looked after children services     4\n"
        "The end.\n"
        "\f"
        "Rutland County Council Inspection of safeguarding and looked after children services     5\n";
    OfstedReport r = read_ofsted_report(text);
    CHECK(r.framework == "slac-2009");
    CHECK(r.authority == "Rutland");
    CHECK(r.authority_code == "E06000017");
    CHECK(r.visit_start->iso() == "2010-03-08");
    CHECK(r.visit_end->iso() == "2010-03-19");
    CHECK(r.published->iso() == "2010-04-23");
    CHECK(r.lead_inspector == "Jane Example");
    // "judged good in 2007" is an earlier inspection's, and the contents' "30" is a page.
    CHECK(judgements_of(r) ==
          "safeguarding=adequate\nsafeguarding>capacity-for-improvement=good\n"
          "looked-after-children=good\nlooked-after-children>capacity-for-improvement=good\n");
    REQUIRE(r.recommendations.size() == 4);
    CHECK(r.recommendations[0].timescale == "immediate");
    CHECK(r.recommendations[1].timescale == "three-months");
    CHECK(r.recommendations[1].text == "ensure that return interviews are offered to every child who goes missing from care");
    CHECK(r.recommendations[3].timescale == "six-months");
    CHECK(r.notes.empty());
    check_valid_xml(r, inspection_id(r));
    CHECK(inspection_id(r) == "rutland-2010");
}

TEST_CASE("a 2012 single-agency protection of children report, with a wrapped label and curly quotes") {
    const char* text =
        "Inspection of local authority arrangements for the\n"
        "protection of children\n"
        "Derby City Council\n\n"
        "Inspection dates: 3 \xE2\x80\x93 14 December 2012\n"
        "Lead inspector: Sam Example HMI\n"
        "Report published: 25 January 2013\n\n"
        "The inspection judgements and what they mean\n\n"
        "Overall effectiveness                                          Adequate\n\n"
        "The effectiveness of the help and protection provided to\n"
        "                                                              Good\n"
        "children, young people, families and carers\n\n"
        "Leadership and governance                                      Adequate\n\n"
        "Areas for improvement\n\n"
        "Immediately:\n"
        "\xE2\x80\xA2 ensure the \xE2\x80\x98" "front door\xE2\x80\x99 screens every referral within one working day\n\n"
        "Within three months:\n"
        "\xE2\x80\xA2 ensure that strategy discussions include the police and health\n\n"
        "About this inspection\n"
        "1. The inspection was carried out by five of Her Majesty\xE2\x80\x99s Inspectors.\n";
    OfstedReport r = read_ofsted_report(text);
    CHECK(r.framework == "cp-2012");
    CHECK(r.authority == "Derby");
    CHECK(r.title == "Inspection of local authority arrangements for the protection of children Derby City Council");
    CHECK(judgements_of(r) == "overall=adequate\nhelp-and-protection=good\nleadership=adequate\n");
    REQUIRE(r.recommendations.size() == 2);
    CHECK(r.recommendations[0].text == "ensure the 'front door' screens every referral within one working day");
    CHECK(r.recommendations[0].timescale == "immediate");
    CHECK(r.recommendations[1].timescale == "three-months");
    check_valid_xml(r, inspection_id(r));
}

TEST_CASE("a focused visit letter: its findings and areas for improvement, and no judgement") {
    const char* text =
        "Ofsted\n"
        "Piccadilly Gate\n"
        "Store Street\n"
        "Manchester\n"
        "M1 2WD\n\n"
        "Mx A Director\n"
        "Director of Children's Services\n"
        "Derby City Council\n\n"
        "Dear Mx Director\n\n"
        "Focused visit to Derby City Council children\xE2\x80\x99s services\n\n"
        "This letter summarises the findings of the focused visit to Derby City Council children\xE2\x80\x99s services on 4 and 5\n"
        "June 2019. Her Majesty\xE2\x80\x99s Inspectors for this visit were Sam Example and Alex Example.\n\n"
        "Inspectors found that children in care are well supported. When children were judged inadequate in 2016, few had plans.\n\n"
        "Areas for improvement\n\n"
        "\xE2\x96\xA0 The timeliness of initial health assessments.\n"
        "\xE2\x96\xA0 Management oversight of plans for children placed\n"
        "  with their parents.\n\n"
        "Findings\n\n"
        "1. Children are seen regularly. The service is good at listening.\n";
    OfstedReport r = read_ofsted_report(text);
    CHECK(r.framework == "focused-visit");
    CHECK_FALSE(r.graded);
    CHECK(r.authority == "Derby");  // not Manchester, where Ofsted's letters come from
    CHECK(r.visit_start->iso() == "2019-06-04");
    CHECK(r.visit_end->iso() == "2019-06-05");
    CHECK(r.judgements.empty());
    REQUIRE(r.recommendations.size() == 2);
    CHECK(r.recommendations[1].text == "Management oversight of plans for children placed with their parents.");
    CHECK(inspection_id(r) == "derby-2019-focused-visit");
    check_valid_xml(r, inspection_id(r));
    CHECK(inspection_xml(r, "", "letter.pdf").find("<judgement") == std::string::npos);
}

TEST_CASE("a monitoring visit letter and a joint targeted area inspection letter carry no grade") {
    const char* monitoring =
        "Monitoring visit to Sandwell children\xE2\x80\x99s services\n\n"
        "This letter summarises the findings of the monitoring visit to Sandwell children\xE2\x80\x99s services on 12 and 13\n"
        "March 2019. This was the third monitoring visit since the local authority was judged inadequate in 2018.\n\n"
        "Areas for improvement\n\n"
        "- The quality of supervision.\n";
    OfstedReport m = read_ofsted_report(monitoring);
    CHECK(m.framework == "monitoring-visit");
    CHECK(m.authority == "Sandwell");
    CHECK(m.visit_start->iso() == "2019-03-12");
    CHECK(m.visit_end->iso() == "2019-03-13");
    CHECK(m.judgements.empty());
    CHECK(m.recommendations.size() == 1);
    check_valid_xml(m, inspection_id(m));

    const char* jtai =
        "Joint targeted area inspection of the multi-agency response to children living with domestic abuse in Leeds\n\n"
        "Inspection dates: 11 to 15 March 2019\n\n"
        "Findings\n\n"
        "Children are well protected.\n\n"
        "Recommendations\n\n"
        "- Leaders should make sure that every referral is seen by health partners.\n";
    OfstedReport j = read_ofsted_report(jtai);
    CHECK(j.framework == "jtai");
    CHECK(j.authority == "Leeds");
    CHECK(j.visit_end->iso() == "2019-03-15");
    CHECK(j.judgements.empty());
    CHECK(j.recommendations.size() == 1);
    check_valid_xml(j, inspection_id(j));
}

TEST_CASE("an ILACS report to 2023: the combined care judgement, rows without blank lines, a wrapped grade, footnote marks") {
    const char* text =
        "Inspection of Cumbria County Council children\xE2\x80\x99s services1\n"
        "Inspection dates: 28 February 2022 to 11 March 2022\n\n"
        "Lead inspector: Alex Example, Her Majesty\xE2\x80\x99s Inspector\n\n"
        " Judgement                                          Grade\n"
        " The impact of leaders on social work practice with\n"
        " children and families                              Good\n"
        " The experiences and progress of children           Requires improvement\n"
        " who need help and protection                       to be good\n"
        " The experiences and progress of children in care   Good\n"
        " and care leavers\n"
        " Overall effectiveness                              Good\n\n"
        "Since the last inspection in 2017, when services were judged inadequate, leaders have improved them.\n\n"
        "What needs to improve?1\n"
        "\xE2\x97\xBC The quality of return home interviews.\n\n"
        "The experiences and progress of children who need help and\n"
        "protection: requires improvement to be good\n\n"
        "1.   Children are seen quickly.\n";
    OfstedReport r = read_ofsted_report(text);
    CHECK(r.framework == "ilacs-2018");
    CHECK(r.authority == "Cumbria");  // before Cumberland and Westmorland and Furness, in April 2023
    CHECK(r.authority_code == "E10000006");
    CHECK(r.title == "Inspection of Cumbria County Council children's services");
    CHECK(r.lead_inspector == "Alex Example");
    CHECK(judgements_of(r) ==
          "leadership=good\nhelp-and-protection=requires-improvement-to-be-good\n"
          "children-in-care-and-care-leavers=good\noverall=good\n");
    REQUIRE(r.recommendations.size() == 1);
    CHECK(r.recommendations[0].text == "The quality of return home interviews.");
    check_valid_xml(r, inspection_id(r));
}

TEST_CASE("a grade is never taken from anywhere but the table or the judgement sentence") {
    const char* text =
        "Inspection of Leeds local authority children's services\n"
        "Inspection dates: 1 to 12 May 2023\n\n"
        "Contents\n"
        "Overall effectiveness                       2\n\n"
        "The local authority was judged outstanding in 2018. Its care leavers service is good.\n";
    OfstedReport r = read_ofsted_report(text);
    CHECK(r.framework == "ilacs-2018");
    CHECK(r.judgements.empty());
    CHECK(has_note(r, "no overall judgement was found; none has been guessed"));
    std::string xml = inspection_xml(r, "", "leeds.pdf");
    CHECK(xml.find("<judgement") == std::string::npos);
}

TEST_CASE("two different grades for one judgement are both left out, with a note") {
    const char* text =
        "Inspection of Leeds local authority children's services\n"
        "Inspection dates: 1 to 12 May 2023\n\n"
        " Overall effectiveness                       Good\n\n"
        " Overall effectiveness                       Inadequate\n";
    OfstedReport r = read_ofsted_report(text);
    CHECK(has_note(r, "the report grades overall both good and inadequate"));
}

TEST_CASE("visit dates in every form Ofsted has printed them") {
    auto span = [](const char* line) {
        OfstedReport r = read_ofsted_report(std::string("Inspection of Leeds local authority children's services\n") + line + "\n");
        return r.visit_start && r.visit_end ? r.visit_start->iso() + ".." + r.visit_end->iso() : "none: " + r.notes.front();
    };
    CHECK(span("Inspection dates: 13 to 17 November 2023") == "2023-11-13..2023-11-17");
    CHECK(span("Inspection dates: 8 October 2018 to 19 October 2018") == "2018-10-08..2018-10-19");
    CHECK(span("Inspection date: 2 June 2014 \xE2\x80\x93 25 June 2014") == "2014-06-02..2014-06-25");
    CHECK(span("Inspection date: 29 April \xE2\x80\x93 22 May 2014") == "2014-04-29..2014-05-22");
    CHECK(span("Inspection dates: 30 January to 10 February 2023") == "2023-01-30..2023-02-10");
    CHECK(span("Inspection date 17-30 January 2013") == "2013-01-17..2013-01-30");
    CHECK(span("Inspection dates:   14th\xE2\x80\x94" "17th June 2022") == "2022-06-14..2022-06-17");
    CHECK(span("Inspection date: 19/11/2013 \xE2\x80\x93 29/11/2013") == "2013-11-19..2013-11-29");
    CHECK(span("Inspection date: 4 Feb \xE2\x80\x93 15 March 2019") == "2019-02-04..2019-03-15");
    CHECK(span("Inspection dates: 5 to 9 December 2022 and 14 to 15 February 2023") == "2022-12-05..2023-02-15");
    CHECK(span("Inspection dates: 4 to 8 March and 18 to\n22 March 2019") == "2019-03-04..2019-03-22");
    CHECK(span("Dates of inspection: 1 to 5 July 2024") == "2024-07-01..2024-07-05");
    // Not a guess: a day without its month is not read.
    CHECK(span("Inspection dates: 8 January-12 January 2018 and 22 - 26") ==
          "none: the inspection dates \"8 January-12 January 2018 and 22 - 26\" could not be read as dates");
    CHECK(span("Inspection dates: 31 to 30 February 2023").starts_with("none: "));
}

TEST_CASE("authorities: short names, ONS codes, and the unitary changes by date") {
    CHECK(english_authorities().size() == 161);  // 153 today and 8 before the changes of 2019 to 2023
    auto code = [](const char* text, const char* when) {
        auto a = find_authority(text, parse_full_date(when));
        return a ? a->name + " " + a->code : std::string("none");
    };
    CHECK(code("Inspection of Birmingham City Council children's services", "2024-01-01") == "Birmingham E08000025");
    CHECK(code("North East Lincolnshire", "2017-07-10") == "North East Lincolnshire E06000012");
    CHECK(code("Inspection of North Yorkshire County Council", "2022-01-10") == "North Yorkshire E10000023");
    CHECK(code("Inspection of North Yorkshire Council", "2024-01-10") == "North Yorkshire E06000065");
    CHECK(code("Westmorland and Furness Council", "2024-04-22") == "Westmorland and Furness E06000064");
    CHECK(code("Cumberland Council", "2024-04-22") == "Cumberland E06000063");
    CHECK(code("Somerset County Council", "2019-01-01") == "Somerset E10000027");
    CHECK(code("Bournemouth, Christchurch & Poole", "2022-01-01") == "Bournemouth, Christchurch and Poole E06000058");
    CHECK(code("West Northamptonshire", "2022-10-01") == "West Northamptonshire E06000062");
    CHECK(code("Northamptonshire County Council", "2019-10-01") == "Northamptonshire E10000021");
    CHECK(code("Dorset Council", "2021-10-01") == "Dorset E06000059");
    CHECK(code("Buckinghamshire County Council", "2018-01-01") == "Buckinghamshire E10000002");
    CHECK(code("Kingston upon Hull City Council", "2019-01-01") == "Kingston upon Hull E06000010");
    CHECK(code("Nowhere Borough", "2019-01-01") == "none");
}

TEST_CASE("files that are not a report are refused with the reason") {
    CHECK(report_text("").error == "the file is empty");
    CHECK(report_text(std::string("\x7F" "ELF\x02\x01\x01\0\0\0", 10)).error == "the file is neither a PDF nor UTF-8 text");
    CHECK(report_text("<!DOCTYPE html>\n<html><body>Report</body></html>").error.starts_with("the file is a web page (HTML)"));
    CHECK(report_text("%PDF-1.7\nnot really a PDF").error == "the file starts like a PDF but poppler cannot read it (damaged or incomplete?)");
    CHECK(report_text("Inspection of Leeds\r\nInspection dates: 1 to 5 July 2024\r\n").text == "Inspection of Leeds\nInspection dates: 1 to 5 July 2024\n");

    // A 500 MB file is refused by its size, before any of it is read.
    auto dir = std::filesystem::temp_directory_path() / "safesite-ofsted-test";
    std::filesystem::create_directories(dir);
    auto big = dir / "huge.pdf";
    { std::ofstream(big) << "%PDF-1.7"; }
    std::filesystem::resize_file(big, 500ull * 1024 * 1024);
    CHECK(read_report_file(big.string()).error == "the file is 500 MB; a report is a few MB, and safesite reads none over 64 MB");
    std::filesystem::remove_all(dir);
    CHECK(read_report_file("/nonexistent/report.pdf").error == "there is no such file");
}

TEST_CASE("text from the report is escaped in the XML, and comments cannot be closed early") {
    OfstedReport r;
    r.authority = "A & B <x>";
    r.notes.push_back("a note with --> in it");
    r.recommendations.push_back({"r1", "improvement", "Areas for improvement", "Use <b>bold</b> & \"quotes\""});
    std::string xml = inspection_xml(r, "x", "r.txt");
    CHECK(xml.find("authority=\"A &amp; B &lt;x&gt;\"") != std::string::npos);
    CHECK(xml.find("Use &lt;b&gt;bold&lt;/b&gt; &amp; \"quotes\"") != std::string::npos);
    CHECK(xml.find("a note with - -> in it") != std::string::npos);
}
