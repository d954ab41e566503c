// Content laid out as people lay it out: sections in folders, images and
// documents beside the pages, paths relative to the file that holds them,
// and a build that finds its theme and keeps children's documents private
// wherever it is run from.
#include <doctest/doctest.h>

#include "support/concat.h"

#include "content/published_file.h"
#include "output/manifest.h"
#include "test_site.h"

#include <string>

using namespace safesite;
using namespace safesite::testing;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The smallest headers each reader needs; the rest of the file is never read.
std::string png(unsigned width, unsigned height) {
    std::string b = "\x89PNG\r\n\x1a\n";
    b += std::string("\0\0\0\x0d", 4) + "IHDR";
    for (unsigned v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8) b += static_cast<char>((v >> shift) & 0xFF);
    b += std::string("\x08\x02\0\0\0", 5);
    return b + std::string(4, '\0');
}

std::string gif(unsigned width, unsigned height) {
    return std::string("GIF89a") + static_cast<char>(width & 0xFF) + static_cast<char>(width >> 8) + static_cast<char>(height & 0xFF) +
           static_cast<char>(height >> 8) + std::string(4, '\0');
}

std::string jpeg(unsigned width, unsigned height) {
    std::string b("\xFF\xD8\xFF\xE0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 20);  // an APP0 segment first, to be skipped
    b += std::string("\xFF\xC0\x00\x11\x08", 5);
    b += static_cast<char>(height >> 8);
    b += static_cast<char>(height & 0xFF);
    b += static_cast<char>(width >> 8);
    b += static_cast<char>(width & 0xFF);
    return b + std::string(10, '\0');
}

std::string webp(unsigned width, unsigned height) {
    std::string b = "RIFF" + std::string(4, '\0') + "WEBPVP8X" + std::string(8, '\0');
    for (unsigned v : {width - 1, height - 1})
        for (int shift = 0; shift <= 16; shift += 8) b += static_cast<char>((v >> shift) & 0xFF);
    return b;
}

const char* kSvg = R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><rect width="300" height="150" fill="#00594f"/></svg>)";

// Sections two levels deep, with an index.md at the first and none at the second.
MemoryFileSystem sectioned_site() {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/pages/practitioners/index.md",
                "---\ndescription: For people who work with children.\norder: 2\n---\n# For practitioners\n\nSee [the courses](training) and [what we learned](learning/).\n");
    fs.add_file("content/pages/practitioners/training.md",
                "---\norder: 1\n---\n# Training\n\nBack to [about us](../about) or [home](/index).\n\n![Places each year](images/places.png)\n");
    fs.add_file("content/pages/practitioners/child-protection.md", "---\norder: 2\n---\n# Child protection\n\nText.\n");
    fs.add_file("content/pages/practitioners/learning/reviews.md", "---\ndescription: What reviews taught us.\n---\n# Reviews\n\nSee [training](../training).\n");
    fs.add_file("content/pages/practitioners/images/places.png", png(640, 320));
    return fs;
}

}  // namespace

TEST_CASE("pages in folders are sections, two levels deep, each with its own page") {
    MemoryFileSystem fs = sectioned_site();
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    auto site = fs.tree("site");
    for (const char* f : {"practitioners/index.html", "practitioners/training.html", "practitioners/child-protection.html",
                          "practitioners/learning/index.html", "practitioners/learning/reviews.html", "practitioners/images/places.png"})
        CHECK_MESSAGE(site.count(f) == 1, f);
    // The section's own page lists its pages in order; the folder without an index.md gets a list made for it.
    const std::string& section = site["practitioners/index.html"];
    CHECK(has(section, "<a class=\"govuk-link\" href=\"training.html\">the courses</a>"));
    CHECK(has(section, "<a class=\"govuk-link\" href=\"learning/index.html\">what we learned</a>"));
    CHECK(section.find("href=\"training.html\">Training</a>") < section.find("href=\"child-protection.html\">Child protection</a>"));
    const std::string& made = site["practitioners/learning/index.html"];
    CHECK(has(made, "<h1 class=\"govuk-heading-xl\">Learning</h1>"));
    CHECK(has(made, "href=\"reviews.html\">Reviews</a>"));
    CHECK(has(made, "What reviews taught us."));
    // Breadcrumbs follow the tree.
    const std::string& reviews = site["practitioners/learning/reviews.html"];
    CHECK(has(reviews, "href=\"../../index.html\">Home</a>"));
    CHECK(has(reviews, "href=\"../index.html\">For practitioners</a>"));
    CHECK(has(reviews, "href=\"index.html\">Learning</a>"));
    CHECK(has(reviews, "<a class=\"govuk-link\" href=\"../training.html\">training</a>"));
    // Links from the root and climbing out of the section.
    const std::string& training = site["practitioners/training.html"];
    CHECK(has(training, "<a class=\"govuk-link\" href=\"../about.html\">about us</a>"));
    CHECK(has(training, "<a class=\"govuk-link\" href=\"../index.html\">home</a>"));
    // Next and previous stay in the section.
    CHECK(has(training, "rel=\"next\""));
    CHECK(has(training, "href=\"child-protection.html\" rel=\"next\""));
    CHECK_FALSE(has(training, "rel=\"prev\""));
    // The menu has the section, marked as where you are.
    CHECK(has(training, "For practitioners"));
    // The sitemap and the search index have every page.
    for (const char* f : {"practitioners/index.html", "practitioners/learning/index.html", "practitioners/learning/reviews.html"})
        CHECK_MESSAGE(has(site["sitemap.xml"], std::string("https://test.example.org/") + f), f);
    std::string search;
    for (const auto& [file, data] : site)
        if (file.starts_with("search/")) search += data;
    CHECK(has(search, "practitioners/learning/reviews.html"));
    CHECK(has(site["search.html"], "<h3 class=\"govuk-heading-m\">For practitioners</h3>"));
}

