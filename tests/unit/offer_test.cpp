#include <doctest/doctest.h>

#include "render/search_index.h"
#include "test_site.h"

using namespace safesite;
using namespace safesite::testing;

namespace {

std::string entitlement(const std::string& id, const std::string& topic, int from, int to, const std::string& extra = "") {
    return "  <entitlement id=\"" + id + "\" topic=\"" + topic + "\" min-age=\"" + std::to_string(from) + "\" max-age=\"" + std::to_string(to) +
           "\">\n    <title>T " + id + "</title>\n" + extra + "    <who>Care leavers.</who>\n    <how>Ask your adviser.</how>\n  </entitlement>\n";
}

std::string offer(const std::string& body, const std::string& reviewed = "2026-06-01") {
    return "<offer authority=\"Testshire\" reviewed=\"" + reviewed + "\">\n" + body + "</offer>\n";
}

std::string all_areas() {
    return entitlement("a", "health", 16, 25) + entitlement("b", "relationships", 16, 25) + entitlement("c", "education", 18, 25) +
           entitlement("d", "work", 16, 25) + entitlement("e", "housing", 18, 21) + entitlement("f", "participation", 16, 25);
}

}  // namespace

TEST_CASE("the offer must cover the six statutory areas, say how to ask, and be reviewed yearly") {
    MemoryFileSystem fs = project_site();
    std::string no_how = "  <entitlement id=\"g\" topic=\"money\" min-age=\"16\" max-age=\"25\">\n    <title>Money</title>\n    <who>Care leavers.</who>\n  </entitlement>\n";
    fs.add_file("content/local-offer/offer.xml", offer(entitlement("a", "health", 16, 25) + no_how, "2025-06-01"));
    BuildOptions o = options();
    o.publish = false;
    std::string out = messages(build_site(fs, o));
    INFO(out);
    for (const char* area : {"relationships", "education and training", "employment", "accommodation", "participation in society"})
        CHECK_MESSAGE(out.find(std::string("the offer has nothing for ") + area + ", one of the six areas the law says it must cover [offer-area-missing]") !=
                          std::string::npos,
                      area);
    CHECK(out.find("nothing for health and wellbeing") == std::string::npos);
    CHECK(out.find("local-offer/offer.xml:7:3: warning: 'Money' does not say how to ask for it [entitlement-without-how]") != std::string::npos);
    CHECK(out.find("warning: the offer was last reviewed on 1 June 2025, more than 12 months ago [offer-review-overdue]") != std::string::npos);
}

TEST_CASE("hard sentences in the offer are named, with the target from site.xml") {
    MemoryFileSystem fs = project_site();
    std::string hard = "  <entitlement id=\"h\" topic=\"money\" min-age=\"16\" max-age=\"25\">\n    <title>H</title>\n"
                       "    <who>Eligible, relevant and former relevant individuals, notwithstanding statutory considerations.</who>\n"
                       "    <how>Ask.</how>\n  </entitlement>\n";
    fs.add_file("content/local-offer/offer.xml", offer(all_areas() + hard));
    BuildOptions o = options();
    o.publish = false;
    std::string out = messages(build_site(fs, o));
    INFO(out);
    CHECK(out.find("local-offer/offer.xml:34:5: warning: \"Eligible, relevant and former relevant individuals, notwithstanding statutory considerations.\" reads at about age") !=
          std::string::npos);
    CHECK(out.find("above the target of 11 [reading-level-too-high]") != std::string::npos);
}

