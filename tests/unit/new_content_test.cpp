#include <doctest/doctest.h>

#include "scaffold/new_content.h"
#include "test_site.h"

using namespace safesite;
using namespace safesite::testing;

namespace {

const Date kToday = parse_full_date("2026-11-22").value();

// A new site's content, plus every other kind, written into memory and
// checked as `safesite check` would.
BuildReport check_new_site(const std::vector<NewFiles>& extra) {
    MemoryFileSystem fs;
    copy_tree_into(fs, SAFESITE_SOURCE_DIR "/templates", "templates");
    if (!fs.exists("templates/assets/safesite.css")) fs.add_file("templates/assets/safesite.css", "/* compiled */");
    REQUIRE(write_new_files(fs, "content", new_content_files(NewKind::site, "Testshire & District Partnership", kToday)).empty());
    for (const NewFiles& files : extra) REQUIRE(write_new_files(fs, "content", files).empty());
    BuildOptions o = options();
    o.publish = false;
    return build_site(fs, o);
}

std::string errors_of(const BuildReport& r) {
    std::string out;
    for (const auto& d : r.diags.sorted())
        if (d.severity == Severity::error) out += format_diagnostic(d);
    return out;
}

}  // namespace

TEST_CASE("a new site and a new file of every kind pass check as written") {
    BuildReport r = check_new_site({
        new_content_files(NewKind::page, "how-to-report", kToday),
        new_content_files(NewKind::child, "c-1042", kToday),
        new_content_files(NewKind::report, "2025-26", kToday),
        new_content_files(NewKind::inspection, "testshire-2025", kToday),
        new_content_files(NewKind::inspection, "testshire-lcspr-2025", kToday, "lcspr"),
        new_content_files(NewKind::inspection, "testshire-rapid-2025", kToday, "rapid-review"),
        new_content_files(NewKind::inspection, "panel-2025", kToday, "national-review"),
        new_content_files(NewKind::offer, "Testshire", kToday),
    });
    CHECK(errors_of(r) == "");
    CHECK(r.ok());
}

TEST_CASE("a new site's files say what each part is for, and the name is written safely") {
    NewFiles site = new_content_files(NewKind::site, "Testshire & District Partnership", kToday);
    REQUIRE(site.files.size() == 3);
    CHECK(site.files[0].first == "site.xml");
    CHECK(site.files[0].second.find("<name>Testshire &amp; District Partnership</name>") != std::string::npos);
    CHECK(site.files[0].second.find("<!-- The partnership's full name") != std::string::npos);
    CHECK(site.files[0].second.find("reviewed=\"2026-11-22\"") != std::string::npos);
    CHECK(site.files[2].first == "pages/about.md");
}

TEST_CASE("a new file's name is checked before anything is written") {
    CHECK(new_content_files(NewKind::page, "How To Report", kToday).error ==
          "a page's name is its file name: lower-case letters, digits and hyphens, e.g. how-to-report"
          " (or practitioners/training for a page in a section), not 'How To Report'");
    CHECK(new_content_files(NewKind::page, "../escape", kToday).error.starts_with("a page's name is its file name"));
    CHECK(new_content_files(NewKind::page, "practitioners/training", kToday).files[0].first == "pages/practitioners/training.md");
    CHECK(new_content_files(NewKind::child, "C 1", kToday).error == "a child's id is lower-case letters, digits and hyphens, e.g. c-1042, not 'C 1'");
    CHECK(new_content_files(NewKind::report, "2024-26", kToday).error ==
          "a report's name is its period, the years it covers from April to March, e.g. 2024-25, not '2024-26'");
    CHECK(new_content_files(NewKind::report, "2099-00", kToday).error.empty());
    CHECK(new_content_files(NewKind::inspection, "warrington_2025", kToday).error.starts_with("an inspection's id"));
}

TEST_CASE("new inspection --framework lcspr starts a practice review: published, recommendations with an owner, no child named") {
    NewFiles review = new_content_files(NewKind::inspection, "testshire-lcspr-2025", kToday, "lcspr");
    REQUIRE(review.error.empty());
    REQUIRE(review.files.size() == 1);
    CHECK(review.files[0].first == "inspections/testshire-lcspr-2025.xml");
    const std::string& text = review.files[0].second;
    CHECK(text.find("framework=\"lcspr\"") != std::string::npos);
    CHECK(text.find("authority=\"Testshire\"") != std::string::npos);
    CHECK(text.find("<title>Local child safeguarding practice review</title>") != std::string::npos);
    CHECK(text.find("<published>2026-11-22</published>") != std::string::npos);
    CHECK(text.find("owner=\"The safeguarding partners\"") != std::string::npos);
    CHECK(text.find("never name a child") != std::string::npos);
    CHECK(text.find("<visit") == std::string::npos);
    CHECK(new_content_files(NewKind::inspection, "panel-2025", kToday, "national-review").files[0].second.find("authority=\"England\"") != std::string::npos);
    CHECK(new_content_files(NewKind::inspection, "testshire-2025", kToday, "sif-2013").error ==
          "--framework makes a practice review: lcspr, rapid-review or national-review, not 'sif-2013'; for an Ofsted report, use safesite import "
          "ofsted REPORT.pdf");
}

TEST_CASE("new never overwrites a file, and writes nothing when one exists") {
    MemoryFileSystem fs;
    fs.add_file("content/reports/2025-26/foreword.md", "# My foreword\n");
    std::string problem = write_new_files(fs, "content", new_content_files(NewKind::report, "2025-26", kToday));
    CHECK(problem == "content/reports/2025-26/foreword.md already exists; safesite new never overwrites a file. Choose another name, or edit that file");
    CHECK_FALSE(fs.exists("content/reports/2025-26/report.xml"));
    std::string err;
    CHECK(fs.read("content/reports/2025-26/foreword.md", &err) == std::optional<std::string>("# My foreword\n"));
}

TEST_CASE("a new site's theme is a copy of the default theme, without links") {
    MemoryFileSystem fs;
    fs.add_file("theme/layout.html", "<html></html>");
    fs.add_file("theme/assets/safesite.css", "body{}");
    fs.add_symlink("theme/elsewhere.html", "/etc/passwd");
    CHECK(copy_theme(fs, "theme", "new/templates").empty());
    CHECK(fs.tree("new/templates") == std::map<std::string, std::string>{{"assets/safesite.css", "body{}"}, {"layout.html", "<html></html>"}});
    CHECK(copy_theme(fs, "missing", "x") == "the default theme is not at missing; is safesite installed?");
}
