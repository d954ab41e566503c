// Focused-visit and monitoring-visit letters: every area for priority action
// imported as priority, in every layout Ofsted has used since 2018; none when
// the letter says there are none; a warning, never a silent drop, when a
// section of asks cannot be read; and no grade ever written for a letter.
#include <doctest/doctest.h>

#include "importers/ofsted_report.h"
#include "importers/pdf_text.h"
#include "shared_files.h"

#include <algorithm>

using namespace safesite;

namespace {

OfstedReport import_letter(const std::string& name) {
    ReportText text = read_report_file(testing::shared_folder() + "/fixtures/ofsted/focused-visits/" + name);
    REQUIRE_MESSAGE(text.error.empty(), name << ": " << text.error);
    return read_ofsted_report(text.text);
}

std::vector<std::string> asks(const OfstedReport& r, const std::string& timescale) {
    std::vector<std::string> out;
    for (const auto& rec : r.recommendations)
        if (rec.timescale == timescale) out.push_back(rec.text);
    return out;
}

std::vector<std::string> notes_with(const OfstedReport& r, std::string_view words) {
    std::vector<std::string> out;
    std::copy_if(r.notes.begin(), r.notes.end(), std::back_inserter(out), [&](const std::string& n) { return n.find(words) != std::string::npos; });
    return out;
}

// A focused-visit letter's opening, then `body`.
OfstedReport letter(const std::string& body) {
    return read_ofsted_report(
        "Ofsted\nPiccadilly Gate\nManchester\nM1 2WD\n\nDear Mx Director\n\n"
        "Focused visit to Derby City Council children\xE2\x80\x99s services\n\n"
        "This letter summarises the findings of the focused visit to Derby City Council children\xE2\x80\x99s services on 4 and 5\n"
        "June 2019.\n\n" +
        body +
        "\nWhat needs to improve in this area of social work practice\n\n"
        "\xE2\x97\xBC The quality of supervision.\n\n"
        "Findings\n\n"
        "\xE2\x97\xBC Children are seen regularly.\n");
}

}  // namespace

TEST_CASE("the shared focused-visit letters: every area for priority action, in each layout, and no grade") {
    struct Expected {
        const char* file;
        std::vector<std::string> priority;  // each as it starts
        int improvement;
    };
    const Expected expected[] = {
        // An introduction wrapping over two lines, then bullets apart by blank lines.
        {"wakefield-2018-03-22.pdf",
         {"delays in case allocation, assessment and seeing children at risk of harm",
          "management oversight and decision-making in relation to safeguarding practice, including supervision of staff",
          "social work recording, performance management and quality assurance arrangements."},
         3},
        // "Area for priority action", one ask introduced with "including:" and its two bullets.
        {"dudley-2020-11-27.pdf", {"timely application of the pre-proceedings stage", "prioritising the swifter progression of plans"}, 6},
        // "... to improve the following areas of child protection practice:" and bullets of several sentences.
        {"swindon-2018-05-18.pdf", {"the identification of risk. Currently, there is delay", "the quality of management oversight"}, 3},
        // Bullets straight under the heading.
        {"plymouth-2023-01-30.pdf", {"The consistent understanding and application of thresholds", "The convening and timeliness of child protection"}, 6},
        // The next heading straight after the last bullet, with no blank line.
        {"sefton-2021-05-10.pdf", {"Timely application of the pre-proceedings stage", "The effectiveness of case supervision"}, 3},
        // "There are no priority actions following this focused visit."
        {"warrington-2018-02-23.pdf", {}, 4},
        // Letters without the section.
        {"devon-2021-07-15.pdf", {}, 4},
        {"luton-2024-09-09.pdf", {}, 4},
        {"north-northamptonshire-2023-11-22.pdf", {}, 3},
        // The earlier visit's priority actions remain, with no new ones: none written, and said.
        {"nottingham-2021-08-09.pdf", {}, 0},
    };
    for (const Expected& e : expected) {
        CAPTURE(e.file);
        OfstedReport r = import_letter(e.file);
        CHECK(r.framework == "focused-visit");
        CHECK_FALSE(r.graded);
        CHECK(r.judgements.empty());
        auto got = asks(r, "priority");
        REQUIRE(got.size() == e.priority.size());
        for (std::size_t i = 0; i < got.size(); ++i) CHECK_MESSAGE(got[i].starts_with(e.priority[i]), got[i]);
        CHECK(asks(r, "improvement").size() == static_cast<std::size_t>(e.improvement));
        CHECK(notes_with(r, "gave no ask that could be read").empty());
    }
    // A word broken over two lines is one word.
    auto dudley = asks(import_letter("dudley-2020-11-27.pdf"), "improvement");
    CHECK(dudley.back() == "The quality and impact of education for children in care at key stage 4, and post-16 qualifications and attainment.");
    CHECK(asks(import_letter("sefton-2021-05-10.pdf"), "priority")[1].find("pre-proceedings process") != std::string::npos);

    OfstedReport nottingham = import_letter("nottingham-2021-08-09.pdf");
    auto said = notes_with(nottingham, "earlier visit");
    REQUIRE(said.size() == 2);
    CHECK(said[0] ==
          "the section \"Areas for priority action\" on page 2 says the asks of an earlier visit remain and lists none (\"The areas for priority "
          "action set at the last focused visit in February 2020 remain. There are no additional priority actions.\"); none was imported: add "
          "them from that visit's report if they still stand");
}

