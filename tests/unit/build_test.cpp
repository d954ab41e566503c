#include <doctest/doctest.h>

#include "test_site.h"

#include <algorithm>
#include <regex>
#include <set>

using namespace safesite;
using namespace safesite::testing;

namespace {

std::string all_messages(const BuildReport& r) { return messages(r); }

}  // namespace

TEST_CASE("a small site builds every page, the sitemap and robots.txt") {
    MemoryFileSystem fs = project_site();
    BuildReport r = build_site(fs, options());
    INFO(all_messages(r));
    REQUIRE(r.ok());
    auto site = fs.tree("site");
    for (const char* f : {"index.html", "about.html", "glossary.html", "accessibility.html", "404.html", "sitemap.xml", "robots.txt",
                          "assets/theme.css", "assets/safesite.css", ".safesite"})
        CHECK_MESSAGE(site.count(f) == 1, f);
    CHECK(r.pages == 6);  // home, about, search, glossary, accessibility, 404
    CHECK(site["robots.txt"] == "User-agent: *\nAllow: /\n\nSitemap: https://test.example.org/sitemap.xml\n");
    CHECK(site["sitemap.xml"].find("<loc>https://test.example.org/about.html</loc>") != std::string::npos);
    CHECK(site["sitemap.xml"].find("404") == std::string::npos);
}

TEST_CASE("every page has the parts a person relies on") {
    MemoryFileSystem fs = project_site();
    REQUIRE(build_site(fs, options()).ok());
    std::set<std::string> titles;
    for (const auto& [file, html] : fs.tree("site")) {
        if (!file.ends_with(".html")) continue;
        INFO(file);
        CHECK(html.starts_with("<!DOCTYPE html>"));
        CHECK(html.find("<html lang=\"en-GB\"") != std::string::npos);
        CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self';") != std::string::npos);
        CHECK(html.find("<a href=\"#main-content\" class=\"govuk-skip-link\"") != std::string::npos);
        CHECK(html.find("<main class=\"govuk-main-wrapper\" id=\"main-content\">") != std::string::npos);
        CHECK(html.find("<nav class=\"govuk-breadcrumbs\" aria-label=\"Breadcrumb\">") != std::string::npos);
        CHECK(html.find("<footer class=\"govuk-footer\">") != std::string::npos);
        CHECK(html.find("media=\"print\"") != std::string::npos);
        std::smatch m;
        REQUIRE(std::regex_search(html, m, std::regex("<title>([^<]*)</title>")));
        CHECK_MESSAGE(titles.insert(m[1]).second, "duplicate title " << m[1]);
        // Nothing from another host: every src and stylesheet is relative.
        CHECK_FALSE(std::regex_search(html, std::regex("(src|href)=\"(https?:)?//[^\"]*\\.(css|js|svg|png|woff2?)\"")));
    }
}

TEST_CASE("two builds of the same content are byte-identical") {
    MemoryFileSystem a = project_site();
    MemoryFileSystem b = project_site();
    REQUIRE(build_site(a, options()).ok());
    REQUIRE(build_site(b, options()).ok());
    CHECK(published(a) == published(b));
}

TEST_CASE("a build reads only the content and template folders, and its own record of the last build") {
    MemoryFileSystem fs = project_site();
    fs.add_file("elsewhere/secret.txt", "x");
    REQUIRE(build_site(fs, options()).ok());
    REQUIRE(build_site(fs, options()).ok());
    for (const auto& path : fs.reads())
        CHECK_MESSAGE((path.starts_with("content/") || path.starts_with("templates/") || path == "site/.safesite" || path == "site/search/part-1.json"), path);
}

TEST_CASE("the glossary abbreviation is expanded on the page and the glossary has its anchor") {
    MemoryFileSystem fs = project_site();
    REQUIRE(build_site(fs, options()).ok());
    auto site = fs.tree("site");
    CHECK(site["about.html"].find("<a class=\"govuk-link app-abbr\" href=\"glossary.html#lado\"><abbr title=\"Local authority designated officer\">LADO</abbr></a>") !=
          std::string::npos);
    CHECK(site["glossary.html"].find("id=\"lado\"") != std::string::npos);
}

TEST_CASE("exit this page appears where the page asks for it, as a plain link") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/pages/report.md", "---\nexit-this-page: yes\n---\n# Worried about a child?\n\nCall us.\n");
    REQUIRE(build_site(fs, options()).ok());
    auto site = fs.tree("site");
    CHECK(site["report.html"].find("<a href=\"https://www.bbc.co.uk/weather\" role=\"button\"") != std::string::npos);
    CHECK(site["about.html"].find("govuk-exit-this-page") == std::string::npos);
}

