#include <doctest/doctest.h>

#include "test_site.h"

using namespace safesite;
using namespace safesite::testing;

namespace {

const char* kHalton = R"(<inspection id="halton-2014" authority="Halton" authority-code="E06000006" inspectorate="Ofsted" framework="sif-2013">
  <title>Inspection of services for children in need</title>
  <visit start="2014-11-18" end="2014-12-10"/>
  <published>2015-02-03</published>
  <judgement area="overall" grade="requires-improvement"/>
  <judgement area="looked-after-and-permanence" grade="good">
    <judgement area="adoption" grade="good"/>
  </judgement>
  <recommendations>
    <recommendation id="r1" timescale="priority" status="open">Improve planning.</recommendation>
    <recommendation id="r4" timescale="improvement">Use good chronologies.</recommendation>
  </recommendations>
  <strengths><strength>Adoption is considered for every child.</strength></strengths>
</inspection>
)";

const char* kHalton2018 = R"(<inspection id="halton-2018" authority="Halton" inspectorate="Ofsted" framework="ilacs-2018">
  <title>Inspection of local authority children's services</title>
  <visit start="2018-03-05" end="2018-03-16"/>
  <judgement area="overall" grade="good"/>
  <recommendations>
    <recommendation id="r1" timescale="improvement" status="in-progress" carried-from="halton-2014/r4">Chronologies still need work.</recommendation>
  </recommendations>
</inspection>
)";

}  // namespace

TEST_CASE("an inspection page leads with the overall judgement in words and on the shared scale") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/halton-2014.xml", kHalton);
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    auto site = fs.tree("site");
    const std::string& page = site["inspections/halton-2014.html"];
    std::size_t overall = page.find("<strong class=\"govuk-tag app-grade app-grade--3\">Requires improvement</strong> <span class=\"app-grade__rank\">(grade 3 of 4)</span>");
    REQUIRE(overall != std::string::npos);
    CHECK(overall < page.find("Every judgement"));
    CHECK(page.find("<span class=\"govuk-visually-hidden\">Part: </span>Adoption performance") != std::string::npos);
    CHECK(page.find("<h3 class=\"govuk-heading-m\">As a priority</h3>") < page.find("<h3 class=\"govuk-heading-m\">Areas for improvement</h3>"));
    CHECK(page.find("What this means for children and young people") != std::string::npos);
    CHECK(page.find("href=\"grades-sif-2013.html\"") != std::string::npos);
    CHECK(page.find("\"adequate\" (used until 2013) and \"requires improvement\" (used since) are both 3") != std::string::npos);
    CHECK(site.count("inspections/grades-sif-2013.html") == 1);
    CHECK(site.count("inspections/halton.html") == 1);
    CHECK(site.count("inspections/index.html") == 1);
}

TEST_CASE("an authority's history has a chart with a text alternative and the same data in a table") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/halton-2014.xml", kHalton);
    fs.add_file("content/inspections/halton-2018.xml", kHalton2018);
    REQUIRE(build_site(fs, options()).ok());
    auto site = fs.tree("site");
    const std::string& page = site["inspections/halton.html"];
    CHECK(page.find("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 280\" class=\"app-chart__svg\" role=\"img\"") != std::string::npos);
    CHECK(page.find("<title id=\"history-title\">Overall judgement of Halton") != std::string::npos);
    CHECK(page.find("18 November 2014, Requires improvement (3); 5 March 2018, Good (2).</desc>") != std::string::npos);
    CHECK(page.find("<td class=\"govuk-table__cell govuk-table__cell--numeric\">3</td>") != std::string::npos);
    CHECK(page.find("<td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td>") != std::string::npos);
    // The recommendation carried from 2014 to 2018, with its status, and the open ones.
    CHECK(page.find("Use good chronologies.</p>") != std::string::npos);
    CHECK(page.find("Chronologies still need work.</p>") != std::string::npos);
    CHECK(page.find("<strong class=\"govuk-tag govuk-tag--grey\">In progress</strong> Chronologies still need work.") != std::string::npos);
    CHECK(page.find("<strong class=\"govuk-tag govuk-tag--grey\">Open</strong> Improve planning.") != std::string::npos);
    // The comparison page shows the latest graded judgement.
    CHECK(site["inspections/index.html"].find("app-grade--2\">Good</strong>") != std::string::npos);
}