TEST_CASE("images show with their alt text, their size from the file, and lazy loading") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/pages/gallery.md",
                "# Gallery\n\n![A PNG](images/a.png)\n\n![A GIF](images/b.gif)\n\n![A JPEG](images/c.jpg)\n\n![A WebP](images/d.webp)\n\n"
                "![An SVG](images/e.svg)\n\n![](images/a.png \"decorative\")\n\nRead [the plan](files/plan.pdf).\n");
    fs.add_file("content/pages/images/a.png", png(800, 600));
    fs.add_file("content/pages/images/b.gif", gif(32, 16));
    fs.add_file("content/pages/images/c.jpg", jpeg(1024, 768));
    fs.add_file("content/pages/images/d.webp", webp(400, 300));
    fs.add_file("content/pages/images/e.svg", kSvg);
    fs.add_file("content/pages/files/plan.pdf", "%PDF-1.4\n" + std::string(1254000, ' '));
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    auto site = fs.tree("site");
    const std::string& page = site["gallery.html"];
    CHECK(has(page, "<img src=\"images/a.png\" alt=\"A PNG\" width=\"800\" height=\"600\" loading=\"lazy\" class=\"app-image\">"));
    CHECK(has(page, "<img src=\"images/b.gif\" alt=\"A GIF\" width=\"32\" height=\"16\" loading=\"lazy\" class=\"app-image\">"));
    CHECK(has(page, "<img src=\"images/c.jpg\" alt=\"A JPEG\" width=\"1024\" height=\"768\" loading=\"lazy\" class=\"app-image\">"));
    CHECK(has(page, "<img src=\"images/d.webp\" alt=\"A WebP\" width=\"400\" height=\"300\" loading=\"lazy\" class=\"app-image\">"));
    CHECK(has(page, "<img src=\"images/e.svg\" alt=\"An SVG\" width=\"300\" height=\"150\" loading=\"lazy\" class=\"app-image\">"));
    CHECK(has(page, "<img src=\"images/a.png\" alt=\"\" width=\"800\" height=\"600\" loading=\"lazy\" class=\"app-image\">"));
    CHECK(has(page, "<a class=\"govuk-link\" href=\"files/plan.pdf\">the plan</a> (PDF, 1.2 MB)"));
    // Published as they are, at the same place.
    CHECK(site["images/b.gif"] == gif(32, 16));
    CHECK(site["images/e.svg"] == kSvg);
    CHECK(site.count("files/plan.pdf") == 1);
    // The PDF is over 500 KB, but only images are warned about for their size.
    CHECK_FALSE(has(messages(r), "big-image"));
}

TEST_CASE("human sizes are written as GOV.UK writes them") {
    CHECK(human_size(900) == "900 bytes");
    CHECK(human_size(250 * 1024) == "250 KB");
    CHECK(human_size(1258291) == "1.2 MB");
}