TEST_CASE("each age band lists what overlaps it, every offer page shows the review date and the way to complain") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/local-offer/offer.xml",
                offer(all_areas() + entitlement("money", "money", 18, 25, "    <amount currency=\"GBP\" per=\"once\">3000</amount>\n") +
                      entitlement("bursary", "education", 16, 19, "    <amount currency=\"GBP\" per=\"year\" up-to=\"true\">1200.5</amount>\n") +
                      entitlement("complaints", "rights", 16, 25)));
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    auto site = fs.tree("site");
    const std::string& young = site["local-offer/age-16-to-17.html"];
    CHECK(young.find("T bursary") != std::string::npos);
    CHECK(young.find("T money") == std::string::npos);   // from 18
    CHECK(young.find("T e") == std::string::npos);       // 18 to 21
    CHECK(site["local-offer/age-21-to-25.html"].find("T e") != std::string::npos);
    CHECK(site["local-offer/money.html"].find("<strong>£3,000, once</strong>") != std::string::npos);
    CHECK(site["local-offer/bursary.html"].find("<strong>up to £1,200.50 a year</strong>") != std::string::npos);
    for (const auto& [file, html] : site) {
        if (!file.starts_with("local-offer/")) continue;
        INFO(file);
        CHECK(html.find("Last checked on <time datetime=\"2026-06-01\">1 June 2026</time>.") != std::string::npos);
        // The box says only when the offer was checked; the way to complain comes after the page's own text.
        std::size_t bar = html.find("<div class=\"app-offer-bar\">"), h1 = html.find("<h1");
        REQUIRE(bar != std::string::npos);
        CHECK(html.substr(bar, html.find("</div>", bar) - bar).find("<a ") == std::string::npos);
        std::size_t rights = html.find(">your rights and how to complain</a>");
        CHECK(rights != std::string::npos);
        CHECK(rights > h1);
    }
    // An entitlement's topic is named once above its heading, in the breadcrumb.
    const std::string& complaints = site["local-offer/complaints.html"];
    std::string above = complaints.substr(0, complaints.find("<h1"));
    std::size_t first = above.find("Your rights and how to complain");
    CHECK(first != std::string::npos);
    CHECK(above.find("Your rights and how to complain", first + 1) == std::string::npos);
    CHECK(site["local-offer/index.html"].find("How old are you?") != std::string::npos);
    CHECK(site.count("local-offer/a-to-z.html") == 1);
    CHECK(site.count("search.html") == 1);
}

TEST_CASE("the search index holds every public page's text and nothing of the children") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/children/c-9/child.xml", R"(<child id="c-9"><name>Zebedee Fictional</name><born date="2015"/>
<chronology><entry date="2015" agency="health" category="birth"><event>Born at home in the snow.</event></entry></chronology></child>)");
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    CHECK(fs.tree("site")["search-index.json"] == "{\"parts\":[\"search/part-1.json\"]}\n");
    std::string index = fs.tree("site")["search/part-1.json"];
    CHECK(index.find("{\"u\":\"about.html\",\"t\":\"About us\",\"x\":\"About us Tell the LADO") != std::string::npos);
    CHECK(index.find("Zebedee") == std::string::npos);
    CHECK(index.find("search.html") == std::string::npos);
}

TEST_CASE("page text for the index drops markup, and JSON is escaped") {
    CHECK(text_of_html("<p>A &amp; B</p><svg><title>x</title></svg><script>y</script> <em>C</em>") == "A & B C");
    // White space of any kind and length is one space; words run on through single spaces.
    CHECK(text_of_html("<p>one two  three\n\tfour</p> <p> five </p>") == "one two three four five");
    // An ampersand that starts no known entity is itself; entities inside words join them.
    CHECK(text_of_html("R&D &copy; a&lt;b &#39;q&#39;") == "R&D &copy; a<b 'q'");
    // A tag starting with s that is not one of the skipped ones keeps its text; an open <svg> hides the rest.
    CHECK(text_of_html("<strong>bold</strong> <span>s</span><style>p{}</style>end") == "bold s end");
    CHECK(text_of_html("before<svg><p>never closed") == "before");
    CHECK(text_of_html("cut <a href=") == "cut");
    CHECK(text_of_html("").empty());
    std::string out;
    append_json_string(out, "a\"b\\c\n</script>");
    CHECK(out == "\"a\\\"b\\\\c\\n\\u003c/script>\"");
}