TEST_CASE("hostile text in the content is shown as text") {
    MemoryFileSystem fs = project_site();
    std::string xml = kSiteXml;
    xml.replace(xml.find("Test Partnership"), 16, "&lt;script&gt;alert(1)&lt;/script&gt; \"Team\"");
    fs.add_file("content/site.xml", xml);
    REQUIRE(build_site(fs, options()).ok());
    auto site = fs.tree("site");
    CHECK(site["index.html"].find("<script>alert") == std::string::npos);
    CHECK(site["index.html"].find("&lt;script&gt;alert(1)&lt;/script&gt; \"Team\"") != std::string::npos);
}

TEST_CASE("broken content reports every problem at once and writes nothing") {
    MemoryFileSystem fs = project_site();
    fs.add_file("site/.safesite", "");
    fs.add_file("site/index.html", "the previous site");
    auto before = fs.tree("site");
    fs.add_file("content/site.xml", std::string(kSiteXml).replace(std::string(kSiteXml).find("compliance=\"full\""), 17, "compliance=\"mostly\""));
    fs.add_file("content/pages/about.md", "# About\n\nSee [the plan](missing-page).\n");
    fs.add_file("content/pages/Bad Name.md", "# x\n");
    BuildReport r = build_site(fs, options());
    CHECK_FALSE(r.ok());
    CHECK(all_messages(r) ==
          "pages/Bad Name.md: error: the file name 'Bad Name.md' cannot be a page address\n"
          "  hint: use lower-case letters, digits and '-', e.g. how-to-report.md\n"
          "pages/about.md:3:5: error: there is no page at 'missing-page'\n"
          "    See [the plan](missing-page).\n"
          "        ^\n"
          "  hint: link to a page by its name, e.g. [how to report](how-to-report) or [glossary](/glossary)\n"
          "site.xml:6:40: error: compliance=\"mostly\" on <accessibility> is not one of full, partial or none\n"
          "      <accessibility reviewed=\"2026-10-01\" compliance=\"mostly\">\n"
          "                                           ^\n"
          "  hint: write one of full, partial or none; see \"site.xml\" in docs/content.md\n");
    CHECK(fs.tree("site") == before);
    CHECK(fs.tree("site.new").empty());
}

TEST_CASE("a template error names the template and line, and nothing is written") {
    MemoryFileSystem fs = project_site();
    fs.add_file("templates/pages/page.html", "<div>\n<h1>{{page.titel}}</h1>\n</div>\n");
    BuildReport r = build_site(fs, options());
    CHECK_FALSE(r.ok());
    CHECK(all_messages(r).starts_with("templates/pages/page.html:2:5: error: 'page' has no part named 'titel'\n"));
    CHECK(fs.tree("site").empty());
}

TEST_CASE("an accessibility statement not reviewed for a year is a warning") {
    MemoryFileSystem fs = project_site();
    BuildOptions o = options();
    o.today = parse_full_date("2027-10-02").value();
    BuildReport r = build_site(fs, o);
    CHECK(r.ok());
    CHECK(all_messages(r).find("site.xml:6:3: warning: the accessibility statement was last reviewed on 1 October 2026, more than 12 months ago "
                               "[accessibility-review-overdue]") != std::string::npos);
}

TEST_CASE("a brand colour that white text cannot be read on is an error") {
    MemoryFileSystem fs = project_site();
    fs.add_file("templates/theme.xml", "<theme>\n  <brand-colour>#ffdd00</brand-colour>\n</theme>\n");
    BuildReport r = build_site(fs, options());
    CHECK_FALSE(r.ok());
    CHECK(all_messages(r).find("templates/theme.xml:2:3: error: white text on the brand colour #ffdd00 has a contrast of 1.") != std::string::npos);
}

TEST_CASE("an upper-case abbreviation the glossary does not explain is a warning with its code") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/pages/about.md", "# About us\n\nThe MARAC met.\n");
    BuildReport r = build_site(fs, options());
    CHECK(r.ok());
    CHECK(all_messages(r).find("pages/about.md:3:1: warning: 'MARAC' looks like an abbreviation the glossary does not explain [unexplained-abbreviation]") !=
          std::string::npos);
}

