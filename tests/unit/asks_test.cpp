// Practice reviews as content, and the yearly report answering what
// inspectors and reviews asked.
#include <doctest/doctest.h>

#include "analysis/asks.h"
#include "test_site.h"

using namespace safesite;
using namespace safesite::testing;

namespace {

const char* kReview = R"(<inspection id="testshire-lcspr-2024" authority="Testshire" authority-code="E06000007"
            inspectorate="The safeguarding partners" framework="lcspr">
  <title>Local child safeguarding practice review: Child T</title>
  <published>2024-06-12</published>
  <recommendations>
    <recommendation id="r1" owner="The safeguarding partners">Make one plan for every teenager who goes missing.</recommendation>
    <recommendation id="r2" timescale="three-months" owner="The police">Share return home interviews within three days.</recommendation>
    <recommendation id="r3">Tell doctors when a young person goes missing.</recommendation>
  </recommendations>
</inspection>
)";

const char* kVisit2022 = R"(<inspection id="testshire-2022" authority="Testshire" authority-code="E06000007" inspectorate="Ofsted" framework="focused-visit">
  <title>Focused visit to Testshire's children's services</title>
  <visit start="2022-06-14" end="2022-06-15"/>
  <published>2022-07-20</published>
  <recommendations>
    <recommendation id="r1" timescale="priority">Make sure every child at risk is seen quickly.</recommendation>
    <recommendation id="r2" timescale="improvement">Improve supervision.</recommendation>
  </recommendations>
</inspection>
)";

// A later inspection: it finds 2022's r2 met, and carries r1 forward.
const char* kInspection2024 = R"(<inspection id="testshire-2024" authority="Testshire" authority-code="E06000007" inspectorate="Ofsted" framework="ilacs-2018">
  <title>Inspection of local authority children's services</title>
  <visit start="2024-01-08" end="2024-01-19"/>
  <published>2024-03-01</published>
  <judgement area="overall" grade="good"/>
  <recommendations>
    <recommendation id="r1" timescale="improvement" carried-from="testshire-2022/r1">Keep seeing children at risk quickly.</recommendation>
    <recommendation id="r2" timescale="improvement" status="met" carried-from="testshire-2022/r2">Supervision is regular.</recommendation>
  </recommendations>
</inspection>
)";

std::string report(const std::string& period, const std::string& body) {
    return "<report period=\"" + period + "\" published=\"" + std::to_string(std::stoi(period.substr(0, 4)) + 1) + "-09-30\">\n  <title>Report " +
           period + "</title>\n" + body + "</report>\n";
}

int count_of(const std::string& text, const std::string& part) {
    int n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

// A response to each of `refs`, all with `status`.
std::string responses(const std::vector<std::string>& refs, const std::string& status) {
    std::string out;
    for (const std::string& ref : refs) out += "  <response to=\"" + ref + "\" status=\"" + status + "\">Said.</response>\n";
    return out;
}

BuildOptions check_only() {
    BuildOptions o = options();
    o.publish = false;
    return o;
}

}  // namespace

TEST_CASE("a practice review is content like an inspection: no visit, no grade, recommendations with their owner") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/testshire-lcspr-2024.xml", kReview);
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    CHECK(messages(r).find("testshire-lcspr-2024") == std::string::npos);  // no timescale, no grade: nothing to say
    auto site = fs.tree("site");
    const std::string& page = site["inspections/testshire-lcspr-2024.html"];
    CHECK(page.find("<dt class=\"govuk-summary-list__key\">Reviewed by</dt>") != std::string::npos);
    CHECK(page.find("Inspectors visited") == std::string::npos);
    CHECK(page.find("Report published</dt><dd class=\"govuk-summary-list__value\">12 June 2024</dd>") != std::string::npos);
    CHECK(page.find("What the review recommended</h2>") != std::string::npos);
    CHECK(page.find("<p class=\"govuk-body-s app-owner\">Owner: The police</p>") != std::string::npos);
    // One list in the review's order, each with its timescale where it has one.
    CHECK(count_of(page, "<h3 class=\"govuk-heading-m\">") == 1);
    CHECK(page.find("<li>Make one plan for every teenager who goes missing.") < page.find("<li>Share return home interviews within three days.\n"
                                                                                          "<p class=\"govuk-body-s app-owner\">Within three months</p>"));
    CHECK(page.find("Share return home interviews") < page.find("<li>Tell doctors when a young person goes missing."));
    CHECK(page.find("on the inspectorate's website") == std::string::npos);
    CHECK(site.count("inspections/grades-lcspr.html") == 1);
}