TEST_CASE("areas for priority action in every layout of text") {
    struct Layout {
        const char* name;
        const char* section;
        std::vector<std::string> priority;
    };
    const Layout layouts[] = {
        {"bulleted, straight under the heading",
         "Areas for priority action\n\n\xE2\x97\xBC The timeliness of assessments.\n\xE2\x97\xBC Management oversight of plans for\n  children in care.\n",
         {"The timeliness of assessments.", "Management oversight of plans for children in care."}},
        {"numbered", "Areas for priority action\n\n1. The timeliness of assessments.\n2. Management oversight.\n3. Supervision.\n",
         {"The timeliness of assessments.", "Management oversight.", "Supervision."}},
        {"lettered", "Area(s) for priority action\n\n(a) The timeliness of assessments.\n(b) Management oversight.\n",
         {"The timeliness of assessments.", "Management oversight."}},
        {"after an introduction that wraps, with bullets of a symbol font",
         "Areas for priority action\n\n"
         "The local authority needs to take swift and decisive action to address the following\n"
         "areas of weakness in child protection:\n\n"
         "\xEF\x82\xB7   delays in case allocation\n\n"
         "\xEF\x82\xB7   management oversight.\n",
         {"delays in case allocation", "management oversight."}},
        {"run on after the introduction's colon, apart by semicolons",
         "Areas for priority action\n\n"
         "The local authority needs to take swift and decisive action to address the following areas of weakness:\n"
         "the timeliness of assessments; the quality of plans for children in need; and management oversight.\n",
         {"the timeliness of assessments", "the quality of plans for children in need", "management oversight."}},
        {"run on in sentences after 'the following areas of weakness'",
         "Areas for priority action\n\n"
         "The local authority needs to take swift and decisive action to address the following areas of weakness. The\n"
         "timeliness of assessments. The quality of plans for children in need.\n",
         {"The timeliness of assessments.", "The quality of plans for children in need."}},
        {"sentences in a paragraph after an introduction without a colon",
         "Areas for priority action\n\n"
         "The local authority needs to take swift and decisive action to address the following areas of weakness\n\n"
         "The timeliness of assessments. The quality of plans.\n",
         {"The timeliness of assessments.", "The quality of plans."}},
        {"one ask in a sentence of its own",
         "Area for priority action\n\n"
         "The local authority needs to take swift and decisive action to address delays in\n"
         "progressing plans for permanence.\n",
         {"The local authority needs to take swift and decisive action to address delays in progressing plans for permanence."}},
        {"introduced in a paragraph under no heading",
         "Headline findings\n\nLeaders know their services. Inspectors identified the following areas for priority\naction:\n\n"
         "\xE2\x97\xBC The timeliness of assessments.\n\xE2\x97\xBC Supervision.\n",
         {"The timeliness of assessments.", "Supervision."}},
        {"one bullet", "Areas for priority action\n\n    \xE2\x97\xBC Keeping in touch with care leavers over the age of 18.\n",
         {"Keeping in touch with care leavers over the age of 18."}},
    };
    for (const Layout& l : layouts) {
        CAPTURE(l.name);
        OfstedReport r = letter(l.section);
        CHECK(asks(r, "priority") == l.priority);
        CHECK(asks(r, "improvement").size() == 1);
        CHECK(r.notes.size() == 1);  // only the lead inspector, whom these letters do not name
    }
    SUBCASE("none") {
        for (const char* none : {"There are no priority actions following this focused visit.", "There are no priority actions.",
                                 "The inspection did not find any areas for priority action.",
                                 "There are no areas for priority or immediate action"}) {
            CAPTURE(none);
            OfstedReport r = letter(std::string("Areas for priority action\n\n") + none + "\n");
            CHECK(asks(r, "priority").empty());
            CHECK(asks(r, "improvement").size() == 1);
            CHECK(notes_with(r, "the section").empty());
        }
        OfstedReport without_heading = letter("There are no priority actions.\n");
        CHECK(asks(without_heading, "priority").empty());
    }
    SUBCASE("a heading with a glued footnote digit") {
        OfstedReport r = letter("Areas for priority action1\n\n\xE2\x97\xBC The timeliness of assessments.\n");
        CHECK(asks(r, "priority").size() == 1);
        OfstedReport q = read_ofsted_report(
            "Inspection of Leeds local authority children's services\nInspection dates: 1 to 12 May 2023\n\n"
            "What needs to improve?1\n\xE2\x97\xBC The quality of plans.\n\nWhat needs to improve? 2\n\xE2\x97\xBC The quality of supervision.\n\nThe experiences and progress of children\n");
        CHECK(asks(q, "improvement") == std::vector<std::string>{"The quality of plans.", "The quality of supervision."});
        CHECK(q.recommendations.front().heading == "What needs to improve?");
    }
    SUBCASE("a sentence that mentions priority actions is not a heading") {
        OfstedReport r = letter(
            "Headline findings\n\n"
            "Much progress has been made against the\n"
            "areas for priority action identified in May and December 2019. In addition to the existing areas for\n"
            "priority action, the following areas for improvement have been identified at this visit:\n"
            "\xE2\x97\xBC the sufficiency and stability of the social care workforce\n"
            "\xE2\x97\xBC social worker caseloads.\n");
        CHECK(asks(r, "priority").empty());
        CHECK(asks(r, "improvement").size() == 3);
    }
}

