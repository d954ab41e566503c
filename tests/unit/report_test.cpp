#include <doctest/doctest.h>

#include "test_site.h"

using namespace safesite;
using namespace safesite::testing;

namespace {

std::string report(const std::string& period, const std::string& body, const std::string& published = "") {
    return "<report period=\"" + period + "\"" + (published.empty() ? "" : " published=\"" + published + "\"") + ">\n  <title>Report " + period +
           "</title>\n" + body + "</report>\n";
}

const char* kComplete = R"(  <priority id="p" status="achieved"><title>Learn</title><evidence>Forum met.</evidence></priority>
  <figure id="referrals" better="lower"><label>Repeat referrals</label><value period="2022-23">100</value><value period="2023-24">96</value>
    <comparator name="England" period="2023-24" per="10000">544.5</comparator></figure>
  <review kind="rapid-review" count="2"><learning>Look at the whole history.</learning><change>Forms ask for it.</change></review>
  <contribution partner="Council" amount="120000"/>
  <contribution partner="Police" amount="40000"/>
  <scrutiny by="Scrutineer" href="scrutiny.md"/>
  <voice href="voice.md"/>
)";

}  // namespace

TEST_CASE("a complete report builds, with change worded by the better direction and funding totalled") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/reports/2023-24/report.xml", report("2023-24", kComplete, "2024-09-27"));
    fs.add_file("content/reports/2023-24/scrutiny.md", "# Scrutiny\n\nThe partners listened.\n");
    fs.add_file("content/reports/2023-24/voice.md", "# Voice\n\nYoung people told us.\n");
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    CHECK(messages(r).find("report-missing") == std::string::npos);
    auto site = fs.tree("site");
    const std::string& page = site["reports/2023-24/index.html"];
    CHECK(page.find("<strong>96</strong> in 2023-24, down 4% on 2022-23, which is better.") != std::string::npos);
    CHECK(page.find("England, 2023-24: 544.5 per 10,000 children") != std::string::npos);
    CHECK(page.find("<span aria-hidden=\"true\">\xE2\x9C\x93 </span>Achieved</strong>") != std::string::npos);
    CHECK(page.find("<strong>£160,000</strong>") != std::string::npos);
    CHECK(page.find("<td class=\"govuk-table__cell govuk-table__cell--numeric\">75%</td>") != std::string::npos);
    CHECK(page.find("role=\"img\" aria-labelledby=\"chart-referrals-title chart-referrals-desc\"") != std::string::npos);
    CHECK(site.count("reports/2023-24/children.html") == 1);
    CHECK(site.count("partnership.html") == 1);
}

TEST_CASE("check names what a yearly report is missing against statutory guidance") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/reports/2023-24/report.xml",
                report("2023-24", "  <priority id=\"p\" status=\"on-track\"><title>Learn</title></priority>\n", "2024-09-27"));
    BuildOptions o = options();
    o.publish = false;
    std::string out = messages(build_site(fs, o));
    for (const char* part : {"impact", "learning", "scrutiny", "voice", "funding"})
        CHECK_MESSAGE(out.find(std::string("[report-missing-") + part + "]") != std::string::npos, part);
    CHECK(out.find("[report-missing-activity]") == std::string::npos);
}

TEST_CASE("a year that ended more than six months ago without a published report is a warning") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/reports/2023-24/report.xml", report("2023-24", kComplete));
    fs.add_file("content/reports/2023-24/scrutiny.md", "# S\n\nText.\n");
    fs.add_file("content/reports/2023-24/voice.md", "# V\n\nText.\n");
    BuildOptions o = options();
    o.publish = false;
    o.today = parse_full_date("2025-11-01").value();
    std::string out = messages(build_site(fs, o));
    CHECK(out.find("reports/2023-24/report.xml:1:1: warning: the 2023-24 report has no published date, and the year ended more than six months ago [report-not-published]") !=
          std::string::npos);
    CHECK(out.find("warning: there is no report for 2024-25, which ended on 31 March 2025, more than six months ago [report-not-published]") !=
          std::string::npos);
    o.today = parse_full_date("2024-09-30").value();
    CHECK(messages(build_site(fs, o)).find("report-not-published") == std::string::npos);
}

TEST_CASE("a report's period must match its folder and run April to March") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/reports/2023-24/report.xml", report("2023-25", kComplete));
    BuildReport r = build_site(fs, options());
    CHECK(messages(r).find("the period '2023-25' differs from the folder name '2023-24'") != std::string::npos);
}

TEST_CASE("the partnership's groups are drawn with a text equivalent, and the escalation steps give their days") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/partnership.xml", R"(<partnership>
  <partner role="lead" organisation="Council">Director</partner>
  <group id="top"><name>Strategic group</name><purpose>Leads.</purpose></group>
  <group id="qa" reports-to="top" meets="Monthly"><name>Quality group</name><purpose>Checks.</purpose></group>
  <escalation><step from-day="3" to-day="9" who="Managers">Talk.</step></escalation>
</partnership>)");
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    const std::string page = fs.tree("site")["partnership.html"];
    CHECK(page.find("<desc id=\"groups-desc\">How the groups report to each other: Strategic group reports to no other group; Quality group reports to Strategic group; </desc>") !=
          std::string::npos);
    CHECK(page.find("Step 1: Days 3 to 9. Managers") != std::string::npos);
    fs.add_file("content/partnership.xml", R"(<partnership><partner role="lead" organisation="C">D</partner>
<group id="qa" reports-to="nowhere"><name>Q</name><purpose>P</purpose></group></partnership>)");
    CHECK(messages(build_site(fs, options())).find("group 'qa' reports to 'nowhere', which is not a group") != std::string::npos);
}