TEST_CASE("an inspection with neither a visit nor a published date is an error") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/testshire-lcspr-2024.xml", R"(<inspection id="testshire-lcspr-2024" authority="Testshire" inspectorate="Partners" framework="lcspr">
  <title>Review</title>
</inspection>
)");
    std::string out = messages(build_site(fs, check_only()));
    CHECK(out.find("inspections/testshire-lcspr-2024.xml:1:13: error: the inspection has neither a <visit> nor a <published> date") != std::string::npos);
}

TEST_CASE("a review that names a child fails the build like any public text") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/children/c-0042/child.xml", R"(<child id="c-0042">
  <name preferred="Sam">Samuel Example</name>
  <born date="2015-03-14"/>
</child>
)");
    std::string named = kReview;
    named.replace(named.find("Child T"), 7, "Samuel Example");
    fs.add_file("content/inspections/testshire-lcspr-2024.xml", named);
    BuildReport r = build_site(fs, options());
    CHECK_FALSE(r.ok());
    CHECK(messages(r).find(" would contain \"Samuel Example\" from this child's record; nothing was published") != std::string::npos);
    CHECK(fs.tree("site").empty());
}

TEST_CASE("a report that answers two of a review's three asks gets exactly one ask-not-answered") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/testshire-lcspr-2024.xml", kReview);
    fs.add_file("content/reports/2024-25/report.xml", report("2024-25", R"(  <response to="testshire-lcspr-2024/r1" status="on-track">A plan was agreed.</response>
  <response to="testshire-lcspr-2024/r2" status="done">Interviews reach the police in *three* days.</response>
)"));
    std::string out = messages(build_site(fs, check_only()));
    CHECK(count_of(out, "[ask-not-answered]") == 1);
    CHECK(out.find("reports/2024-25/report.xml:1:1: warning: the 2024-25 report does not answer r3 of testshire-lcspr-2024 (Local child "
                   "safeguarding practice review: Child T, published 12 June 2024), which asked: \"Tell doctors when a young person goes missing.\" "
                   "[ask-not-answered]") != std::string::npos);
    CHECK(out.find("  hint: add <response to=\"testshire-lcspr-2024/r3\" status=\"...\">what was done, and what changed for children</response>, "
                   "with status done, on-track, behind or not-started; or, if a later inspection found it met, record that there\n") != std::string::npos);
    CHECK(out.find("[priority-ask-overdue]") == std::string::npos);  // r2, the time-bound one, is done
}

TEST_CASE("an ask a later inspection marks met is not asked again; one carried forward is asked once, as the later one") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/testshire-2022.xml", kVisit2022);
    fs.add_file("content/inspections/testshire-2024.xml", kInspection2024);
    fs.add_file("content/reports/2024-25/report.xml", report("2024-25", ""));
    std::string out = messages(build_site(fs, check_only()));
    CHECK(count_of(out, "[ask-not-answered]") == 1);
    CHECK(out.find("does not answer r1 of testshire-2024 (") != std::string::npos);
    CHECK(out.find("testshire-2022/r2") == std::string::npos);
    // A response to the ask it was carried from answers it too.
    fs.add_file("content/reports/2024-25/report.xml", report("2024-25", "  <response to=\"testshire-2022/r1\" status=\"on-track\">Seen within a day.</response>\n"));
    out = messages(build_site(fs, check_only()));
    CHECK(out.find("[ask-not-answered]") == std::string::npos);
}