TEST_CASE("an SVG with a script, event handlers or outside references is refused") {
    Diagnostics d;
    CHECK_FALSE(check_svg("x.svg", R"svg(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<script>alert(1)</script>
<rect onclick="alert(1)" width="1" height="1"/>
<image xlink:href="https://tracker.example/p.png"/>
<rect style="fill: url(https://example.org/x)" width="1" height="1"/>
<use href="#ok"/>
<rect fill="url(#gradient)" width="1" height="1"/>
</svg>)svg",
                        d));
    std::string out;
    for (const auto& item : d.sorted()) out += format_diagnostic(item);
    const std::string hint = "  hint: an SVG on the site may only draw: remove it, or save the image as PNG\n";
    CHECK(out ==
          "x.svg:2:1: error: the SVG has a <script>, and is not published\n"
          "    <script>alert(1)</script>\n"
          "    ^\n" + hint +
          "x.svg:3:7: error: the SVG has an event handler (onclick), and is not published\n"
          "    <rect onclick=\"alert(1)\" width=\"1\" height=\"1\"/>\n"
          "          ^\n" + hint +
          "x.svg:4:1: error: the SVG refers to 'https://tracker.example/p.png' outside itself, and is not published\n"
          "    <image xlink:href=\"https://tracker.example/p.png\"/>\n"
          "    ^\n" + hint +
          "x.svg:5:7: error: the SVG's style refers to something outside itself, and is not published\n"
          "    <rect style=\"fill: url(https://example.org/x)\" width=\"1\" height=\"1\"/>\n"
          "          ^\n" + hint);
}

TEST_CASE("broken images, dead links in sections and files safesite does not publish are each reported at their place") {
    MemoryFileSystem fs = sectioned_site();
    fs.add_file("content/pages/practitioners/images/chart.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n<script>alert(1)</script>\n</svg>\n");
    fs.add_file("content/pages/practitioners/broken.md",
                "# Broken\n\n![A chart](images/chart.svg)\n\n![](images/places.png)\n\n![A map](images/map.png)\n\nSee the [glossary](glossary).\n");
    fs.add_file("content/pages/practitioners/big.md", "# Big\n\n![A big photo](images/photo.jpg)\n");
    fs.add_file("content/pages/practitioners/images/photo.jpg", jpeg(4000, 3000) + std::string(700 * 1024, '\0'));
    fs.add_file("content/pages/practitioners/notes.txt", "remember to add the map");
    fs.add_file("content/drafts/old-page.md", "# Old\n");
    BuildReport r = build_site(fs, options());
    CHECK_FALSE(r.ok());
    CHECK(messages(r) ==
          "drafts/old-page.md: warning: safesite does not read this file, and does not publish it [not-published]\n"
          "  hint: a page goes in pages/; a Markdown text is named by the XML file beside it, e.g. <section href=\"foreword.md\"/>; anything else "
          "belongs outside the content folder\n"
          "pages/practitioners/broken.md:5:1: error: the image has no alt text\n"
          "    ![](images/places.png)\n"
          "    ^\n"
          "  hint: say what it shows, e.g. ![the number of referrals each month](images/places.png); if it only decorates, write "
          "![](images/places.png \"decorative\")\n"
          "pages/practitioners/broken.md:7:1: error: there is no image at 'images/map.png'\n"
          "    ![A map](images/map.png)\n"
          "    ^\n"
          "  hint: check the spelling, or put the file there; its path is read from this page's folder\n"
          "pages/practitioners/broken.md:9:9: error: there is no page at 'glossary'\n"
          "    See the [glossary](glossary).\n"
          "            ^\n"
          "  hint: links are read from this page's folder, as on the web; for the page at the top of the site, write /glossary\n"
          "pages/practitioners/images/chart.svg:2:1: error: the SVG has a <script>, and is not published\n"
          "    <script>alert(1)</script>\n"
          "    ^\n"
          "  hint: an SVG on the site may only draw: remove it, or save the image as PNG\n"
          "pages/practitioners/images/photo.jpg: warning: the image is 700 KB; an image over 500 KB is slow to load on a phone [big-image]\n"
          "  hint: make it smaller: fewer pixels, or saved as JPEG or WebP\n"
          "pages/practitioners/notes.txt: warning: safesite does not publish this file [not-published]\n"
          "  hint: pages/ holds pages (.md) and the images and documents they show (.png, .jpg, .webp, .gif, .svg, .pdf)\n");
    CHECK_FALSE(fs.exists("site"));
}