TEST_CASE("a percentage shows as 19% and its change is worded in percentage points, never as a percent of a percent") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/reports/2023-24/report.xml", report("2023-24", R"(
  <figure id="re-referrals" better="lower" unit="percent"><label>Re-referrals</label>
    <value period="2022-23">20</value><value period="2023-24">19</value>
    <comparator name="England" period="2023-24">21.6</comparator></figure>
  <figure id="on-time" better="higher" unit="percent"><label>On time</label>
    <value period="2022-23">80</value><value period="2023-24">82.5</value></figure>
  <figure id="steady" better="higher" unit="percent"><label>Steady</label>
    <value period="2022-23">50</value><value period="2023-24">50.04</value></figure>
  <figure id="referral-rate" better="neither" unit="rate"><label>Rate of referrals</label>
    <value period="2022-23">500</value><value period="2023-24">544.5</value></figure>
  <figure id="plan-rate" better="neither" unit="rate"><label>Rate of plans</label>
    <value period="2023-24">42</value></figure>
)"));
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    const std::string page = fs.tree("site")["reports/2023-24/index.html"];
    // 20% to 19% is down 1 point (5% of 20 would be "down 5%").
    CHECK(page.find("<strong>19%</strong> in 2023-24, down 1 percentage point on 2022-23, which is better.") != std::string::npos);
    CHECK(page.find("<strong>82.5%</strong> in 2023-24, up 2.5 percentage points on 2022-23, which is better.") != std::string::npos);
    CHECK(page.find("<strong>50.0%</strong> in 2023-24, about the same as 2022-23.") != std::string::npos);
    CHECK(page.find("percent of") == std::string::npos);
    CHECK(page.find(">Percentage</th>") != std::string::npos);
    CHECK(page.find("<td class=\"govuk-table__cell govuk-table__cell--numeric\">20%</td>") != std::string::npos);
    CHECK(page.find("England, 2023-24: 21.6%") != std::string::npos);
    // A rate says what it is per, and changes as a count does.
    CHECK(page.find("<strong>544.5</strong> per 10,000 children in 2023-24, up 9% on 2022-23.") != std::string::npos);
    CHECK(page.find(">Per 10,000 children</th>") != std::string::npos);
    CHECK(page.find("<td class=\"govuk-table__cell govuk-table__cell--numeric\">500.0</td>") != std::string::npos);
    CHECK(page.find("<strong>42.0</strong> per 10,000 children in 2023-24.") != std::string::npos);
}

TEST_CASE("a percentage above 100 is an error, and an unknown unit is refused by the schema") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/reports/2023-24/report.xml", report("2023-24", R"(
  <figure id="on-time" better="higher" unit="percent"><label>On time</label><value period="2023-24">120</value></figure>
)"));
    std::string out = messages(build_site(fs, options()));
    CHECK(out.find("reports/2023-24/report.xml:1:1: error: the figure 'on-time' is a percentage, but its value for 2023-24 is 120") !=
          std::string::npos);
    fs.add_file("content/reports/2023-24/report.xml", report("2023-24", R"(
  <figure id="on-time" better="higher" unit="percentage"><label>On time</label><value period="2023-24">12</value></figure>
)"));
    std::string refused = messages(build_site(fs, options()));
    INFO(refused);
    CHECK(refused.find("reports/2023-24/report.xml:4:40: error: unit=\"percentage\" on <figure> is not one of count, percent or rate; did you mean 'percent'?") != std::string::npos);
}

TEST_CASE("while a report has errors, the files it names are not called unread, and its statutory checks are said to wait") {
    MemoryFileSystem fs = project_site();
    // An element the schema does not know: the report does not load.
    fs.add_file("content/reports/2024-25/report.xml", report("2024-25", "  <section id=\"foreword\" href=\"foreword.md\"/>\n  <forword/>\n", "2025-09-30"));
    fs.add_file("content/reports/2024-25/foreword.md", "# Foreword\n\nOur year.\n");
    fs.add_file("content/drafts/notes.md", "# Notes\n");
    BuildOptions o = options();
    o.publish = false;
    std::string out = messages(build_site(fs, o));
    CHECK(out.find("reports/2024-25/report.xml:") != std::string::npos);
    CHECK(out.find("reports/2024-25/foreword.md: warning: safesite does not read this file") == std::string::npos);
    CHECK(out.find("reports/2024-25/report.xml: warning: the 2024-25 report has errors, so what statutory guidance expects of it "
                   "(independent scrutiny, children's and families' views, funding, a published date) will be checked once they are "
                   "fixed [report-not-checked]") != std::string::npos);
    CHECK(out.find("there is no report for 2024-25") == std::string::npos);
    // A file that nothing could have named is still reported.
    CHECK(out.find("drafts/notes.md: warning: safesite does not read this file, and does not publish it [not-published]") != std::string::npos);
    // Once the report loads, the statutory checks run and the waiting note goes.
    fs.add_file("content/reports/2024-25/report.xml", report("2024-25", "  <section id=\"foreword\" href=\"foreword.md\"/>\n", "2025-09-30"));
    out = messages(build_site(fs, o));
    CHECK(out.find("report-not-checked") == std::string::npos);
    CHECK(out.find("[report-missing-scrutiny]") != std::string::npos);
}