TEST_CASE("asks of another area, or published after the year ended, are not asked of the report") {
    MemoryFileSystem fs = project_site();
    std::string elsewhere = kReview;
    elsewhere.replace(elsewhere.find("E06000007"), 9, "E06000006");
    fs.add_file("content/inspections/testshire-lcspr-2024.xml", elsewhere);
    fs.add_file("content/reports/2024-25/report.xml", report("2024-25", ""));
    std::string out = messages(build_site(fs, check_only()));
    CHECK(out.find("[ask-not-answered]") == std::string::npos);
    fs.add_file("content/inspections/testshire-lcspr-2024.xml", kReview);
    fs.remove_all("content/reports/2024-25", nullptr);
    fs.add_file("content/reports/2023-24/report.xml", report("2023-24", ""));  // ended 31 March 2024, before the review
    out = messages(build_site(fs, check_only()));
    CHECK(out.find("[ask-not-answered]") == std::string::npos);
}

TEST_CASE("only the latest report is held to answering; an earlier done response closes an ask") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/testshire-lcspr-2024.xml", kReview);
    fs.add_file("content/reports/2024-25/report.xml",
                report("2024-25", responses({"testshire-lcspr-2024/r1", "testshire-lcspr-2024/r2", "testshire-lcspr-2024/r3"}, "done")));
    fs.add_file("content/reports/2025-26/report.xml", report("2025-26", ""));
    std::string out = messages(build_site(fs, check_only()));
    CHECK(out.find("[ask-not-answered]") == std::string::npos);
}

TEST_CASE("a time-bound ask past its date without a done response is overdue") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/testshire-2022.xml", kVisit2022);
    fs.add_file("content/reports/2022-23/report.xml", report("2022-23", R"(  <response to="testshire-2022/r1" status="behind">Not yet.</response>
  <response to="testshire-2022/r2" status="on-track">Started.</response>
)"));
    std::string out = messages(build_site(fs, check_only()));
    // 70 working days from 20 July 2022, leaving out the late summer bank holiday and the state funeral.
    CHECK(out.find("reports/2022-23/report.xml:1:1: warning: the 2022-23 report does not say that r1 of testshire-2022, asked as a priority and due by "
                   "28 October 2022, was done: \"Make sure every child at risk is seen quickly.\" [priority-ask-overdue]") != std::string::npos);
    CHECK(out.find("  hint: its response says behind; say what is still to do and when it will be done, or status=\"done\" once it is\n") != std::string::npos);
    CHECK(count_of(out, "[priority-ask-overdue]") == 1);  // r2 is an area for improvement, with no date
    CHECK(out.find("[ask-not-answered]") == std::string::npos);
    REQUIRE(build_site(fs, options()).ok());
    CHECK(fs.tree("site")["reports/2022-23/index.html"].find("As a priority: by 28 October 2022 <strong>(overdue)</strong></span>") != std::string::npos);
    // Done in an earlier report: no longer overdue in a later one, nor asked again.
    fs.add_file("content/reports/2022-23/report.xml", report("2022-23", R"(  <response to="testshire-2022/r1" status="done">Seen within a day.</response>
  <response to="testshire-2022/r2" status="on-track">Started.</response>
)"));
    fs.add_file("content/reports/2023-24/report.xml", report("2023-24", "  <response to=\"testshire-2022/r2\" status=\"done\">Monthly.</response>\n"));
    out = messages(build_site(fs, check_only()));
    CHECK(out.find("[priority-ask-overdue]") == std::string::npos);
    CHECK(out.find("[ask-not-answered]") == std::string::npos);
}

TEST_CASE("a response to no inspection, or to no recommendation, is an error naming the nearest") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/testshire-lcspr-2024.xml", kReview);
    fs.add_file("content/reports/2024-25/report.xml",
                report("2024-25", responses({"testshire-lcpsr-2024/r1", "testshire-lcspr-2024/r4", "testshire-lcspr-2024/recommendation-one"}, "done")));
    std::string out = messages(build_site(fs, check_only()));
    CHECK(out.find("reports/2024-25/report.xml:3:13: error: to=\"testshire-lcpsr-2024/r1\" names no inspection or review: there is no "
                   "'testshire-lcpsr-2024' in content/inspections/\n") != std::string::npos);
    CHECK(out.find("  hint: did you mean testshire-lcspr-2024/r1?\n") != std::string::npos);
    CHECK(out.find("reports/2024-25/report.xml:4:13: error: to=\"testshire-lcspr-2024/r4\" names no recommendation: testshire-lcspr-2024 has no "
                   "recommendation 'r4'\n") != std::string::npos);
    CHECK(out.find("  hint: did you mean testshire-lcspr-2024/r1? Its recommendations are r1, r2 and r3\n") != std::string::npos);
    CHECK(out.find("  hint: its recommendations are r1, r2 and r3\n") != std::string::npos);
}