TEST_CASE("a page that is a link to a Markdown file elsewhere in the folder publishes that file, and .safesite-ignore names files kept aside") {
    // How docs/ is the manual: each page a file at the top, where it reads
    // well on its own, and a link to it in pages/.
    MemoryFileSystem fs = sectioned_site();
    fs.add_file("content/guide.md", "# The guide\n\nHow to write the content.\n");
    fs.add_symlink("content/pages/guide.md", "../guide.md");
    fs.add_file("content/notes.md", "# Notes\n");
    // Files kept there on purpose are named in .safesite-ignore, and left alone.
    fs.add_file("content/.safesite-ignore", "# not pages\nsafesite.1\ndrafts/  # work in progress\n");
    fs.add_file("content/safesite.1", ".TH SAFESITE 1\n");
    fs.add_file("content/drafts/next.md", "# Next\n");
    BuildReport r = build_site(fs, options());
    CHECK(r.ok());
    CHECK(fs.exists("site/guide.html"));
    CHECK(messages(r).find("guide.md: warning") == std::string::npos);
    CHECK(messages(r).find("notes.md: warning: safesite does not read this file") != std::string::npos);
    CHECK(messages(r).find("safesite.1") == std::string::npos);
    CHECK(messages(r).find("drafts/") == std::string::npos);
}

TEST_CASE("paths in XML are read from the file that names them, so a report copied to a new year needs no edits") {
    const std::string report = "<report period=\"2023-24\" published=\"2024-09-27\">\n  <title>Report 2023-24</title>\n"
                               "  <section id=\"foreword\" href=\"foreword.md\"/>\n</report>\n";
    MemoryFileSystem fs = project_site();
    fs.add_file("content/reports/2023-24/report.xml", report);
    fs.add_file("content/reports/2023-24/foreword.md", "# Foreword\n\nThe year we started.\n");
    // The copy: only the period changed, and the words of the foreword.
    std::string copy = report;
    for (std::size_t at; (at = copy.find("2023-24")) != std::string::npos;) copy.replace(at, 7, "2024-25");
    copy.replace(copy.find("2024-09-27"), 10, "2025-09-26");
    fs.add_file("content/reports/2024-25/report.xml", copy);
    fs.add_file("content/reports/2024-25/foreword.md", "# Foreword\n\nThe year we grew.\n");
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    auto site = fs.tree("site");
    CHECK(has(site["reports/2023-24/index.html"], "The year we started."));
    CHECK(has(site["reports/2024-25/index.html"], "The year we grew."));
    CHECK_FALSE(has(messages(r), "content-relative-href"));
}

TEST_CASE("the old form of a path, from the content folder, is still read for one release, with a warning saying how to change it") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/reports/2023-24/report.xml", "<report period=\"2023-24\" published=\"2024-09-27\">\n  <title>Report 2023-24</title>\n"
                                                      "  <section id=\"foreword\" href=\"reports/2023-24/foreword.md\"/>\n</report>\n");
    fs.add_file("content/reports/2023-24/foreword.md", "# Foreword\n\nThe year we started.\n");
    BuildReport r = build_site(fs, options());
    REQUIRE(r.ok());
    INFO(messages(r));
    CHECK(has(messages(r),
              "reports/2023-24/report.xml:3:26: warning: 'reports/2023-24/foreword.md' is written from the content folder; paths are now read from the "
              "file that names them [content-relative-href]\n"
              "      <section id=\"foreword\" href=\"reports/2023-24/foreword.md\"/>\n"
              "                             ^\n"
              "  hint: write href=\"foreword.md\"; the old form will not be read after the next release\n"));
    CHECK(has(fs.tree("site")["reports/2023-24/index.html"], "The year we started."));
}

TEST_CASE("a path in XML may climb to a shared folder, but never out of the content folder") {
    MemoryFileSystem fs = project_site();
    fs.add_file("content/reports/2023-24/report.xml", "<report period=\"2023-24\" published=\"2024-09-27\">\n  <title>Report 2023-24</title>\n"
                                                      "  <section id=\"shared\" href=\"../shared.md\"/>\n"
                                                      "  <section id=\"escape\" href=\"../../../etc/passwd.md\"/>\n</report>\n");
    fs.add_file("content/reports/shared.md", "# Shared\n\nText.\n");
    BuildReport r = build_site(fs, options());
    std::string out = messages(r);
    CHECK_FALSE(has(out, "shared.md"));
    CHECK(has(out, "reports/2023-24/report.xml:4:24: error: the path '../../../etc/passwd.md' is refused: it climbs out of the content folder with '..'\n"));
}