TEST_CASE("a section of asks that cannot be read is a warning naming it and its page") {
    SUBCASE("prose that is no list") {
        OfstedReport r = letter("\f\nAreas for priority action\n\nInspectors discussed these areas with leaders at length during the visit.\n");
        CHECK(asks(r, "priority").empty());
        CHECK(notes_with(r, "the section") ==
              std::vector<std::string>{"the section \"Areas for priority action\" on page 2 gave no ask that could be read (it says \"Inspectors "
                                       "discussed these areas with leaders at length during the visit.\"); none was imported from it: add its asks by hand"});
    }
    SUBCASE("an introduction with no list after it") {
        OfstedReport r = letter(
            "Areas for priority action\n\n"
            "The local authority needs to take swift and decisive action to address the following areas of weakness:\n");
        CHECK(asks(r, "priority").empty());
        CHECK(notes_with(r, "the section \"Areas for priority action\" on page 1 gave no ask that could be read (safesite could not tell its asks apart)").size() == 1);
    }
    SUBCASE("not a heading met on the contents page") {
        OfstedReport r = letter(
            "Contents\n\n    Recommendations\n    Summary for children and young people          5\n\n"
            "The inspection found that children are safe and well supported by the services they receive.\n");
        CHECK(notes_with(r, "the section").empty());
    }
    SUBCASE("an earlier visit's asks that remain") {
        OfstedReport r = letter("Areas for priority action\n\nThe areas for priority action set at the last focused visit in February 2020 remain.\n");
        CHECK(asks(r, "priority").empty());
        CHECK(notes_with(r, "says the asks of an earlier visit remain and lists none").size() == 1);
    }
}

TEST_CASE("a monitoring visit letter's priority actions, and never a grade") {
    OfstedReport r = read_ofsted_report(
        "Monitoring visit to Sandwell children\xE2\x80\x99s services\n\n"
        "This letter summarises the findings of the monitoring visit to Sandwell children\xE2\x80\x99s services on 12 and 13\n"
        "March 2019.\n\n"
        "Overall effectiveness                       Inadequate\n\n"
        "Areas for priority action\n\n"
        "- The quality of supervision.\n");
    CHECK(r.framework == "monitoring-visit");
    CHECK(r.judgements.empty());
    CHECK(asks(r, "priority") == std::vector<std::string>{"The quality of supervision."});
}