TEST_CASE("grades off the scale, unknown areas, missing timescales and dangling carried-from links are errors") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/bad-2019.xml", R"(<inspection id="bad-2019" authority="Bad" inspectorate="Ofsted" framework="sif-2013">
  <title>T</title>
  <visit start="2019-01-01" end="2019-01-02"/>
  <judgement area="overall" grade="adequate"/>
  <judgement area="vibes" grade="good"/>
  <recommendations>
    <recommendation id="r1">Do better.</recommendation>
    <recommendation id="r2" timescale="soon">Do better soon.</recommendation>
    <recommendation id="r3" timescale="improvement" carried-from="nowhere-2010/r1">Again.</recommendation>
  </recommendations>
</inspection>
)");
    BuildReport r = build_site(fs, options());
    CHECK_FALSE(r.ok());
    CHECK(messages(r) ==
          "inspections/bad-2019.xml:4:29: error: 'adequate' is not a grade of the sif-2013 framework\n"
          "      <judgement area=\"overall\" grade=\"adequate\"/>\n"
          "                                ^\n"
          "  hint: its grades, best first, are outstanding, good, requires-improvement or inadequate\n"
          "inspections/bad-2019.xml:5:14: error: 'vibes' is not an area inspections judge\n"
          "      <judgement area=\"vibes\" grade=\"good\"/>\n"
          "                 ^\n"
          "  hint: use one of overall, help-and-protection, quality-of-practice, looked-after-and-permanence, children-in-care, children-in-care-and-care-leavers, adoption, care-leavers, leadership, lscb, safeguarding, looked-after-children or capacity-for-improvement\n"
          "inspections/bad-2019.xml:7:5: error: recommendation 'r1' has no timescale\n"
          "        <recommendation id=\"r1\">Do better.</recommendation>\n"
          "        ^\n"
          "  hint: add timescale=\"...\" as the report heads it: immediate, three-months, six-months, priority, improvement or consider\n"
          "inspections/bad-2019.xml:8:5: error: 'soon' is not a timescale\n"
          "        <recommendation id=\"r2\" timescale=\"soon\">Do better soon.</recommendation>\n"
          "        ^\n"
          "  hint: use one of immediate, three-months, six-months, priority, improvement or consider\n"
          "inspections/bad-2019.xml:9:5: error: carried-from=\"nowhere-2010/r1\" points at no recommendation\n"
          "        <recommendation id=\"r3\" timescale=\"improvement\" carried-from=\"nowhere-2010/r1\">Again.</recommendation>\n"
          "        ^\n"
          "  hint: there is no inspection 'nowhere-2010' in content/inspections/\n");
    CHECK(fs.tree("site").empty());
}

TEST_CASE("an unknown framework lists the known ones, and a content folder can add its own") {
    MemoryFileSystem fs = project_site();
    std::string xml = kHalton;
    xml.replace(xml.find("sif-2013"), 8, "ofsted-2005");
    xml.replace(xml.find("requires-improvement"), 20, "adequate");
    fs.add_file("content/inspections/halton-2014.xml", xml);
    BuildReport r = build_site(fs, options());
    CHECK(messages(r).find("error: there is no inspection framework 'ofsted-2005'") != std::string::npos);
    fs.add_file("content/frameworks/ofsted-2005.xml", R"(<framework id="ofsted-2005" from="2009" to="2012">
  <name>Joint area reviews</name><description>D</description>
  <grade id="good" rank="2"><label>Good</label><meaning>M</meaning><for-children>C</for-children></grade>
  <grade id="adequate" rank="3"><label>Adequate</label><meaning>M</meaning><for-children>C</for-children></grade>
</framework>)");
    BuildReport again = build_site(fs, options());
    INFO(messages(again));
    CHECK(again.ok());
    CHECK(fs.tree("site").count("inspections/grades-ofsted-2005.html") == 1);
}

TEST_CASE("the inspection id must match its file name, since others refer to it") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/inspections/halton.xml", kHalton);
    BuildReport r = build_site(fs, options());
    CHECK(messages(r).starts_with("inspections/halton.xml:1:13: error: the id 'halton-2014' differs from the file name 'halton.xml'"));
}