TEST_CASE("a page explains the abbreviations it used and links to its neighbours") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/pages/next.md", "---\norder: 200\n---\n# Next one\n\nText.\n");
    REQUIRE(build_site(fs, options()).ok());
    auto site = fs.tree("site");
    const std::string& about = site["about.html"];
    CHECK(about.find("<summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">What the abbreviations on this page mean") !=
          std::string::npos);
    CHECK(about.find("<dt class=\"govuk-summary-list__key\">LADO</dt>") != std::string::npos);
    CHECK(about.find("<a class=\"govuk-link govuk-pagination__link\" href=\"next.html\" rel=\"next\">") != std::string::npos);
    CHECK(site["next.html"].find("rel=\"prev\"") != std::string::npos);
    CHECK(site["next.html"].find("rel=\"next\"") == std::string::npos);
    CHECK(site["next.html"].find("govuk-details") == std::string::npos);
}

TEST_CASE("pages rendered on many threads are byte-identical to one thread") {
    MemoryFileSystem base = project_site();
    for (int i = 0; i < 300; ++i)
        base.add_file("content/pages/page-" + std::to_string(i) + ".md",
                      "# Page " + std::to_string(i) + "\n\nThe LADO and [the glossary](/glossary).\n\n## One\n\n## Two\n\n## Three\n\n| a | b |\n|---|---|\n| " +
                          std::to_string(i) + " | x |\n");
    MemoryFileSystem one = base, many = base;
    BuildOptions o = options();
    o.jobs = 1;
    REQUIRE(build_site(one, o).ok());
    o.jobs = 8;
    BuildReport r = build_site(many, o);
    REQUIRE(r.ok());
    CHECK(r.pages == 310);  // 301 free pages listed on 4 pages of their own, and 5 others
    CHECK(published(one) == published(many));
}

TEST_CASE("a site with many pages shows the first few on the home and search pages, and lists them all a hundred to a page") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/pages/about.md", "---\nnavigation: no\n---\n# About us\n\nText.\n");
    for (int i = 0; i < 150; ++i)
        fs.add_file("content/pages/page-" + std::to_string(1000 + i) + ".md", "---\norder: " + std::to_string(i + 1) + "\n---\n# Page " + std::to_string(1000 + i) + "\n\nText.\n");
    BuildReport r = build_site(fs, options());
    INFO(all_messages(r));
    REQUIRE(r.ok());
    auto site = fs.tree("site");
    auto links = [](const std::string& html) {
        std::set<std::string> out;
        std::regex link("href=\"([^\"]*page-[0-9]+\\.html)\"");
        for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator(); ++it) out.insert((*it)[1]);
        return out;
    };
    CHECK(links(site["index.html"]).size() == 10);
    CHECK(links(site["index.html"]).count("page-1000.html") == 1);
    CHECK(site["index.html"].find("<a class=\"govuk-link\" href=\"all-pages/index.html\">All 151 pages</a>") != std::string::npos);
    CHECK(links(site["search.html"]).size() == 10);
    CHECK(site["search.html"].find("href=\"all-pages/index.html\">All 151 pages") != std::string::npos);
    CHECK(site.count("all-pages/3.html") == 0);
    REQUIRE(site.count("all-pages/2.html") == 1);
    std::set<std::string> listed = links(site["all-pages/index.html"]);
    CHECK(listed.size() == 100);
    for (const auto& l : links(site["all-pages/2.html"])) listed.insert(l);
    CHECK(listed.size() == 150);  // about.md is not in the menu: it comes last, in part 2
    CHECK(site["all-pages/2.html"].find("href=\"../about.html\"") != std::string::npos);
    CHECK(site["all-pages/index.html"].find("href=\"2.html\" rel=\"next\"") != std::string::npos);
    CHECK(site["all-pages/2.html"].find("<title>All pages, part 2 of 2") != std::string::npos);
    CHECK(site["search-index.json"].find("all-pages") == std::string::npos);
    CHECK(site["sitemap.xml"].find("all-pages/2.html") != std::string::npos);
}

TEST_CASE("a page is read once in a build while its text fits the budget, and twice past it, with the same site") {
    auto reads_of = [](const MemoryFileSystem& fs, const std::string& path) {
        return std::count(fs.reads().begin(), fs.reads().end(), path);
    };
    MemoryFileSystem kept = project_site();
    REQUIRE(build_site(kept, options()).ok());
    CHECK(reads_of(kept, "content/pages/about.md") == 1);

    MemoryFileSystem read_again = project_site();
    BuildOptions o = options();
    o.page_text_in_memory = 0;
    REQUIRE(build_site(read_again, o).ok());
    CHECK(reads_of(read_again, "content/pages/about.md") == 2);
    CHECK(published(kept) == published(read_again));
}
