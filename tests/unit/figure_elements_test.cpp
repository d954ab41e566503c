#include <doctest/doctest.h>

#include "render/figure_elements.h"
#include "test_site.h"

using namespace safesite;
using namespace safesite::testing;

namespace {

std::vector<ReturnFigure> sample() {
    return {
        {"referrals", "Referrals to children's social care", "count", "neither", 1350, 0, "referrals", 1350.0},
        {"re-referrals-within-12-months", "Referrals within 12 months of a previous referral for the same child", "percent", "lower", 256, 1350,
         "referrals", 19.0},
        {"referrals-rate", "Rate of referrals to children's social care", "rate", "neither", 1350, 24800, "referrals", 544.4},
        {"cp-plans-ended-after-2-years", "Child protection plans ended that had lasted two years or more", "percent", "lower", 0, 0, "plans ended",
         std::nullopt},
    };
}

}  // namespace

TEST_CASE("figures are written as <figure> elements with their unit, and what each percentage was worked out from") {
    CHECK(figure_elements(sample(), "2023-24", "census.xml") ==
          "<!-- The standard measures for 2023-24, worked out by safesite from census.xml. The Department for Education's definitions "
          "are in safesite's manual, docs/figures.md. Add each <value> to the figure with the same id in "
          "reports/2023-24/report.xml. -->\n"
          "<figure id=\"referrals\" unit=\"count\" better=\"neither\">\n"
          "  <label>Referrals to children's social care</label>\n"
          "  <value period=\"2023-24\">1350</value>\n"
          "</figure>\n"
          "<!-- 256 of 1,350 referrals -->\n"
          "<figure id=\"re-referrals-within-12-months\" unit=\"percent\" better=\"lower\">\n"
          "  <label>Referrals within 12 months of a previous referral for the same child</label>\n"
          "  <value period=\"2023-24\">19.0</value>\n"
          "</figure>\n"
          "<!-- 1,350 referrals, for a population of 24,800 children under 18 -->\n"
          "<figure id=\"referrals-rate\" unit=\"rate\" better=\"neither\">\n"
          "  <label>Rate of referrals to children's social care</label>\n"
          "  <value period=\"2023-24\">544.4</value>\n"
          "</figure>\n"
          "<!-- cp-plans-ended-after-2-years: there were no plans ended in 2023-24, so there is no percentage -->\n");
}

TEST_CASE("a comment never holds '--', whatever the file was called") {
    std::string out = figure_elements({}, "2023-24", "a--b-");
    CHECK(out.find("from a- -b-. The") != std::string::npos);
    CHECK(out.find("--", 4) == out.size() - 4);
}

TEST_CASE("the figures command's output is valid in a report and shows on its page") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/reports/2023-24/report.xml",
                "<report period=\"2023-24\">\n<title>Report</title>\n" + figure_elements(sample(), "2023-24", "census.xml") + "</report>\n");
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    const std::string page = fs.tree("site")["reports/2023-24/index.html"];
    CHECK(page.find("<strong>19.0%</strong> in 2023-24.") == std::string::npos);
    CHECK(page.find("<strong>19%</strong> in 2023-24.") != std::string::npos);
    CHECK(page.find("<strong>544.4</strong> per 10,000 children in 2023-24.") != std::string::npos);
}