TEST_CASE("the templates are found beside the content folder, then in the installed theme, never only in the current folder") {
    MemoryFileSystem fs;
    copy_tree_into(fs, SAFESITE_SOURCE_DIR "/templates", "work/templates");
    if (!fs.exists("work/templates/assets/safesite.css")) fs.add_file("work/templates/assets/safesite.css", "/* compiled */");
    fs.add_file("work/content/site.xml", kSiteXml);
    fs.add_file("work/content/pages/about.md", "# About us\n\nText.\n");
    BuildOptions o = options();
    o.content_dir = "work/content";
    o.out_dir = "elsewhere/site";
    BuildReport r = build_site(fs, o);
    INFO(messages(r));
    REQUIRE(r.ok());
    CHECK(fs.exists("elsewhere/site/about.html"));

    // Not beside it: the installed theme.
    MemoryFileSystem installed;
    copy_tree_into(installed, SAFESITE_SOURCE_DIR "/templates", "usr/share/safesite/templates");
    if (!installed.exists("usr/share/safesite/templates/assets/safesite.css")) installed.add_file("usr/share/safesite/templates/assets/safesite.css", "/* compiled */");
    installed.add_file("work/content/site.xml", kSiteXml);
    installed.add_file("templates/layout.html", "a theme in the current folder is not looked at");
    o.installed_templates_dir = "usr/share/safesite/templates";
    r = build_site(installed, o);
    INFO(messages(r));
    REQUIRE(r.ok());

    // Neither.
    MemoryFileSystem none;
    none.add_file("work/content/site.xml", kSiteXml);
    none.add_file("templates/layout.html", "a theme in the current folder is not looked at");
    r = build_site(none, o);
    CHECK(messages(r) ==
          "work/templates: error: cannot find the templates: there is no layout.html in work/templates (beside the content folder) or in "
          "usr/share/safesite/templates (the installed theme)\n"
          "  hint: pass --templates DIR, or put the templates folder beside the content folder\n");
}

TEST_CASE("children's documents go beside the public site, readable by their owner only") {
    MemoryFileSystem fs = project_site();
    copy_tree_into(fs, SAFESITE_SOURCE_DIR "/content/children/c-1001", "content/children/c-1001");
    BuildOptions o = options();
    o.out_dir = "out/site/";
    BuildReport r = build_site(fs, o);
    INFO(messages(r));
    REQUIRE(r.ok());
    CHECK(r.restricted_dir == "out/site-restricted");
    CHECK(fs.exists("out/site-restricted/c-1001/my-plan.html"));
    CHECK(fs.owner_only("out/site-restricted/c-1001/my-plan.html"));
    CHECK(fs.owner_only("out/site-restricted/index.html"));
    CHECK_FALSE(fs.owner_only("out/site/index.html"));
    // An update that changes a child's documents keeps them private.
    fs.add_file("content/children/c-1001/child.xml", fs.files().at("content/children/c-1001/child.xml") + "\n");
    REQUIRE(build_site(fs, o).ok());
    CHECK(fs.owner_only("out/site-restricted/c-1001/my-plan.html"));
}

TEST_CASE("the record of a build is written in a fixed order, so two builds give the same bytes whatever the threads did") {
    Manifest a, b;
    for (const char* p : {"z.html", "a.html", "m/n.html", "b.html"}) a.outputs[p] = {1};
    for (const char* p : {"b.html", "m/n.html", "a.html", "z.html"}) b.outputs[p] = {1};
    a.pages["pages/z.md"].title = b.pages["pages/z.md"].title = "Z";
    a.pages["pages/a.md"].title = b.pages["pages/a.md"].title = "A";
    CHECK(a.text() == b.text());
    CHECK(a.text().find("a.html") < a.text().find("b.html"));

    MemoryFileSystem one = sectioned_site(), many = sectioned_site();
    BuildOptions o = options();
    o.jobs = 1;
    REQUIRE(build_site(one, o).ok());
    o.jobs = 4;
    REQUIRE(build_site(many, o).ok());
    CHECK(one.tree("site") == many.tree("site"));  // .safesite included
}

namespace {

// The menu at the top of a page: its list, as written.
std::string menu_of(const std::string& page) {
    std::size_t start = page.find("<ul class=\"govuk-service-navigation__list\"");
    std::size_t end = page.find("</ul>", start);
    return start == std::string::npos || end == std::string::npos ? std::string() : page.substr(start, end - start);
}

}  // namespace