TEST_CASE("the report page shows every ask, with its source, timescale, status in words and the response") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/testshire-lcspr-2024.xml", kReview);
    fs.add_file("content/reports/2024-25/report.xml", report("2024-25", R"(  <response to="testshire-lcspr-2024/r1" status="on-track">A plan was agreed.</response>
  <response to="testshire-lcspr-2024/r2" status="done">Interviews reach the police in *three* days.
    &lt;b&gt;Not bold&lt;/b&gt;.</response>
)"));
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    auto site = fs.tree("site");
    const std::string& page = site["reports/2024-25/index.html"];
    CHECK(page.find("<a class=\"govuk-link\" href=\"#asks\"><span class=\"app-report__number\">1.</span> What inspectors and reviews asked, and what we did</a>") !=
          std::string::npos);
    CHECK(page.find("<h2 class=\"govuk-heading-l\" id=\"asks\">1. What inspectors and reviews asked, and what we did</h2>") != std::string::npos);
    CHECK(count_of(page, "<tr class=\"govuk-table__row\">\n<td class=\"govuk-table__cell app-asks__ask\">") == 3);
    CHECK(page.find("<td class=\"govuk-table__cell app-asks__ask\">Make one plan for every teenager who goes missing.\n<span class=\"govuk-body-s "
                    "app-asks__detail\"><a class=\"govuk-link\" href=\"../../inspections/testshire-lcspr-2024.html\">Local child safeguarding practice "
                    "review, 2024</a>, recommendation r1</span>\n<span class=\"govuk-body-s app-asks__detail\">Owner: The safeguarding partners</span>\n"
                    "<span class=\"govuk-body-s app-asks__detail\">No timescale given</span></td>") !=
          std::string::npos);
    CHECK(page.find("<span class=\"govuk-body-s app-asks__detail\">Within three months: by 12 September 2024</span></td>") != std::string::npos);
    CHECK(page.find("<strong class=\"govuk-tag app-status app-status--on-track\"><span aria-hidden=\"true\">\xE2\x86\x92 </span>On track</strong>") !=
          std::string::npos);
    CHECK(page.find("<strong class=\"govuk-tag app-status app-status--done\"><span aria-hidden=\"true\">\xE2\x9C\x93 </span>Done</strong>") != std::string::npos);
    CHECK(page.find("<strong class=\"govuk-tag app-status app-status--not-answered\"><span aria-hidden=\"true\">? </span>Not answered</strong>") !=
          std::string::npos);
    CHECK(page.find("<td class=\"govuk-table__cell\"><p class=\"govuk-body\">A plan was agreed.</p>") != std::string::npos);
    CHECK(page.find("Interviews reach the police in <em>three</em> days.") != std::string::npos);
    CHECK(page.find("<b>") == std::string::npos);  // raw HTML in a response is never written
    CHECK(page.find("No response in this report.</td>") != std::string::npos);

    const std::string& children = site["reports/2024-25/children.html"];
    CHECK(children.find("What we were asked to do, and what we did</h2>") != std::string::npos);
    CHECK(children.find("Inspectors and reviews asked us to do 3 things. We have done 1, 1 is going as planned, and we have not said yet what we did about 1.") !=
          std::string::npos);
    CHECK(children.find("A review asked us to: Tell doctors when a young person goes missing.<br><strong><span aria-hidden=\"true\">? </span>"
                        "We have not said yet what we did about this.</strong>") != std::string::npos);

    // The review's page shows what the latest report said, with a link to it.
    const std::string& review = site["inspections/testshire-lcspr-2024.html"];
    CHECK(review.find("What the partnership last reported: <strong class=\"govuk-tag app-status app-status--done\"><span aria-hidden=\"true\">\xE2\x9C\x93 "
                      "</span>Done</strong>, in <a class=\"govuk-link\" href=\"../reports/2024-25/index.html#asks\">the yearly report for 2024 to 2025</a>.") !=
          std::string::npos);
    CHECK(count_of(review, "What the partnership last reported") == 2);
}