TEST_CASE("the menu marks the page it is on, and the section a page is in, with links from the page's own folder") {
    MemoryFileSystem fs = sectioned_site();
    // Pages left out of the menu, at the top and in a section: most of a big site's pages are so.
    fs.add_file("content/pages/news.md", "---\nnavigation: false\n---\n# News\n\nText.\n");
    fs.add_file("content/pages/learning-notes/index.md", "---\nnavigation: false\n---\n# Learning notes\n\nText.\n");
    fs.add_file("content/pages/learning-notes/2026.md", "# Notes for 2026\n\nText.\n");
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    auto site = fs.tree("site");
    auto link = [](const char* href, const char* label, const char* current = nullptr) {
        if (!current) return concat("<li class=\"govuk-service-navigation__item\"><a class=\"govuk-service-navigation__link\" href=\"", href, "\">", label, "</a></li>");
        return concat("<li class=\"govuk-service-navigation__item govuk-service-navigation__item--active\"><a class=\"govuk-service-navigation__link\" href=\"", href,
                      "\" aria-current=\"", current, "\"><strong class=\"govuk-service-navigation__active-fallback\">", label, "</strong></a></li>");
    };
    // On a page the menu does not hold, nothing is marked; in a folder, the links climb out of it.
    for (const auto& [file, up] : {std::pair<const char*, const char*>{"news.html", ""}, {"learning-notes/2026.html", "../"}}) {
        const std::string menu = menu_of(site[file]);
        INFO(file, "\n", menu);
        CHECK(has(menu, link(concat(up, "index.html").c_str(), "Home")));
        CHECK(has(menu, link(concat(up, "practitioners/index.html").c_str(), "For practitioners")));
        CHECK(has(menu, link(concat(up, "about.html").c_str(), "About us")));
        CHECK_FALSE(has(menu, "aria-current"));
    }
    // The page itself is marked as the current page...
    CHECK(has(menu_of(site["about.html"]), link("about.html", "About us", "page")));
    CHECK(has(menu_of(site["practitioners/index.html"]), link("index.html", "For practitioners", "page")));
    // ...and a section's page as the section of the pages in it, at any depth.
    CHECK(has(menu_of(site["practitioners/training.html"]), link("index.html", "For practitioners", "true")));
    CHECK(has(menu_of(site["practitioners/learning/reviews.html"]), link("../index.html", "For practitioners", "true")));
    CHECK(has(menu_of(site["practitioners/learning/reviews.html"]), link("../../about.html", "About us")));
    // A page served at any address links from the site's root.
    CHECK(has(menu_of(site["404.html"]), link("/about.html", "About us")));
    CHECK(has(menu_of(site["404.html"]), link("/", "Home")));
}

TEST_CASE("a page lists the abbreviations it used at its foot, in order, on pages at the top and in folders alike") {
    MemoryFileSystem fs = sectioned_site();
    fs.add_file("content/glossary.xml", R"(<glossary>
  <term abbr="LADO"><name>Local authority designated officer</name><plain>The person who deals with worries about adults who work with children.</plain></term>
  <term abbr="CSE"><name>Child sexual exploitation</name><plain>When a child is tricked or forced into sexual activity.</plain></term>
  <term abbr="DSL"><name>Designated safeguarding lead</name><plain>The person in a school who deals with worries about children.</plain></term>
</glossary>
)");
    const std::string text = "# Worries\n\nTell the LADO, or the DSL. Read about CSE. The LADO again.\n";
    fs.add_file("content/pages/worries.md", text);
    fs.add_file("content/pages/practitioners/worries.md", text);
    BuildReport r = build_site(fs, options());
    INFO(messages(r));
    REQUIRE(r.ok());
    auto site = fs.tree("site");
    auto row = [](const char* abbr, const char* name, const char* plain) {
        return concat("<div class=\"govuk-summary-list__row\">\n<dt class=\"govuk-summary-list__key\">", abbr,
                      "</dt>\n<dd class=\"govuk-summary-list__value\"><strong>", name, "</strong>: ", plain, "</dd>\n</div>\n");
    };
    const std::string listed = row("CSE", "Child sexual exploitation", "When a child is tricked or forced into sexual activity.") +
                               row("DSL", "Designated safeguarding lead", "The person in a school who deals with worries about children.") +
                               row("LADO", "Local authority designated officer", "The person who deals with worries about adults who work with children.");
    for (const char* file : {"worries.html", "practitioners/worries.html"}) {
        INFO(file);
        CHECK(has(site[file], "What the abbreviations on this page mean"));
        CHECK(has(site[file], listed));
    }
    // A page that uses none has no list.
    CHECK_FALSE(has(site["practitioners/child-protection.html"], "What the abbreviations on this page mean"));
}