TEST_CASE("a response to an ask the report need not answer is still shown, and asks nothing of check") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/testshire-2022.xml", kVisit2022);
    fs.add_file("content/inspections/testshire-2024.xml", kInspection2024);
    // 2022's r2 was found met in 2024; the report says what it did all the same.
    fs.add_file("content/reports/2024-25/report.xml",
                report("2024-25", responses({"testshire-2024/r1", "testshire-2022/r2"}, "done")));
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    CHECK(messages(r).find("ask") == std::string::npos);
    std::string page = fs.tree("site")["reports/2024-25/index.html"];
    CHECK(count_of(page, "<td class=\"govuk-table__cell app-asks__ask\">") == 2);
    CHECK(page.find("<td class=\"govuk-table__cell app-asks__ask\">Improve supervision.") != std::string::npos);
}

TEST_CASE("an older report that answers nothing shows no asks; the latest always does") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/testshire-2022.xml", kVisit2022);
    fs.add_file("content/reports/2022-23/report.xml", report("2022-23", ""));
    fs.add_file("content/reports/2023-24/report.xml", report("2023-24", ""));
    BuildReport r = build_site(fs, options());
    REQUIRE(r.ok());
    auto site = fs.tree("site");
    CHECK(site["reports/2022-23/index.html"].find("id=\"asks\"") == std::string::npos);
    CHECK(site["reports/2023-24/index.html"].find("id=\"asks\"") != std::string::npos);
}

TEST_CASE("a priority action is due 70 working days after publication") {
    Inspection i;
    i.published = parse_full_date("2022-07-20").value();
    Recommendation rec;
    rec.timescale = "priority";
    CHECK(ask_due(i, rec).value().iso() == "2022-10-28");
    rec.timescale = "immediate";
    CHECK(ask_due(i, rec).value().iso() == "2022-07-20");
    rec.timescale = "six-months";
    CHECK(ask_due(i, rec).value().iso() == "2023-01-20");
    rec.timescale = "improvement";
    CHECK_FALSE(ask_due(i, rec));
}

TEST_CASE("an ask is overdue only when its date is before the end of the report's year, and not once done") {
    Inspection i;
    i.published = parse_full_date("2022-07-20").value();
    Recommendation rec;
    rec.timescale = "priority";
    Ask a{&i, &rec, "x/r1", {}, ask_due(i, rec), nullptr, nullptr, true};
    REQUIRE(a.due->iso() == "2022-10-28");
    CHECK_FALSE(overdue(a, parse_full_date("2022-10-28").value()));  // due on the last day: not yet late
    CHECK(overdue(a, parse_full_date("2022-10-29").value()));         // the day after
    Report done;
    a.done_in = &done;
    CHECK_FALSE(overdue(a, parse_full_date("2022-10-29").value()));
    rec.timescale = "improvement";
    a = Ask{&i, &rec, "x/r1", {}, ask_due(i, rec), nullptr, nullptr, true};
    CHECK_FALSE(overdue(a, parse_full_date("2030-01-01").value()));
}

TEST_CASE("a response's status has words, words for a child and a symbol; anything else is not answered") {
    CHECK(response_status("done").words == "Done");
    CHECK(response_status("behind").for_children == "We are doing this, but more slowly than we planned");
    CHECK(response_status("").words == "Not answered");
    CHECK(response_status("maybe").symbol == "?");
}
